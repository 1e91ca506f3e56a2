import { useAppInfo } from '../app-info/useAppInfo';
import { CashierApp } from '../cashier/CashierApp';
import { DeviceLockGate } from '../device-lock/DeviceLockGate';
import { FieldApp } from '../field/FieldApp';
import { KioskApp } from './KioskApp';

/**
 * Kiosks get the touch screens for citizens; counters (cashier mode) the keyboard counter; field
 * laptops the route sheet and collecting (field/FieldApp.tsx). A device the central server
 * revoked shows its lock screen instead, whatever the mode.
 */
export function ModeApp() {
  const { device } = useAppInfo();
  const app = device.mode === 'cashier' ? <CashierApp /> : device.mode === 'field' ? <FieldApp /> : <KioskApp />;
  return <DeviceLockGate>{app}</DeviceLockGate>;
}
