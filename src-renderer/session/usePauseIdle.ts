import { useEffect } from 'react';
import { useIdleStore } from './idle-store';

/**
 * Holds the idle timer while `active` is true, e.g. while a bill prints: a citizen waiting
 * for paper is not idle. Several flows may pause at once; the timer runs again, counting
 * from zero, when the last one lets go.
 */
export function usePauseIdle(active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    useIdleStore.getState().pause();
    return () => useIdleStore.getState().resume();
  }, [active]);
}
