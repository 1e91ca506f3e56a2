import { ok } from '../../src-shared/api/result';
import type { Handlers } from '../api/handler';
import type { CounterRecharges } from '../counter-recharge/counter-recharges';
import type { CashSessions } from './cash-sessions';
import type { CounterPayments } from './counter-payments';
import type { PaymentVoids } from './payment-voids';
import type { SessionReports } from './session-reports';
import type { StaffSessions } from './staff-sessions';

export interface CounterParts {
  readonly sessions: StaffSessions;
  readonly cashSessions: CashSessions;
  readonly payments: CounterPayments;
  readonly voids: PaymentVoids;
  readonly reports: SessionReports;
  readonly recharges: CounterRecharges;
}

/** The counter's operations, for the staff member the dispatcher found signed in (`staff-session` auth). */
export function cashierHandlers(parts: CounterParts): Pick<Handlers, `cashier.${string}` & keyof Handlers> {
  const { sessions, cashSessions, payments, voids, reports, recharges } = parts;
  return {
    'cashier.signIn': (input) => cashSessions.signIn(input),
    'cashier.signOut': (input) => {
      sessions.signOut(input.staffSession);
      return Promise.resolve(ok({ signedOut: true as const }));
    },
    'cashier.openSession': (input, staff) => cashSessions.open(staff, input),
    'cashier.findBills': (input) => Promise.resolve(payments.find(input)),
    'cashier.takePayment': (input, staff) => payments.take(staff, input),
    'cashier.payments': (_input, staff) => payments.list(staff),
    'cashier.reprint': (input, staff) =>
      recharges.owns(input.paymentId) ? recharges.reprint(staff, input.paymentId) : payments.reprint(staff, input),
    'cashier.voidPayment': (input, staff) => voids.void(staff, input),
    'cashier.xReport': (_input, staff) => reports.printX(staff),
    'cashier.closeSession': (input, staff) => cashSessions.close(staff, input),
    'cashier.sessionReportPdf': (input) => reports.pdf(input),
    'cashier.findLiquidation': (input) => recharges.find(input),
    'cashier.takeRecharge': (input, staff) => recharges.take(staff, input),
  };
}
