import type { PrintJobView } from '../../../src-shared/api/ops/print';
import { err, ok, type Result } from '../../../src-shared/api/result';
import type { Logger } from '../../logger';
import type { Store } from '../../store/open-store';
import type { DocumentPrinter } from '../document-printer/document-printer';
import { resumeAfterRestart, sendOnce, type AttemptContext, type AttemptOutcome } from './print-attempt';
import { PrintJobRecords } from './print-job-records';
import { printMessages } from './print-messages';
import type { PrinterStatusCache } from './printer-status-cache';
import { Sleeper } from '../jobs/sleeper';

export interface PrintRequest {
  /** What is printed: bill, previous-bill, certificate, report, test-page… */
  readonly kind: string;
  /** Short title for the OS queue and staff screens. May hold a código interno: never logged. */
  readonly title: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

export interface PrintQueueOptions {
  /** Sends of one job, the first included, before a transient failure is final. */
  readonly maxAttempts?: number;
  /** Pause before the second send; doubled for each further one, with jitter, up to `retryMaxMs`. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  readonly pollMs?: number;
  readonly followTimeoutMs?: number;
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

type Task = { readonly kind: 'send'; readonly jobId: string } | { readonly kind: 'resume'; readonly jobId: string; readonly systemJobId: string };

/**
 * Persisted print jobs (docs/architecture.md, STYLE §9): queued → printing → done | failed. The bytes are
 * committed before anything reaches the printer. Jobs are sent one at a time, in order. A
 * transient failure is sent again a bounded number of times; any other failure waits for
 * `retry` or `reprint`, which only a person asks for. Nothing is ever printed twice by itself.
 */
export class PrintQueue {
  private readonly records: PrintJobRecords;
  private readonly context: AttemptContext;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly tasks: Task[] = [];
  private readonly retryTimers = new Map<string, NodeJS.Timeout>();
  /** Sends since the job was queued or retried, for the bound on automatic resends. */
  private readonly sends = new Map<string, number>();
  private readonly sleeper = new Sleeper();
  private worker: Promise<void> | null = null;
  private started = false;
  private stopping = false;

  constructor(private readonly deps: PrintQueueDeps) {
    const options = deps.options ?? {};
    const now = deps.now ?? (() => new Date());
    this.records = new PrintJobRecords(deps.store, now);
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retryBaseMs = options.retryBaseMs ?? 2_000;
    this.retryMaxMs = options.retryMaxMs ?? 30_000;
    this.context = {
      printer: deps.printer,
      status: deps.status,
      log: deps.log,
      timing: { pollMs: options.pollMs ?? 1_000, followTimeoutMs: options.followTimeoutMs ?? 180_000 },
      clock: () => now().getTime(),
      stopping: () => this.stopping,
      pause: (ms) => this.sleeper.sleep(ms),
    };
  }

  /**
   * Settles what the last run left behind, then starts sending. A job that never reached the
   * print system fails (its citizen is long gone; printing it now would leave a bill in the
   * tray for anyone); one that did is asked about and followed, never sent again.
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    const leftOver = this.records.inStates(['queued', 'printing'], this.deps.contentTypes);
    for (const job of leftOver) {
      if (job.state === 'queued') this.records.failUnsent(job.id, printMessages.notSentBeforeClose);
      else if (job.systemJobId === null) this.records.fail(job.id, printMessages.interrupted);
      else this.tasks.push({ kind: 'resume', jobId: job.id, systemJobId: job.systemJobId });
    }
    if (leftOver.length > 0) this.deps.log.info({ jobs: leftOver.length }, 'settled print jobs left by the last run');
    this.kick();
  }

  /** Whether `jobId` is one of this queue's jobs. */
  owns(jobId: string): boolean {
    const type = this.records.contentTypeOf(jobId);
    return type !== null && this.deps.contentTypes.includes(type);
  }

  /** Commits the job with its bytes, then queues it for the printer. */
  enqueue(request: PrintRequest): PrintJobView {
    if (request.content.byteLength === 0) throw new Error(printMessages.emptyDocument);
    if (!this.deps.contentTypes.includes(request.contentType)) throw new Error(`this queue does not print ${request.contentType}`);
    const row = this.records.insert(request);
    this.deps.log.info({ jobId: row.id, kind: row.kind, bytes: request.content.byteLength }, 'print job queued');
    const queued = this.view(row.id);
    this.schedule(row.id);
    return queued;
  }

  get(jobId: string): Result<PrintJobView> {
    const view = this.records.view(jobId);
    return view === null ? err('not-found', printMessages.notFoundJob) : ok(view);
  }

