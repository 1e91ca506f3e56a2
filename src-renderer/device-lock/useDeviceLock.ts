import { useEffect, useState } from 'react';
import type { DeviceLockState } from '../../src-shared/api/ops/device-lock';
import { useApiClient } from '../api/useApiClient';

/**
 * Polls `device.lockState` every `intervalMs` (the next poll once the previous answered). Null
 * until the first answer; a failed poll keeps the last known state (the web host restarting
 * must not flash the citizen screens of a locked device).
 */
export function useDeviceLock(intervalMs: number): DeviceLockState | null {
  const client = useApiClient();
  const [state, setState] = useState<DeviceLockState | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const poll = async () => {
      const result = await client.call('device.lockState', {});
      if (stopped) return;
      if (result.ok) setState(result.value);
      timer = window.setTimeout(() => void poll(), intervalMs);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [client, intervalMs]);

  return state;
}
