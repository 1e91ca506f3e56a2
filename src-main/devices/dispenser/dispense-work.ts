import type { Logger } from '../../logger';
import type { StoredJob } from '../jobs/job-table';
import type { JobContext, JobOutcome, JobWork } from '../jobs/job-work';
import type { DispenseDocument, DispenseHooks, DispenseResult, Dispenser } from './dispenser';
import { dispenserConditionMessage, dispenserMessages } from './dispenser-messages';

/** A dispense job as the runner and the dispenser see it. */
export interface DispenseJob extends StoredJob, DispenseDocument {}

/**
 * The dispenser's side of the job runner (jobs/job-runner.ts).
 *
 * - not ready before starting (paper out, jammed, offline): `failed`, nothing moved;
 * - dispensed: `done`; stopped mid-way (a jam, paper out, the job aborted): `failed` — the
 *   certificate did not come out whole, so the feature refunds it;
 * - no answer after it took the document: `unknown` — it may have come out: no refund, no
 *   second copy, until a person looks.
 *
 * A dispenser that names its job (a CUPS queue: `onHandedOver`) has the name persisted as the
 * job's device reference, and after a restart `resume` follows that job to its end instead of
 * guessing; an app that quits while the job is in the device leaves it `running` for that. One
 * that names none (the simulator), or a job lost before it was named, is `unknown` after a
 * restart, for a person to look in the tray.
 */
export class DispenseAttempts implements JobWork<DispenseJob> {
  constructor(
    private readonly dispenser: Dispenser,
    private readonly log: Logger,
  ) {}

  async attempt(job: DispenseJob, context?: JobContext): Promise<JobOutcome> {
    const before = await this.dispenser.status();
    const blocked = dispenserConditionMessage(before.condition);
    if (blocked !== null) {
      this.log.warn(
        { jobId: job.id, condition: before.condition, detail: before.detail },
        'dispenser cannot take the job',
      );
      return { kind: 'failed', message: blocked };
    }
    let named = false;
    const hooks: DispenseHooks =
      context === undefined
        ? {}
        : {
            onHandedOver: (ref) => {
              named = true;
              context.recordDeviceRef(ref);
            },
            stopping: () => context.stopping(),
            pause: (ms) => context.pause(ms),
          };
    return this.outcome(job, await this.dispenser.dispense(job, hooks), named ? context : undefined);
  }

  async resume(job: DispenseJob, deviceRef: string, context?: JobContext): Promise<JobOutcome> {
    if (this.dispenser.follow === undefined) {
      this.log.warn({ jobId: job.id }, 'dispenser cannot be asked about a job after a restart');
      return { kind: 'unknown', message: dispenserMessages.interrupted };
    }
    this.log.info({ jobId: job.id, deviceRef }, 'following a dispense job after a restart');
    const hooks: Pick<DispenseHooks, 'stopping' | 'pause'> =
      context === undefined ? {} : { stopping: () => context.stopping(), pause: (ms) => context.pause(ms) };
    return this.outcome(job, await this.dispenser.follow(deviceRef, hooks), context);
  }

  /**
   * `following`: the context of a job the device has named, so that a `no-answer` because the
   * app is stopping leaves the job `running`, to be followed by its name after the restart.
   */
  private outcome(job: DispenseJob, result: DispenseResult, following?: JobContext): JobOutcome {
    if (result.kind === 'no-answer' && following?.stopping() === true) {
      this.log.info({ jobId: job.id }, 'stopping while the dispenser has the job; it is followed after the restart');
      return { kind: 'interrupted' };
    }
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
