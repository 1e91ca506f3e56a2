import { useEffect, useEffectEvent } from 'react';
import type { OpInput, OpName, OpOutput } from '../../src-shared/api/contract';
import type { Result } from '../../src-shared/api/result';
import { useApiClient } from '../api/useApiClient';

/**
 * Calls `op` once when the screen appears (again if `input` changes; not while it is null) and
 * hands the result to `onResult`, unless the screen is gone by then: the account's data, the
 * consent text, the first captcha.
 */
export function useCallOnShow<K extends OpName>(
  op: K,
  input: OpInput<K> | null,
  onResult: (result: Result<OpOutput<K>>) => void,
): void {
  const client = useApiClient();
  const deliver = useEffectEvent(onResult);
  const key = input === null ? null : JSON.stringify(input);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    void client.call(op, JSON.parse(key) as OpInput<K>).then((result) => {
      if (live) deliver(result);
    });
    return () => {
      live = false;
    };
  }, [client, op, key]);
}
