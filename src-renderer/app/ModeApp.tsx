import { useAppInfo } from '../app-info/useAppInfo';
import { CashierApp } from '../cashier/CashierApp';
import { DeviceLockGate } from '../device-lock/DeviceLockGate';
import { KioskApp } from './KioskApp';

/**
 * Kiosks get the touch screens for citizens; counters (cashier mode) the keyboard counter. A
 * device the central server revoked shows its lock screen instead, whatever the mode.
 */
export function ModeApp() {
  const { device } = useAppInfo();
  return <DeviceLockGate>{device.mode === 'cashier' ? <CashierApp /> : <KioskApp />}</DeviceLockGate>;
}
