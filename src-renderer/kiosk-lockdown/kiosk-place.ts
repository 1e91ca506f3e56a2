import type { KioskPlace } from '../../src-shared/kiosk/out-of-service';
import { assertNever } from '../../src-shared/api/result';
import type { Route } from '../app/route';

/** Where a route puts the kiosk, for the out-of-service rule: its start, a citizen's visit, or staff screens. */
export function kioskPlace(route: Route): KioskPlace {
  switch (route.screen) {
    case 'home':
      return 'start';
    case 'feature':
      return 'visit';
    case 'staff':
    case 'parked-events':
    case 'touch-test':
      return 'staff';
    default:
      return assertNever(route);
  }
}
