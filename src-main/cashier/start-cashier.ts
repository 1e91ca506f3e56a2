import type { Slice } from '../api/slice';
import type { DeviceMeta } from '../device/device-meta';
import type { ReceiptPrinting } from '../devices/receipt-printer/receipt-printing';
import type { Logger } from '../logger';
import { BillLookup } from '../payment-taking/bill-lookup';
import { PaymentRecorder } from '../payment-taking/payment-recorder';
import type { StaffAuthorizer } from '../staff/staff-authorizer';
import type { ServerClient } from '../server-link/server-client';
import type { Store } from '../store/open-store';
import type { DeviceClock } from '../sync/clock';
import { CounterRecharges } from '../counter-recharge/counter-recharges';
import { LiquidationFinder } from '../counter-recharge/liquidation-finder';
import { RechargeRecorder } from '../counter-recharge/recharge-recorder';
import { cashierHandlers } from './cashier-handlers';
import { CashierRecords } from './cashier-records';
import { CashSessions } from './cash-sessions';
import type { CounterConfig, CounterDeps } from './counter-context';
import { CounterPayments } from './counter-payments';
import { PaymentVoids } from './payment-voids';
import { SessionReports } from './session-reports';
import { StaffSessions } from './staff-sessions';

export interface CashierDeps {
  readonly store: Store;
  readonly meta: DeviceMeta;
  /** Checks the staff's credentials against the replicated accounts (sign-in, a supervisor's approval). */
  readonly staff: StaffAuthorizer;
  readonly clock: Pick<DeviceClock, 'checkForMoney'>;
  readonly receipts: ReceiptPrinting;
  /** Money events of this device the server refused (parked): the X and Z reports warn of them. */
  readonly parkedMoneyEvents: () => number;
  /** Asks the central server now whether it answers (a close waits for the session's records then). */
  readonly serverOnline: () => Promise<boolean>;
  /** The central server's API: a wallet recharge asks it for the liquidación (offline, the volante says). */
  readonly client: Pick<ServerClient, 'call'>;
  readonly config: CounterConfig;
  readonly log: Logger;
  /** The clock of money records and staff sessions (tests fix it). */
  readonly now?: () => Date;
  /** Staff sessions shared with the field slice (app-core.ts); the counter's own when absent. */
  readonly sessions?: StaffSessions;
}

/**
 * The counter (docs/user-guides.md): staff sessions (the credential its operations declare), the
 * cash session's money, voids, and the X and Z reports. Taking a payment is the payment-taking
 * parts (src-main/payment-taking/), which another mode can use without these screens. Money
 * records are written only through `commit`, each with its outbox event and audit line; receipts
 * print after, as persisted jobs, so a printer out of paper or a crash between the two never
 * loses or doubles a payment.
 */
export function startCashier(deps: CashierDeps): Slice {
  const now = deps.now ?? (() => new Date());
  const sessions = deps.sessions ?? new StaffSessions(deps.staff, () => now().getTime());
  const shared: CounterDeps = {
    store: deps.store,
    records: new CashierRecords(deps.store),
    meta: deps.meta,
    config: deps.config,
    log: deps.log,
    now,
  };
  const bills = new BillLookup({
    store: deps.store,
    now,
    refuseExpiredBarcodes: deps.config.refuseExpiredBarcodes,
    cashRoundingStep: deps.config.cashRoundingStep,
  });
  const recorder = new PaymentRecorder({
    store: deps.store,
    meta: deps.meta,
    deviceName: deps.config.deviceName,
    channel: 'caja',
    cashRoundingStep: deps.config.cashRoundingStep,
    now,
    log: deps.log,
  });
  const recharges = new CounterRecharges({
    ...shared,
    finder: new LiquidationFinder({
      client: deps.client,
      meta: deps.meta,
      cashRoundingStep: deps.config.cashRoundingStep,
      now,
      log: deps.log,
    }),
    recorder: new RechargeRecorder({
      store: deps.store,
      meta: deps.meta,
      deviceName: deps.config.deviceName,
      cashRoundingStep: deps.config.cashRoundingStep,
      now,
      log: deps.log,
    }),
    recharges: shared.records.recharges,
    receipts: deps.receipts,
    clock: deps.clock,
  });
  const reports = new SessionReports({ ...shared, receipts: deps.receipts, parkedMoneyEvents: deps.parkedMoneyEvents });
  const parts = {
    sessions,
    cashSessions: new CashSessions({
      ...shared,
      sessions,
      authorizer: deps.staff,
      reports,
      serverOnline: deps.serverOnline,
    }),
    payments: new CounterPayments({ ...shared, bills, recorder, receipts: deps.receipts, clock: deps.clock }),
    voids: new PaymentVoids({ ...shared, authorizer: deps.staff }),
    reports,
    recharges,
  };
  return {
    name: 'cashier',
    handlers: cashierHandlers(parts),
    callers: { 'staff-session': (staffSession) => sessions.resolve(staffSession) },
    stop: () => Promise.resolve(),
  };
}
