import { useEffect, useState } from 'react';
import type { DeviceStatus } from '../../src-shared/api/ops/status';
import type { ApiError } from '../../src-shared/api/result';
import { useApiClient } from '../api/useApiClient';

export type DeviceStatusView =
  | { readonly state: 'loading' }
  | { readonly state: 'known'; readonly status: DeviceStatus }
  | { readonly state: 'failed'; readonly error: ApiError };

/**
 * Polls `status.get` every `intervalMs`. The next poll is scheduled when the previous one
 * answers, so a slow host never piles requests up.
 */
export function useDeviceStatus(intervalMs: number): DeviceStatusView {
  const client = useApiClient();
  const [view, setView] = useState<DeviceStatusView>({ state: 'loading' });

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const poll = async () => {
      const result = await client.call('status.get', {});
      if (stopped) return;
      setView(result.ok ? { state: 'known', status: result.value } : { state: 'failed', error: result.error });
      timer = window.setTimeout(() => void poll(), intervalMs);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [client, intervalMs]);

  return view;
}
