import type { PrintJobView } from '../../../src-shared/api/ops/print';
import { err, ok, type Result } from '../../../src-shared/api/result';
import type { Logger } from '../../logger';
import type { Store } from '../../store/open-store';
import type { DocumentPrinter } from '../document-printer/document-printer';
import { JobRunner, type JobAnswer, type JobRunnerOptions } from '../jobs/job-runner';
import { PrintAttempts } from './print-attempt';
import { PrintJobRecords, printJobView, type NewPrintJob, type PrintJob } from './print-job-records';
import { printMessages } from './print-messages';
import type { PrinterStatusCache } from './printer-status-cache';
import type { PrintReader } from './print-messages';

export interface PrintRequest {
  /** What is printed: bill, previous-bill, certificate, report, test-page… */
  readonly kind: string;
  /** Short title for the OS queue and staff screens. May hold a código interno: never logged. */
  readonly title: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

export interface PrintQueueOptions extends Omit<JobRunnerOptions, 'leftQueued'> {
  readonly pollMs?: number;
  readonly followTimeoutMs?: number;
  /** Who stands at the printer, for the words of a printer's condition (default: a citizen). */
  readonly reader?: () => PrintReader;
}

export interface PrintQueueDeps {
  readonly store: Store;
  readonly printer: DocumentPrinter;
  /**
   * The jobs this queue owns (the document printer's PDFs, or the receipt printer's ESC/POS):
   * each printer has its own queue over the one print_jobs table.
   */
  readonly contentTypes: readonly string[];
  readonly status: PrinterStatusCache;
  readonly log: Logger;
  readonly now?: () => Date;
  readonly options?: PrintQueueOptions;
}

/**
 * One printer's persisted jobs (docs/architecture.md): the devices' job runner
 * (jobs/job-runner.ts) over print_jobs, whose `printing` is the runner's `running`. The bytes
 * are committed before anything reaches the printer; jobs print one at a time, in order. A
 * transient failure is sent again a bounded number of times; any other failure waits for
 * `retry` or `reprint`, which only a person asks for. A job the last run left unsent fails (its
 * citizen is long gone); one the print system had is asked about and followed, never sent again.
 */
export class PrintQueue {
  private readonly records: PrintJobRecords;
  private readonly runner: JobRunner<PrintJob, NewPrintJob>;

  constructor(private readonly deps: PrintQueueDeps) {
    const options = deps.options ?? {};
    const now = deps.now ?? (() => new Date());
    this.records = new PrintJobRecords(deps.store, now, deps.contentTypes, deps.printer.name);
    const attempts = new PrintAttempts(
      deps.printer,
      deps.status,
      deps.log,
      { pollMs: options.pollMs ?? 1_000, followTimeoutMs: options.followTimeoutMs ?? 180_000 },
      () => now().getTime(),
      options.reader,
    );
    this.runner = new JobRunner({
      table: this.records,
      work: attempts,
      messages: { notSent: printMessages.notSentBeforeClose, interrupted: printMessages.interrupted },
      log: deps.log,
      options: { ...options, leftQueued: 'drop' },
    });
  }

  /** Settles what the last run left behind, then starts sending. */
  start(): void {
    this.runner.start();
  }

  /** Whether `jobId` is one of this queue's jobs. */
  owns(jobId: string): boolean {
    return this.records.owns(jobId);
  }

  /** Commits the job with its bytes, then queues it for the printer; returns it `queued`. */
  enqueue(request: PrintRequest): PrintJobView {
    if (request.content.byteLength === 0) throw new Error(printMessages.emptyDocument);
    if (!this.deps.contentTypes.includes(request.contentType))
      throw new Error(`this queue does not print ${request.contentType}`);
    const job = this.runner.enqueue(request);
    this.deps.log.info({ jobId: job.id, kind: request.kind, bytes: request.content.byteLength }, 'print job queued');
    return printJobView(job);
  }

  get(jobId: string): Result<PrintJobView> {
    const view = this.records.view(jobId);
    return view === null ? err('not-found', printMessages.notFoundJob) : ok(view);
  }

  /** Sends a failed job again, on a person's request. */
  retry(jobId: string): Result<PrintJobView> {
    return this.answer(this.runner.retry(jobId), printMessages.retryOnlyFailed);
  }

  /**
   * A person looked at the tray for a job that may have printed (`unknown`): it came out
   * (`done`), or it did not and the same job is sent again (`again`).
   */
  resolve(jobId: string, resolution: 'done' | 'again'): Result<PrintJobView> {
    return this.answer(this.runner.resolve(jobId, resolution), printMessages.resolveOnlyUnknown);
  }

  /** A new job with the same bytes, for a second copy or a failed job printed anew. */
  reprint(jobId: string): Result<PrintJobView> {
    const original = this.records.get(jobId);
    if (original === null) return err('not-found', printMessages.notFoundJob);
    if (original.state !== 'done' && original.state !== 'failed' && original.state !== 'unknown')
      return err('conflict', printMessages.reprintOnlyFinished);
    const copy = this.runner.enqueue({
      kind: original.kind,
      title: original.title,
      contentType: original.contentType,
      content: original.content,
      copyOf: original.id,
    });
    this.deps.log.info({ jobId: copy.id, copyOf: original.id }, 'print job reprinted');
    return ok(printJobView(copy));
  }

  /**
   * Waits for the job in hand; a job the print system has keeps `printing` (the next start asks
   * about it), and jobs not yet sent fail with a message that says so.
   */
  async stop(): Promise<void> {
    await this.runner.stop();
    await this.deps.status.stop();
  }

  private answer(answer: JobAnswer<PrintJob>, wrongState: string): Result<PrintJobView> {
    if (answer.ok) return ok(printJobView(answer.job));
    return answer.reason === 'not-found' ? err('not-found', printMessages.notFoundJob) : err('conflict', wrongState);
  }
}
