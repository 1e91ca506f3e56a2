import type { Handlers } from '../api/handler';
import type { CashierService } from './cashier-service';

/** The counter's operations, for the staff member the dispatcher found signed in (`staff-session` auth). */
export function cashierHandlers(cashier: CashierService): Pick<Handlers, `cashier.${string}` & keyof Handlers> {
  return {
    'cashier.signIn': (input) => cashier.signIn(input),
    'cashier.signOut': (input) => cashier.signOut(input),
    'cashier.openSession': (input, staff) => cashier.openSession(staff, input),
    'cashier.findBills': (input) => cashier.findBills(input),
    'cashier.takePayment': (input, staff) => cashier.takePayment(staff, input),
    'cashier.payments': (_input, staff) => cashier.payments(staff),
    'cashier.reprint': (input, staff) => cashier.reprint(staff, input),
    'cashier.voidPayment': (input, staff) => cashier.voidPayment(staff, input),
    'cashier.xReport': (_input, staff) => cashier.xReport(staff),
    'cashier.closeSession': (input, staff) => cashier.closeSession(staff, input),
    'cashier.sessionReportPdf': (input) => cashier.sessionReportPdf(input),
  };
}
