import type { Handlers } from '../../src-shared/api/contract';
import type { PrintQueue } from '../printing/print-queue';
import type { AppInfoService } from '../services/app-info-service';
import type { EnrollmentService } from '../services/enrollment-service';
import type { KioskService } from '../services/kiosk-service';
import type { StatusService } from '../services/status-service';

export interface Services {
  readonly appInfo: AppInfoService;
  readonly status: StatusService;
  readonly enrollment: EnrollmentService;
  readonly kiosk: KioskService;
  readonly printQueue: PrintQueue;
}

/** Binds each contract operation to its service; the `Handlers` type makes a missing one a type error. */
export function createHandlers(services: Services): Handlers {
  return {
    'app.info': () => services.appInfo.info(),
    'status.get': () => services.status.get(),
    'device.enroll': (input) => services.enrollment.enroll(input.code),
    'kiosk.sessionEnded': (input) => services.kiosk.sessionEnded(input),
    'print.job': (input) => Promise.resolve(services.printQueue.get(input.jobId)),
    'print.retry': (input) => Promise.resolve(services.printQueue.retry(input.jobId)),
  };
}
