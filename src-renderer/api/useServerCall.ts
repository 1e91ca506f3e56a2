import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpInput, OpName, OpOutput } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import { useApiClient } from './useApiClient';

/** What a screen that calls the central server through an operation holds while it waits. */
export interface ServerCall {
  readonly busy: boolean;
  readonly problem: ApiError | null;
  readonly setProblem: (problem: ApiError | null) => void;
  run<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K> | null>;
}

/**
 * Calls an operation that needs the central server, with busy and problem state for the
 * screen. `problemOf` turns a failure into what the citizen reads (a feature's own sentence
 * without the server; the server's Spanish sentence otherwise). An answer that arrives after
 * the screen is gone (the visit ended meanwhile) is dropped. Pass a function defined once (at
 * module level), so `run` stays the same between renders.
 */
export function useServerCall(problemOf: (error: ApiError, op: OpName) => ApiError): ServerCall {
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
      setProblem(problemOf(result.error, op));
      return null;
    },
    [client, problemOf],
  );
  return { busy, problem, setProblem, run };
}
