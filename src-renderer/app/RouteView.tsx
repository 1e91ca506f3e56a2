import { assertNever } from '../../src-shared/api/result';
import { FeatureScreen } from '../features/FeatureScreen';
import { StartScreen } from '../kiosk-home/StartScreen';
import { StaffScreen } from '../staff/StaffScreen';
import { ParkedEventsScreen } from '../sync-admin/ParkedEventsScreen';
import { TouchTestScreen } from '../touch-test/TouchTestScreen';
import { useRouteStore } from './route-store';

/** The screen for the current route. */
export function RouteView() {
  const route = useRouteStore((state) => state.route);
  switch (route.screen) {
    case 'home':
      return <StartScreen />;
    case 'feature':
      return <FeatureScreen key={route.feature} featureId={route.feature} />;
    case 'staff':
      return <StaffScreen />;
    case 'parked-events':
      return <ParkedEventsScreen />;
    case 'touch-test':
      return <TouchTestScreen />;
    default:
      return assertNever(route);
  }
}
