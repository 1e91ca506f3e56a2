import { useEffect } from 'react';
import { useIdleStore, type IdleSettings } from './idle-store';
import { hasSessionState } from './session-registry';
import { useEndSession } from './useEndSession';

/** Input that proves someone is at the screen. Capture phase: seen even if a component stops it. */
const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const tickMs = 200;

/**
 * Runs the kiosk's inactivity clock. The warning appears only while there is something to
 * protect: a screen other than the start screen, or any session store holding data (the route
 * is itself a session participant, so `hasSessionState` covers both). An untouched start
 * screen has nothing to clear, so it is never interrupted by "¿Sigue ahí?".
 */
export function useIdleTimer(settings: IdleSettings): void {
  const endSession = useEndSession();
  const { afterSeconds, warningSeconds } = settings;

  useEffect(() => {
    const onActivity = () => useIdleStore.getState().noteActivity(Date.now());
    for (const type of activityEvents) window.addEventListener(type, onActivity, { capture: true, passive: true });
    useIdleStore.getState().continueSession(Date.now());
    const timer = window.setInterval(() => {
      const outcome = useIdleStore.getState().tick(Date.now(), { afterSeconds, warningSeconds }, hasSessionState);
      if (outcome === 'timeout') endSession('idle');
    }, tickMs);
    return () => {
      window.clearInterval(timer);
      for (const type of activityEvents) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [afterSeconds, warningSeconds, endSession]);
}
