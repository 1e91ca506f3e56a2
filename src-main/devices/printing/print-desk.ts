import type { PrintJobView } from '../../../src-shared/api/ops/print';
import { err, type Result } from '../../../src-shared/api/result';
import { printMessages } from './print-messages';
import type { PrintQueue } from './print-queue';

/**
 * The print operations of the contract (`print.job`, `print.retry`, `print.resolve`) over every printer's
 * queue: a job id is answered by the queue that owns it, so screens never need to know which
 * printer a job went to.
 */
export class PrintDesk {
  constructor(private readonly queues: readonly PrintQueue[]) {}

  get(jobId: string): Result<PrintJobView> {
    return this.queueOf(jobId)?.get(jobId) ?? err('not-found', printMessages.notFoundJob);
  }

  retry(jobId: string): Result<PrintJobView> {
    return this.queueOf(jobId)?.retry(jobId) ?? err('not-found', printMessages.notFoundJob);
  }

  resolve(jobId: string, resolution: 'done' | 'again'): Result<PrintJobView> {
    return this.queueOf(jobId)?.resolve(jobId, resolution) ?? err('not-found', printMessages.notFoundJob);
  }

  reprint(jobId: string): Result<PrintJobView> {
    return this.queueOf(jobId)?.reprint(jobId) ?? err('not-found', printMessages.notFoundJob);
  }

  private queueOf(jobId: string): PrintQueue | undefined {
    return this.queues.find((queue) => queue.owns(jobId));
  }
}
