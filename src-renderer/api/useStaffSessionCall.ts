import { useCallback } from 'react';
import type { OpInput, OpName, OpOutput } from '../../src-shared/api/contract';
import type { Result } from '../../src-shared/api/result';
import { useApiClient } from './useApiClient';

/**
 * An operation of a staff screen (the counter's, the field laptop's) with the staff session
 * filled in. An answer that the session ended (`session-ended`: 30 minutes unused, or a
 * restart) calls `signedOut`, which takes the screen back to its sign-in.
 */
export function useStaffSessionCall(staffSession: string | null, signedOut: () => void) {
  const client = useApiClient();
  return useCallback(
    async <K extends OpName>(op: K, input: Omit<OpInput<K>, 'staffSession'>): Promise<Result<OpOutput<K>>> => {
      const result = await client.call(op, { ...input, staffSession } as OpInput<K>);
      if (!result.ok && result.error.code === 'session-ended') signedOut();
      return result;
    },
    [client, staffSession, signedOut],
  );
}
