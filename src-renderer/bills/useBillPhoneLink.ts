import { useCallback, useEffect, useRef, useState } from 'react';
import type { PhoneLinkControl, PhoneLinkState } from '../documents/phone-link-state';
import { useApiClient } from '../api/useApiClient';

/** «Llevar a mi celular» for one bill: `bills.sendToPhone`, whose link the viewer shows as a QR. */
export function useBillPhoneLink(billNumber: number, accessId: string): PhoneLinkControl {
  const client = useApiClient();
  const [state, setState] = useState<PhoneLinkState>({ phase: 'idle' });
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const request = useCallback(() => {
    setState({ phase: 'asking' });
    void client.call('bills.sendToPhone', { accessId, billNumber }).then((result) => {
      if (!mounted.current) return;
      setState(result.ok ? { phase: 'ready', link: result.value } : { phase: 'failed', error: result.error });
    });
  }, [client, accessId, billNumber]);

  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, request, dismiss };
}
