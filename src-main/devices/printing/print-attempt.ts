import type { Logger } from '../../logger';
import type { DocumentPrinter, PrintDocument, PrinterCondition, SystemJobState } from '../document-printer/document-printer';
import { PrintFailure } from '../document-printer/document-printer';
import { conditionMessage, printMessages } from './print-messages';
import type { PrinterStatusCache } from './printer-status-cache';

/** How one attempt ended; the queue turns it into the job's state. */
export type AttemptOutcome =
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly message: string }
  /** Nothing reached the printer and it may work in a moment: send again after a pause. */
  | { readonly kind: 'retry'; readonly message: string }
  /** The app is stopping while the print system still has the job: it stays `printing`, and the next start asks. */
  | { readonly kind: 'left-printing' };

export interface AttemptTiming {
  /** Pause between two questions to the print system while a job is in it. */
  readonly pollMs: number;
  /** A job still in the print system after this long is cancelled and failed. */
  readonly followTimeoutMs: number;
}

export interface AttemptContext {
  readonly printer: DocumentPrinter;
  readonly status: PrinterStatusCache;
  readonly log: Logger;
  readonly timing: AttemptTiming;
  readonly clock: () => number;
  readonly stopping: () => boolean;
  /** Resolves after `ms`, or at once when the queue stops. */
  readonly pause: (ms: number) => Promise<void>;
}

/** Conditions under which a job in the print system will not move until a person acts. */
const STUCK: ReadonlySet<PrinterCondition> = new Set(['paused', 'not-found', 'not-configured']);

/**
 * One send of a job, and the following of it to the end. Once the print system has named the
 * job, nothing here sends it again: a lost answer becomes "revise la bandeja", never a second copy.
 */
export async function sendOnce(
  context: AttemptContext,
  jobId: string,
  document: PrintDocument,
  onSubmitted: (systemJobId: string) => void,
): Promise<AttemptOutcome> {
  const { printer, status, log } = context;
  let systemJobId: string;
  try {
    const now = await status.refresh();
    const blocked = conditionMessage(now.condition, printer.name, printer.spokenName);
    if (blocked !== null) {
      log.warn({ jobId, condition: now.condition, detail: now.detail }, 'printer cannot take the job');
      return { kind: 'failed', message: blocked };
    }
    systemJobId = await printer.submit(document);
  } catch (error) {
    return failureOutcome(context, jobId, error);
  }
  onSubmitted(systemJobId);
  log.info({ jobId, systemJobId }, 'print job handed to the print system');
  return follow(context, jobId, systemJobId);
}

/** After a restart: a job the print system was given before the app went down. */
export async function resumeAfterRestart(context: AttemptContext, jobId: string, systemJobId: string): Promise<AttemptOutcome> {
  let state: SystemJobState;
  try {
    state = await context.printer.jobState(systemJobId);
  } catch (error) {
    context.log.warn({ jobId, systemJobId, err: error }, 'could not ask the print system about an interrupted job');
    return { kind: 'failed', message: printMessages.unconfirmed };
  }
  if (state === 'done') return { kind: 'done' };
  if (state === 'unknown') return { kind: 'failed', message: printMessages.interrupted };
  return follow(context, jobId, systemJobId);
}

async function follow(context: AttemptContext, jobId: string, systemJobId: string): Promise<AttemptOutcome> {
  const { printer, status, log, timing, clock } = context;
  const deadline = clock() + timing.followTimeoutMs;
  let condition: PrinterCondition = 'ready';
  for (;;) {
    if (context.stopping()) return { kind: 'left-printing' };
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
      return { kind: 'failed', message: printMessages.unconfirmed };
    }
    condition = (await status.refresh()).condition;
    const stuck = STUCK.has(condition);
    if (stuck || clock() >= deadline) {
      await printer.cancel(systemJobId);
      log.warn({ jobId, systemJobId, condition, stuck }, 'print job cancelled in the print system');
      return { kind: 'failed', message: conditionMessage(condition, printer.name, printer.spokenName) ?? printMessages.timedOut };
    }
    await context.pause(timing.pollMs);
  }
}

function failureOutcome(context: AttemptContext, jobId: string, error: unknown): AttemptOutcome {
  if (!(error instanceof PrintFailure)) {
    context.log.error({ jobId, err: error }, 'print attempt failed unexpectedly');
    return { kind: 'failed', message: printMessages.internal };
  }
  context.log.warn({ jobId, failure: error.kind, detail: error.message }, 'print attempt failed');
  return error.kind === 'transient' ? { kind: 'retry', message: error.userMessage } : { kind: 'failed', message: error.userMessage };
}
