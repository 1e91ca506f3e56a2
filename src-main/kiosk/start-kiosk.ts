import type { Slice } from '../api/slice';
import type { DeviceMeta } from '../device/device-meta';
import type { Store } from '../store/open-store';
import { KioskVisits } from './kiosk-visits';

export interface KioskDeps {
  readonly store: Store;
  readonly meta: DeviceMeta;
  /** Every feature forgets what the visit opened (Slice.endVisit): bill access, account sessions. */
  readonly endVisit: () => void;
}

/** The kiosk visit: its end is recorded for the office, and the next citizen starts from nothing. */
export function startKiosk(deps: KioskDeps): Slice {
  const visits = new KioskVisits(deps.store, deps.meta);
  return {
    name: 'kiosk',
    handlers: {
      'kiosk.sessionEnded': (input) => {
        deps.endVisit();
        return visits.ended(input);
      },
    },
    stop: () => Promise.resolve(),
  };
}
