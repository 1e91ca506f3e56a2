import { AccessibilityPanel } from '../accessibility/AccessibilityPanel';
import { useAccessibilityTheme } from '../accessibility/useAccessibilityTheme';
import { useAppInfo } from '../app-info/useAppInfo';
import { KioskHeader } from '../kiosk-home/KioskHeader';
import { IdleWarningDialog } from '../session/IdleWarningDialog';
import { useIdleTimer } from '../session/useIdleTimer';
import { StatusStrip } from '../status-strip/StatusStrip';
import { routeKey } from './route';
import { useRouteStore } from './route-store';
import { RouteView } from './RouteView';
import './kiosk-app.css';

/**
 * The kiosk's frame: the entity on top (with «Accesibilidad»), the current screen, the status
 * strip at the bottom; the aids the citizen chose apply to all of it.
 */
export function KioskApp() {
  const { idle } = useAppInfo();
  useIdleTimer(idle);
  useAccessibilityTheme();
  // A new screen starts at its top: the keyed container is replaced, scroll position and all.
  const screenKey = useRouteStore((state) => routeKey(state.route));
  return (
    <div className="kiosk-app">
      <KioskHeader />
      <div key={screenKey} className="kiosk-app__content">
        <RouteView />
      </div>
      <StatusStrip />
      <AccessibilityPanel />
      <IdleWarningDialog />
    </div>
  );
}
