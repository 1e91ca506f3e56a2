import type { KioskCopyState, KioskPurchaseView } from '../../src-shared/api/ops/certificates';
import type { JobRunner } from '../devices/jobs/job-runner';
import type { NewPrintJob, PrintJob } from '../devices/printing/print-job-records';
import type { StoredCopy, StoredPurchase } from './purchase-records';

/** The purchase as the screen follows it; a copy not settled yet is `dispensing` while its job runs. */
export function purchaseView(purchase: StoredPurchase, runner: JobRunner<PrintJob, NewPrintJob>): KioskPurchaseView {
  const copies = purchase.copies.map((c) => ({
    copy: c.copy,
    verificationCode: c.verificationCode,
    state: copyState(c, runner),
    refunded: c.refunded,
    reported: c.reported,
  }));
  return {
    purchaseKey: purchase.purchaseKey,
    receiptNumber: purchase.receiptNumber ?? 0,
    title: purchase.title ?? '',
    businessName: purchase.businessName ?? '',
    unitPrice: purchase.unitPrice ?? 0,
    total: purchase.total ?? 0,
    balance: (purchase.balance ?? 0) + purchase.copies.reduce((sum, c) => sum + c.refunded, 0),
    copies,
    finished: purchase.copies.every((c) => c.outcome !== null),
  };
}

function copyState(copy: StoredCopy, runner: JobRunner<PrintJob, NewPrintJob>): KioskCopyState {
  switch (copy.outcome) {
    case 'completed':
      return 'delivered';
    case 'failed':
      return 'failed';
    case 'unknown':
      return 'unknown';
    case null: {
      const job = copy.jobId === null ? null : runner.get(copy.jobId);
      return job?.state === 'running' ? 'dispensing' : 'waiting';
    }
  }
}
