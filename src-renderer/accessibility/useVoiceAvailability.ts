import { useEffect, useState, useSyncExternalStore } from 'react';
import { onVoicesChanged, spanishVoice } from './speech';

/** `checking` while the browser may still be listing its voices; `none` once it is clear there is no Spanish one. */
export type VoiceAvailability = 'checking' | 'ready' | 'none';

/** Chromium lists speech-dispatcher's voices a moment after the page opens (the `voiceschanged` event). */
const listingMs = 2_500;

/** Whether spoken guidance can be heard on this machine. */
export function useVoiceAvailability(): VoiceAvailability {
  const hasVoice = useSyncExternalStore(onVoicesChanged, () => spanishVoice() !== null);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (hasVoice || waited) return undefined;
    const timer = window.setTimeout(() => setWaited(true), listingMs);
    return () => window.clearTimeout(timer);
  }, [hasVoice, waited]);
  if (hasVoice) return 'ready';
  return waited ? 'none' : 'checking';
}
