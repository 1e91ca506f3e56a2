import type { Slice } from '../api/slice';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ReceiptPrinting } from '../devices/receipt-printer/receipt-printing';
import type { StaffAuthorizer } from '../staff/staff-authorizer';
import type { Store } from '../store/open-store';
import type { DeviceClock } from '../sync/clock';
import { cashierHandlers } from './cashier-handlers';
import { CashierService, type CashierOptions } from './cashier-service';
import { StaffSessions } from './staff-sessions';

export interface CashierDeps {
  readonly store: Store;
  readonly meta: DeviceMeta;
  /** Checks the staff's credentials against the replicated accounts (sign-in, a supervisor's approval). */
  readonly staff: StaffAuthorizer;
  readonly clock: Pick<DeviceClock, 'checkForMoney'>;
  readonly receipts: ReceiptPrinting;
  readonly parkedMoneyEvents: () => number;
  readonly serverOnline: () => Promise<boolean>;
  readonly config: CashierOptions['config'];
  readonly log: Logger;
  /** The clock of money records and staff sessions (tests fix it). */
  readonly now?: () => Date;
}

/** The counter: staff sessions (the credential its operations declare) and the cash session's money. */
export function startCashier(deps: CashierDeps): Slice {
  const now = deps.now ?? (() => new Date());
  const sessions = new StaffSessions(deps.staff, () => now().getTime());
  const cashier = new CashierService({ ...deps, sessions, authorizer: deps.staff });
  return {
    name: 'cashier',
    handlers: cashierHandlers(cashier),
    callers: { 'staff-session': (staffSession) => sessions.resolve(staffSession) },
    stop: () => Promise.resolve(),
  };
}
