import type { Logger } from '../../logger';
import type { StoredJob } from '../jobs/job-table';
import type { JobOutcome, JobWork } from '../jobs/job-work';
import type { DispenseDocument, Dispenser } from './dispenser';
import { dispenserConditionMessage, dispenserMessages } from './dispenser-messages';

/** A dispense job as the runner and the dispenser see it. */
export interface DispenseJob extends StoredJob, DispenseDocument {}

/**
 * The dispenser's side of the job runner (jobs/job-runner.ts). A dispenser names no job and
 * cannot be asked about one after a restart, so it has no `resume`: a dispense the app lost in
 * the middle (a power cut) is `unknown`, for a person to look in the tray.
 *
 * - not ready before starting (paper out, jammed, offline): `failed`, nothing moved;
 * - dispensed: `done`; stopped mid-way (a jam, paper out): `failed` — the certificate did not
 *   come out whole, so the feature refunds it;
 * - no answer after it took the document: `unknown` — it may have come out: no refund, no
 *   second copy, until a person looks.
 */
export class DispenseAttempts implements JobWork<DispenseJob> {
  constructor(
    private readonly dispenser: Dispenser,
    private readonly log: Logger,
  ) {}

  async attempt(job: DispenseJob): Promise<JobOutcome> {
    const before = await this.dispenser.status();
    const blocked = dispenserConditionMessage(before.condition);
    if (blocked !== null) {
      this.log.warn(
        { jobId: job.id, condition: before.condition, detail: before.detail },
        'dispenser cannot take the job',
      );
      return { kind: 'failed', message: blocked };
    }
    const result = await this.dispenser.dispense(job);
    switch (result.kind) {
      case 'dispensed':
        this.log.info({ jobId: job.id }, 'document dispensed');
        return { kind: 'done' };
      case 'stopped':
        this.log.warn({ jobId: job.id, condition: result.condition, detail: result.detail }, 'dispense stopped');
        return { kind: 'failed', message: dispenserConditionMessage(result.condition) ?? dispenserMessages.stopped };
      case 'no-answer':
        this.log.warn({ jobId: job.id, detail: result.detail }, 'dispenser stopped answering mid-dispense');
        return { kind: 'unknown', message: dispenserMessages.noAnswer };
    }
  }
}
