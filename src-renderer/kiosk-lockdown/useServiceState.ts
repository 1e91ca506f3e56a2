import { useEffect, useState } from 'react';
import type { ServiceState } from '../../src-shared/kiosk/out-of-service';
import { useApiClient } from '../api/useApiClient';

const inService: ServiceState = { inService: true, problems: [] };

/**
 * Polls `kiosk.serviceState` every `intervalMs` (the next poll when the previous one answers,
 * like the status strip). A failed poll keeps the last answer: the kiosk does not close, nor
 * open, on a hiccup of its own host.
 */
export function useServiceState(intervalMs: number): ServiceState {
  const client = useApiClient();
  const [state, setState] = useState<ServiceState>(inService);

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const poll = async () => {
      const result = await client.call('kiosk.serviceState', {});
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
