import { useAppInfo } from '../app-info/useAppInfo';
import { displayNit } from '../format/display-nit';
import { StatusStrip } from '../status-strip/StatusStrip';
import { ParkedEventsScreen } from '../sync-admin/ParkedEventsScreen';
import { CloseScreen } from './CloseScreen';
import { CounterScreen } from './CounterScreen';
import { OpenSessionScreen } from './OpenSessionScreen';
import { PaymentsScreen } from './PaymentsScreen';
import { RechargeScreen } from './RechargeScreen';
import { SignInScreen } from './SignInScreen';
import { useCashierStore } from './cashier-store';
import './cashier.css';

/**
 * The counter (device mode `cashier`): keyboard and barcode scanner only, no touch targets
 * needed. Function keys are named on screen where they act; Enter always moves forward.
 */
export function CashierApp() {
  const { entity, device } = useAppInfo();
  const screen = useCashierStore((state) => state.screen);
  const staff = useCashierStore((state) => state.staff);
  const show = useCashierStore((state) => state.show);
  return (
    <div className="cashier-app">
      <header className="cashier-app__header">
        <div>
          <p className="cashier-app__entity">{entity.name}</p>
          <p className="cashier-app__meta">
            NIT {displayNit(entity.nit)} · {device.name}
          </p>
        </div>
        {staff !== null && (
          <p className="cashier-app__staff">
            {staff.fullName} <span>({staff.role})</span>
          </p>
        )}
      </header>
      {screen === 'parked' ? (
        // The parked records are also a kiosk screen and bring their own <main>: one per page.
        <div className="cashier-app__main">
          <ParkedEventsScreen onBack={() => show('sign-in')} />
        </div>
      ) : (
        <main className="cashier-app__main">
          {screen === 'sign-in' && <SignInScreen />}
          {screen === 'open' && <OpenSessionScreen />}
          {screen === 'counter' && <CounterScreen />}
          {screen === 'recharge' && <RechargeScreen />}
          {screen === 'payments' && <PaymentsScreen />}
          {screen === 'close' && <CloseScreen />}
        </main>
      )}
      <StatusStrip audience="counter" />
    </div>
  );
}