  /** Sends a failed job again, on a person's request. */
  retry(jobId: string): Result<PrintJobView> {
    const view = this.records.view(jobId);
    if (view === null) return err('not-found', printMessages.notFoundJob);
    if (view.state !== 'failed') return err('conflict', printMessages.retryOnlyFailed);
    this.records.requeue(jobId, null);
    this.sends.delete(jobId);
    this.deps.log.info({ jobId }, 'print job retried on request');
    const queued = this.view(jobId);
    this.schedule(jobId);
    return ok(queued);
  }

  /** A new job with the same bytes, for a second copy or a failed job printed anew. */
  reprint(jobId: string): Result<PrintJobView> {
    const original = this.records.get(jobId);
    if (original === null) return err('not-found', printMessages.notFoundJob);
    if (original.state !== 'done' && original.state !== 'failed') return err('conflict', printMessages.reprintOnlyFinished);
    const copy = this.records.insert({ ...original, copyOf: original.id });
    this.deps.log.info({ jobId: copy.id, copyOf: original.id }, 'print job reprinted');
    const queued = this.view(copy.id);
    this.schedule(copy.id);
    return ok(queued);
  }

  /**
   * Waits for the job in hand; a job the print system has keeps `printing` (the next start asks
   * about it), and jobs not yet sent fail with a message that says so.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.sleeper.wakeAll();
    const waiting = [...this.retryTimers.keys()];
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
    await this.worker;
    const unsent = [...waiting, ...this.tasks.filter((t) => t.kind === 'send').map((t) => t.jobId)];
    for (const jobId of unsent) this.records.failUnsent(jobId, printMessages.notSentBeforeClose);
    await this.deps.status.stop();
  }

  private view(jobId: string): PrintJobView {
    const view = this.records.view(jobId);
    if (view === null) throw new Error(`print job ${jobId} vanished`);
    return view;
  }

  private schedule(jobId: string): void {
    if (this.stopping) {
      this.records.failUnsent(jobId, printMessages.notSentBeforeClose);
      return;
    }
    this.tasks.push({ kind: 'send', jobId });
    this.kick();
  }

  private kick(): void {
    if (this.worker !== null || !this.started || this.stopping) return;
    this.worker = this.work().finally(() => {
      this.worker = null;
      if (this.tasks.length > 0) this.kick();
    });
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      const task = this.tasks.shift();
      if (task === undefined) return;
      try {
        await this.run(task);
      } catch (error) {
        // A bug or a store failure: the job keeps the state it had, which the next start settles.
        this.deps.log.error({ jobId: task.jobId, err: error }, 'print task failed');
      }
    }
  }

  private async run(task: Task): Promise<void> {
    if (task.kind === 'resume') {
      this.apply(task.jobId, await resumeAfterRestart(this.context, task.jobId, task.systemJobId));
      return;
    }
    const job = this.records.get(task.jobId);
    if (job === null || job.state !== 'queued') return;
    this.records.startAttempt(job.id, this.deps.printer.name);
    this.sends.set(job.id, (this.sends.get(job.id) ?? 0) + 1);
    const outcome = await sendOnce(this.context, job.id, job, (systemJobId) => this.records.setSystemJobId(job.id, systemJobId));
    this.apply(job.id, outcome);
  }

  private apply(jobId: string, outcome: AttemptOutcome): void {
    switch (outcome.kind) {
      case 'done':
        this.sends.delete(jobId);
        this.records.finish(jobId);
        return;
      case 'left-printing':
        return;
      case 'retry': {
        const sends = this.sends.get(jobId) ?? 1;
        if (sends < this.maxAttempts && !this.stopping) {
          this.records.requeue(jobId, outcome.message);
          this.retryLater(jobId, sends);
          return;
        }
        this.sends.delete(jobId);
        this.records.fail(jobId, outcome.message);
        return;
      }
      case 'failed':
        this.sends.delete(jobId);
        this.records.fail(jobId, outcome.message);
        return;
    }
  }

  private retryLater(jobId: string, sends: number): void {
    const ceiling = Math.min(this.retryMaxMs, this.retryBaseMs * 2 ** (sends - 1));
    const delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    this.deps.log.info({ jobId, sends, delayMs: delay }, 'print job will be sent again');
    const timer = setTimeout(() => {
      this.retryTimers.delete(jobId);
      this.tasks.push({ kind: 'send', jobId });
      this.kick();
    }, delay);
    timer.unref();
    this.retryTimers.set(jobId, timer);
  }
}
