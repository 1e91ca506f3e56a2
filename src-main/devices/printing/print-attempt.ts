import type { Logger } from '../../logger';
import type { DocumentPrinter, PrinterCondition, SystemJobState } from '../document-printer/document-printer';
import { PrintFailure } from '../document-printer/document-printer';
import type { JobContext, JobOutcome, JobWork } from '../jobs/job-work';
import type { PrintJob } from './print-job-records';
import { conditionMessage, printMessages, type PrintReader } from './print-messages';
import type { PrinterStatusCache } from './printer-status-cache';

export interface AttemptTiming {
  /** Pause between two questions to the print system while a job is in it. */
  readonly pollMs: number;
  /** A job still in the print system after this long is cancelled and failed. */
  readonly followTimeoutMs: number;
}

/** Conditions under which a job in the print system will not move until a person acts. */
const STUCK: ReadonlySet<PrinterCondition> = new Set(['paused', 'not-found', 'not-configured']);

/**
 * The printer's side of the job runner: one send of a job and the following of it to the end,
 * and after a restart the question about a job the print system was given. Once the print
 * system has named the job, nothing here sends it again: a lost answer becomes `unknown`
 * ("revise la bandeja"), never a second copy.
 */
export class PrintAttempts implements JobWork<PrintJob> {
  constructor(
    private readonly printer: DocumentPrinter,
    private readonly status: PrinterStatusCache,
    private readonly log: Logger,
    private readonly timing: AttemptTiming,
    private readonly clock: () => number,
    /** Who reads the printer's condition (the device's mode can change when it is enrolled). */
    private readonly reader: () => PrintReader = () => 'citizen',
  ) {}

  async attempt(job: PrintJob, context: JobContext): Promise<JobOutcome> {
    const { printer, status, log } = this;
    let systemJobId: string;
    try {
      const now = await status.refresh();
      const blocked = conditionMessage(
        now.condition,
        printer.name,
        printer.spokenName,
        this.reader(),
        printer.offlineRemedy,
      );
      if (blocked !== null) {
        log.warn({ jobId: job.id, condition: now.condition, detail: now.detail }, 'printer cannot take the job');
        return { kind: 'failed', message: blocked };
      }
      systemJobId = await printer.submit(job);
    } catch (error) {
      return this.failureOutcome(job.id, error);
    }
    context.recordDeviceRef(systemJobId);
    log.info({ jobId: job.id, systemJobId }, 'print job handed to the print system');
    return this.follow(context, job.id, systemJobId);
  }

  /** After a restart: a job the print system was given before the app went down. */
  async resume(job: PrintJob, systemJobId: string, context: JobContext): Promise<JobOutcome> {
    let state: SystemJobState;
    try {
      state = await this.printer.jobState(systemJobId);
    } catch (error) {
      this.log.warn(
        { jobId: job.id, systemJobId, err: error },
        'could not ask the print system about an interrupted job',
      );
      return { kind: 'unknown', message: printMessages.unconfirmed };
    }
    if (state === 'done') return { kind: 'done' };
    if (state === 'unknown') return { kind: 'unknown', message: printMessages.interrupted };
    return this.follow(context, job.id, systemJobId);
  }

  private async follow(context: JobContext, jobId: string, systemJobId: string): Promise<JobOutcome> {
    const { printer, status, log, timing, clock } = this;
    const deadline = clock() + timing.followTimeoutMs;
    let condition: PrinterCondition = 'ready';
    for (;;) {
      if (context.stopping()) return { kind: 'interrupted' };
      let state: SystemJobState | null = null;
      try {
        state = await printer.jobState(systemJobId);
      } catch (error) {
        // The scheduler restarting is no reason to give up on a job it already has; the deadline is.
        log.debug({ jobId, systemJobId, err: error }, 'print system did not answer about the job');
      }
      if (state === 'done') {
        log.info({ jobId, systemJobId }, 'print job done');
        return { kind: 'done' };
      }
      if (state === 'unknown') {
        log.warn({ jobId, systemJobId }, 'print system no longer knows the job');
        return { kind: 'unknown', message: printMessages.unconfirmed };
      }
      condition = (await status.refresh()).condition;
      const stuck = STUCK.has(condition);
      if (stuck || clock() >= deadline) {
        // Withdrawn, so it cannot print later behind a person's retry.
        await printer.cancel(systemJobId);
        log.warn({ jobId, systemJobId, condition, stuck }, 'print job cancelled in the print system');
        return {
          kind: 'failed',
          message:
            conditionMessage(condition, printer.name, printer.spokenName, this.reader(), printer.offlineRemedy) ??
            printMessages.timedOut,
        };
      }
      await context.pause(timing.pollMs);
    }
  }

  private failureOutcome(jobId: string, error: unknown): JobOutcome {
    if (!(error instanceof PrintFailure)) {
      this.log.error({ jobId, err: error }, 'print attempt failed unexpectedly');
      return { kind: 'failed', message: printMessages.internal };
    }
    this.log.warn({ jobId, failure: error.kind, detail: error.message }, 'print attempt failed');
    switch (error.kind) {
      case 'transient':
        return { kind: 'transient', message: error.userMessage };
      case 'permanent':
        return { kind: 'failed', message: error.userMessage };
      case 'uncertain':
        return { kind: 'unknown', message: error.userMessage };
    }
  }
}
