import { useAppInfo } from '../app-info/useAppInfo';
import { CashierApp } from '../cashier/CashierApp';
import { KioskApp } from './KioskApp';

/** Kiosks get the touch screens for citizens; counters (cashier mode) the keyboard counter. */
export function ModeApp() {
  const { device } = useAppInfo();
  return device.mode === 'cashier' ? <CashierApp /> : <KioskApp />;
}
