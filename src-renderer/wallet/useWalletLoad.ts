import { useEffect, useEffectEvent, useState } from 'react';
import type { OpInput, OpName, OpOutput } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import { useApiClient } from '../api/useApiClient';
import { walletProblem } from './useWalletCall';

export type WalletLoad<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: ApiError }
  | { readonly status: 'ready'; readonly value: T };

/**
 * Calls `op` when the screen appears, and again on `reload` («Reintentar»), e.g. the terms. An
 * answer for a screen that is gone is dropped; without the central server the error is the
 * wallet's plain sentence.
 */
export function useWalletLoad<K extends OpName>(
  op: K,
  input: OpInput<K>,
): { readonly state: WalletLoad<OpOutput<K>>; reload(): void } {
  const client = useApiClient();
  const [state, setState] = useState<WalletLoad<OpOutput<K>>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const currentInput = useEffectEvent(() => input);
  useEffect(() => {
    let live = true;
    void client.call(op, currentInput()).then((result) => {
      if (!live) return;
      setState(
        result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: walletProblem(result.error) },
      );
    });
    return () => {
      live = false;
    };
  }, [client, op, attempt]);
  const reload = () => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  };
  return { state, reload };
}
