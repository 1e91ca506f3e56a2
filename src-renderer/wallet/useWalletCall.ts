import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpInput, OpName, OpOutput } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import { useApiClient } from '../api/useApiClient';
import { walletOfflineText } from './wallet-words';

/** The server's sentence, except without it: then the wallet's own, which says what to do instead. */
export const walletProblem = (error: ApiError): ApiError =>
  error.code === 'offline' ? { code: 'offline', message: walletOfflineText } : error;

/**
 * Calls a wallet operation with busy and problem state for the screen. Every wallet operation
 * needs the central server; without it the citizen reads that plainly (walletOfflineText). An
 * answer that arrives after the screen is gone (the visit ended meanwhile) is dropped.
 */
export function useWalletCall(): {
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
      setProblem(walletProblem(result.error));
      return null;
    },
    [client],
  );
  return { busy, problem, setProblem, run };
}
