import { useCallback, useState } from 'react';
import type { OpInput, OpName, OpOutput } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import { useApiClient } from '../api/useApiClient';
import { useAccountStore } from './account-store';

/**
 * Calls an account operation with busy and problem state for the screen. An answer saying the
 * session ended (`session-ended`: idle on the server, logged out elsewhere, the kiosk restarted)
 * takes the citizen back to «Ingresar»; a wrong password (`wrong-credentials`) stays on the form.
 */
export function useAccountCall(): {
  readonly busy: boolean;
  readonly problem: ApiError | null;
  readonly setProblem: (problem: ApiError | null) => void;
  run<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K> | null>;
} {
  const client = useApiClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const run = useCallback(
    async <K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K> | null> => {
      setBusy(true);
      const result = await client.call(op, input);
      setBusy(false);
      if (result.ok) {
        setProblem(null);
        return result.value;
      }
      const hadSession = useAccountStore.getState().session !== null;
      if (result.error.code === 'session-ended' && hadSession) {
        useAccountStore.getState().loggedOut();
        useAccountStore.getState().show('login', result.error.message);
        return null;
      }
      setProblem(result.error);
      return null;
    },
    [client],
  );
  return { busy, problem, setProblem, run };
}
