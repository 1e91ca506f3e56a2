import { useCallback, useEffect, useState } from 'react';
import type { OpInput, OpOutput } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import { useApiClient } from '../api/useApiClient';

/** The operations that read one validated código interno's data. */
type AccessQuery = 'bills.current' | 'bills.payments' | 'bills.previous';

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'failed'; readonly error: ApiError };

/**
 * Loads one of the validated code's views from the service. The answer lives in this
 * component only (never in a store), so it is gone as soon as the screen is: leaving the
 * function, "Terminar" or the idle timeout all unmount it.
 */
export function useAccessQuery<K extends AccessQuery>(
  op: K,
  accessId: string,
): { state: QueryState<OpOutput<K>>; reload: () => void } {
  const client = useApiClient();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<QueryState<OpOutput<K>>>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    // The three operations take the same input; TypeScript cannot narrow OpInput<K> over a union K.
    const input = { accessId } satisfies OpInput<AccessQuery> as OpInput<K>;
    void client.call(op, input).then((result) => {
      if (!current) return;
      setState(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [client, op, accessId, attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, reload };
}
