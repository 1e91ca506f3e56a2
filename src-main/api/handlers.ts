import type { AccountsService } from '../accounts/accounts-service';
import type { Handlers } from '../../src-shared/api/contract';
import { ok } from '../../src-shared/api/result';
import type { BillAccess } from '../bills/bill-access';
import type { BillsService } from '../bills/bills-service';
import type { PrintDesk } from '../printing/print-desk';
import type { AppInfoService } from '../services/app-info-service';
import type { EnrollmentService } from '../services/enrollment-service';
import type { KioskService } from '../services/kiosk-service';
import type { StatusService } from '../services/status-service';
import type { SyncAdminService } from '../services/sync-admin-service';
import type { StaffAuthorizer } from '../staff/staff-authorizer';
import type { CashierService } from '../cashier/cashier-service';
import type { DeviceLock } from '../device-lock/device-lock';
import type { PrintedReceipt } from '../receipt-printing/print-receipt';

export interface Services {
  readonly appInfo: AppInfoService;
  readonly status: StatusService;
  readonly enrollment: EnrollmentService;
  readonly kiosk: KioskService;
  readonly billAccess: BillAccess;
  readonly bills: BillsService;
  readonly printDesk: PrintDesk;
  readonly syncAdmin: SyncAdminService;
  readonly staff: StaffAuthorizer;
  readonly cashier: CashierService;
  readonly accounts: AccountsService;
  readonly deviceLock: DeviceLock;
  /** The receipt printer's test page for the installer. */
  readonly receiptTestPage: () => Promise<PrintedReceipt>;
}

/** Binds each contract operation to its service; the `Handlers` type makes a missing one a type error. */
export function createHandlers(services: Services): Handlers {
  return {
    'app.info': () => services.appInfo.info(),
    'status.get': () => services.status.get(),
    'device.enroll': (input) => services.enrollment.enroll(input.code),
    'device.lockState': () => Promise.resolve(ok(services.deviceLock.state())),
    'device.exportUnsentEvents': (input) => Promise.resolve(services.deviceLock.exportUnsentEvents(input.grantId)),
    'kiosk.sessionEnded': (input) => {
      // The next citizen starts from nothing: no access to the last one's bills.
      services.billAccess.endSession();
      services.accounts.endVisit();
      return services.kiosk.sessionEnded(input);
    },
    'bills.startValidation': (input) => Promise.resolve(services.billAccess.startValidation(input)),
    'bills.answerValidation': (input) => Promise.resolve(services.billAccess.answerValidation(input)),
    'bills.current': (input) => services.bills.current(input),
    'bills.payments': (input) => services.bills.payments(input),
    'bills.previous': (input) => services.bills.previous(input),
    'bills.pdf': (input) => services.bills.pdf(input),
    'bills.print': (input) => services.bills.print(input),
    'print.job': (input) => Promise.resolve(services.printDesk.get(input.jobId)),
    'print.retry': (input) => Promise.resolve(services.printDesk.retry(input.jobId)),
    'print.receiptTestPage': async () => ok(await services.receiptTestPage()),
    'sync.now': () => services.syncAdmin.syncNow(),
    'sync.parked': (input) => services.syncAdmin.parked(input.grantId),
    'sync.resolveParked': (input) => services.syncAdmin.resolve(input.grantId, input.eventId, input.action),
    'staff.authorize': (input) => services.staff.authorize(input.username, input.password),
    'cashier.signIn': (input) => services.cashier.signIn(input),
    'cashier.signOut': (input) => services.cashier.signOut(input),
    'cashier.openSession': (input) => services.cashier.openSession(input),
    'cashier.findBills': (input) => services.cashier.findBills(input),
    'cashier.takePayment': (input) => services.cashier.takePayment(input),
    'cashier.payments': (input) => services.cashier.payments(input),
    'cashier.reprint': (input) => services.cashier.reprint(input),
    'cashier.voidPayment': (input) => services.cashier.voidPayment(input),
    'cashier.xReport': (input) => services.cashier.xReport(input),
    'cashier.closeSession': (input) => services.cashier.closeSession(input),
    'cashier.sessionReportPdf': (input) => services.cashier.sessionReportPdf(input),
    'accounts.policy': () => services.accounts.policy(),
    'accounts.register': (input) => services.accounts.register(input),
    'accounts.login': (input) => services.accounts.login(input),
    'accounts.captcha': () => services.accounts.captcha(),
    'accounts.recover': (input) => services.accounts.recover(input),
    'accounts.profile': (input) => services.accounts.profile(input.session),
    'accounts.saveProfile': (input) => services.accounts.saveProfile(input),
    'accounts.changePassword': (input) => services.accounts.changePassword(input),
    'accounts.confirmEmail': (input) => services.accounts.confirmEmail(input),
    'accounts.linkCode': (input) => services.accounts.linkCode(input),
    'accounts.openCode': (input) => services.accounts.openCode(input),
    'accounts.logout': (input) => services.accounts.logout(input.session),
  };
}
