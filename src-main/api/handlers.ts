import type { AccountsService } from '../accounts/accounts-service';
import { ok } from '../../src-shared/api/result';
import type { BillAccess } from '../bills/bill-access';
import type { BillsService } from '../bills/bills-service';
import type { PhoneLinks } from '../documents/phone-links';
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
import type { Handlers } from './handler';
import { billsHandlers } from '../bills/bills-handlers';
import { cashierHandlers } from '../cashier/cashier-handlers';

export interface Services {
  readonly appInfo: AppInfoService;
  readonly status: StatusService;
  readonly enrollment: EnrollmentService;
  readonly kiosk: KioskService;
  readonly billAccess: BillAccess;
  readonly bills: BillsService;
  /** «Llevar a mi celular»: documents left on the central server for a phone. */
  readonly phoneLinks: PhoneLinks;
  readonly printDesk: PrintDesk;
  readonly syncAdmin: SyncAdminService;
  readonly staff: StaffAuthorizer;
  readonly cashier: CashierService;
  readonly accounts: AccountsService;
  readonly deviceLock: DeviceLock;
  /** The receipt printer's test page for the installer. */
  readonly receiptTestPage: () => Promise<PrintedReceipt>;
}

/**
 * Binds each contract operation to its service; the `Handlers` type makes a missing one a type
 * error. Operations with an `auth` get the caller the dispatcher checked (a staff member, a
 * supervisor's grant, the visit's código interno, the citizen's session).
 */
export function createHandlers(services: Services): Handlers {
  return {
    'app.info': () => services.appInfo.info(),
    'status.get': () => services.status.get(),
    'device.enroll': (input) => services.enrollment.enroll(input.code),
    'device.lockState': () => Promise.resolve(ok(services.deviceLock.state())),
    'device.exportUnsentEvents': (_input, supervisor) => Promise.resolve(services.deviceLock.exportUnsentEvents(supervisor)),
    'kiosk.sessionEnded': (input) => {
      // The next citizen starts from nothing: no access to the last one's bills.
      services.billAccess.endSession();
      services.accounts.endVisit();
      return services.kiosk.sessionEnded(input);
    },
    ...billsHandlers(services.billAccess, services.bills, services.phoneLinks),
    'print.job': (input) => Promise.resolve(services.printDesk.get(input.jobId)),
    'print.retry': (input) => Promise.resolve(services.printDesk.retry(input.jobId)),
    'print.receiptTestPage': async () => ok(await services.receiptTestPage()),
    'sync.now': () => services.syncAdmin.syncNow(),
    'sync.parked': () => services.syncAdmin.parked(),
    'sync.resolveParked': (input, supervisor) => services.syncAdmin.resolve(supervisor, input.eventId, input.action),
    'staff.authorize': (input) => services.staff.authorize(input.username, input.password),
    ...cashierHandlers(services.cashier),
    'accounts.policy': () => services.accounts.policy(),
    'accounts.register': (input) => services.accounts.register(input),
    'accounts.login': (input) => services.accounts.login(input),
    'accounts.captcha': () => services.accounts.captcha(),
    'accounts.recover': (input) => services.accounts.recover(input),
    'accounts.profile': (_input, citizen) => services.accounts.profile(citizen.session),
    'accounts.saveProfile': (input) => services.accounts.saveProfile(input),
    'accounts.changePassword': (input) => services.accounts.changePassword(input),
    'accounts.confirmEmail': (input) => services.accounts.confirmEmail(input),
    'accounts.linkCode': (input) => services.accounts.linkCode(input),
    'accounts.openCode': (input) => services.accounts.openCode(input),
    'accounts.logout': (_input, citizen) => services.accounts.logout(citizen.session),
  };
}
