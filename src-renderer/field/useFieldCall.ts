import { useCallback } from 'react';
import type { OpInput, OpName, OpOutput } from '../../src-shared/api/contract';
import type { Result } from '../../src-shared/api/result';
import { useApiClient } from '../api/useApiClient';
import { useFieldStore } from './field-store';

/** A field operation with the staff session filled in; `session-ended` takes the laptop back to the sign-in. */
export function useFieldCall() {
  const client = useApiClient();
  const staffSession = useFieldStore((state) => state.staffSession);
  const signedOut = useFieldStore((state) => state.signedOut);
  return useCallback(
    async <K extends OpName>(op: K, input: Omit<OpInput<K>, 'staffSession'>): Promise<Result<OpOutput<K>>> => {
      const result = await client.call(op, { ...input, staffSession } as OpInput<K>);
      if (!result.ok && result.error.code === 'session-ended') signedOut();
      return result;
    },
    [client, staffSession, signedOut],
  );
}
