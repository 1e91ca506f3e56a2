import { useState } from 'react';
import { showOutOfService, type ServiceProblem } from '../../src-shared/kiosk/out-of-service';
import { useRouteStore } from '../app/route-store';
import { kioskPlace } from './kiosk-place';
import { useServiceState } from './useServiceState';

/** The problems to show on «Fuera de servicio», or null while the kiosk serves (out-of-service.ts decides). */
export function useOutOfService(): readonly ServiceProblem[] | null {
  const state = useServiceState(3_000);
  const place = useRouteStore((s) => kioskPlace(s.route));
  const [showing, setShowing] = useState(false);
  const show = showOutOfService(state, place, showing);
  // Kept while it shows, so a citizen who goes on to a screen does not make it vanish (React's
  // state-from-render pattern: set during render, re-rendered at once, no effect).
  if (show !== showing) setShowing(show);
  return show ? state.problems : null;
}
