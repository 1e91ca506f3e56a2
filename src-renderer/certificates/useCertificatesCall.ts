import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpInput, OpName, OpOutput } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import { useApiClient } from '../api/useApiClient';
import { certificatesOfflineText } from './certificate-words';

/**
 * Calls a certificates operation with busy and problem state for the screen. The server's
 * Spanish sentence is shown as it comes (a balance too low says how much is missing and how to
 * recharge); without the server, the kiosk's own. An answer after the screen is gone is dropped.
 */
export function useCertificatesCall(): {
  readonly busy: boolean;
  readonly problem: ApiError | null;
  readonly setProblem: (problem: ApiError | null) => void;
  run<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K> | null>;
} {
  const client = useApiClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    async <K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K> | null> => {
      setBusy(true);
      const result = await client.call(op, input);
      if (!mounted.current) return null;
      setBusy(false);
      if (result.ok) {
        setProblem(null);
        return result.value;
      }
      const { error } = result;
      // A purchase left unanswered has its own sentence (the money may be held): keep it.
      const offline = error.code === 'offline' && op !== 'certificates.purchase';
      setProblem(offline ? { code: 'offline', message: certificatesOfflineText } : error);
      return null;
    },
    [client],
  );
  return { busy, problem, setProblem, run };
}
