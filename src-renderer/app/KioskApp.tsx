import { AccessibilityPanel } from '../accessibility/AccessibilityPanel';
import { useAccessibilityTheme } from '../accessibility/useAccessibilityTheme';
import { useAppInfo } from '../app-info/useAppInfo';
import { KioskHeader } from '../kiosk-home/KioskHeader';
import { KioskStaffDialog } from '../kiosk-lockdown/KioskStaffDialog';
import { OutOfServiceScreen } from '../kiosk-lockdown/OutOfServiceScreen';
import { StaffCorner } from '../kiosk-lockdown/StaffCorner';
import { useKioskLockdown } from '../kiosk-lockdown/useKioskLockdown';
import { useOutOfService } from '../kiosk-lockdown/useOutOfService';
import { IdleWarningDialog } from '../session/IdleWarningDialog';
import { useIdleTimer } from '../session/useIdleTimer';
import { StatusStrip } from '../status-strip/StatusStrip';
import { routeKey } from './route';
import { useRouteStore } from './route-store';
import { RouteView } from './RouteView';
import './kiosk-app.css';

/**
 * The kiosk's frame: the entity on top (with «Accesibilidad»), the current screen, the status
 * strip at the bottom; the aids the citizen chose apply to all of it. Locked down on any host
 * (docs/kiosk-lockdown.md): no context menu, drops or browser shortcuts; staff come in by the
 * hidden corner; «Fuera de servicio» replaces the start screen while a required device is down.
 */
export function KioskApp() {
  const { idle } = useAppInfo();
  useIdleTimer(idle);
  useAccessibilityTheme();
  useKioskLockdown();
  const outOfService = useOutOfService();
  // A new screen starts at its top: the keyed container is replaced, scroll position and all.
  const screenKey = useRouteStore((state) => routeKey(state.route));
  return (
    <div className="kiosk-app">
      <KioskHeader />
      <div key={screenKey} className="kiosk-app__content">
        {outOfService === null ? <RouteView /> : <OutOfServiceScreen problems={outOfService} />}
      </div>
      <StatusStrip />
      <AccessibilityPanel />
      <IdleWarningDialog />
      <KioskStaffDialog />
      <StaffCorner />
    </div>
  );
}
