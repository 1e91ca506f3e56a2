import { useCallback } from 'react';
import type { OpInput, OpName, OpOutput } from '../../src-shared/api/contract';
import type { Result } from '../../src-shared/api/result';
import { useApiClient } from '../api/useApiClient';
import { useCashierStore } from './cashier-store';

/**
 * A cashier operation with the staff session filled in. An answer that the session ended
 * (`session-ended`: 30 minutes unused, or a restart) takes the counter back to the sign-in; a
 * supervisor's wrong password (`wrong-credentials`) is shown where it was typed.
 */
export function useCashierCall() {
  const client = useApiClient();
  const staffSession = useCashierStore((state) => state.staffSession);
  const signedOut = useCashierStore((state) => state.signedOut);
  return useCallback(
    async <K extends OpName>(op: K, input: Omit<OpInput<K>, 'staffSession'>): Promise<Result<OpOutput<K>>> => {
      const result = await client.call(op, { ...input, staffSession } as OpInput<K>);
      if (!result.ok && result.error.code === 'session-ended') signedOut();
      return result;
    },
    [client, staffSession, signedOut],
  );
}
