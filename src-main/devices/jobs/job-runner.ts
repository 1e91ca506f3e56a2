import type { Logger } from '../../logger';
import { isSettled, jobMoves, type JobMove } from './job-state';
import type { JobChange, JobTable, StoredJob } from './job-table';
import type { JobContext, JobOutcome, JobWork } from './job-work';
import { Sleeper } from './sleeper';

export interface JobRunnerOptions {
  /** Sends of one job, the first included, before a transient failure is final. Counted from its queueing or a person's retry. */
  readonly maxAttempts?: number;
  /** Pause before the second send; doubled for each further one, with jitter, up to `retryMaxMs`. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /**
   * What a job the last run left `queued` becomes at start. `drop` (the default): `failed`, with
   * `messages.notSent` — its person is long gone, and a bill printed now would lie in the tray
   * for anyone. `send`: sent now; nothing of it reached the device, so this is not a repeat.
   */
  readonly leftQueued?: 'drop' | 'send';
}

/** The Spanish sentences the runner itself writes into `lastError`; each kind of job words its own. */
export interface JobRunnerMessages {
  /** The job never reached the device: the app stopped first. */
  readonly notSent: string;
  /** The last run left the job with the device and nobody can say how it ended. */
  readonly interrupted: string;
}

export interface JobRunnerDeps<TJob extends StoredJob, TNew> {
  readonly table: JobTable<TJob, TNew>;
  readonly work: JobWork<TJob>;
  readonly messages: JobRunnerMessages;
  readonly log: Logger;
  readonly options?: JobRunnerOptions;
  /**
   * Told each time a job comes to rest — `done`, `failed` or `unknown` — whoever moved it: what
   * a feature with consequences listens to (a certificate not dispensed is refunded; one that
   * may have come out is for a person to look at, never refunded by itself). Must not throw.
   */
  readonly onSettled?: (job: TJob) => void;
}

/** A person's request about a job, answered without exceptions. */
export type JobAnswer<TJob> =
  { readonly ok: true; readonly job: TJob } | { readonly ok: false; readonly reason: 'not-found' | 'wrong-state' };

/** What a person says about an `unknown` job after looking: it came out, or do it again. */
export type UnknownResolution = 'done' | 'again';

type Task =
  | { readonly kind: 'send'; readonly jobId: string }
  | { readonly kind: 'resume'; readonly jobId: string; readonly deviceRef: string };

/**
 * The generic persisted job runner of the devices (STYLE §9; states in `job-state.ts`): jobs of
 * one device, committed before the device sees them, run one at a time in the order they were
 * queued. Nothing is ever done twice by itself: a transient failure (nothing reached the
 * device) is sent again a bounded number of times; a `failed` job waits for `retry`; an
 * `unknown` one for a person's `resolve`. After a restart, a job the device had is asked about
 * (`JobWork.resume`), never sent again. Printing runs on it (`devices/printing/print-queue.ts`);
 * the certificate dispenser will (`devices/dispenser/dispense-work.ts`).
 */
export class JobRunner<TJob extends StoredJob, TNew> {
  private readonly table: JobTable<TJob, TNew>;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly tasks: Task[] = [];
  private readonly retryTimers = new Map<string, NodeJS.Timeout>();
  /** Sends since the job was queued or a person asked again, for the bound on automatic resends. */
  private readonly sends = new Map<string, number>();
  private readonly sleeper = new Sleeper();
  private worker: Promise<void> | null = null;
  private readonly idleWaiters: (() => void)[] = [];
  private started = false;
  private stopping = false;

  constructor(private readonly deps: JobRunnerDeps<TJob, TNew>) {
    const options = deps.options ?? {};
    this.table = deps.table;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retryBaseMs = options.retryBaseMs ?? 2_000;
    this.retryMaxMs = options.retryMaxMs ?? 30_000;
  }

  /** Settles what the last run left behind, then starts working. */
  start(): void {
    if (this.started) return;
    this.started = true;
    // Jobs queued in this run before start() are this run's, not left over.
    const ours = new Set(this.tasks.map((t) => t.jobId));
    const leftOver = this.table.inStates(['queued', 'running']).filter((job) => !ours.has(job.id));
    for (const job of leftOver) {
      if (job.state === 'queued') {
        if (this.deps.options?.leftQueued === 'send') this.tasks.push({ kind: 'send', jobId: job.id });
        else this.move(job.id, 'drop', { lastError: this.deps.messages.notSent });
      } else if (job.deviceRef !== null && this.deps.work.resume !== undefined) {
        this.tasks.push({ kind: 'resume', jobId: job.id, deviceRef: job.deviceRef });
      } else {
        // An attempt was under way and the device never named the job: it may have done it.
        this.loseTrack(job.id, this.deps.messages.interrupted);
      }
    }
    if (leftOver.length > 0) this.deps.log.info({ jobs: leftOver.length }, 'settled jobs left by the last run');
    this.kick();
  }

  /** Commits the job, then queues it for the device; returns it as committed (`queued`). */
  enqueue(job: TNew): TJob {
    const row = this.table.insert(job);
    this.deps.log.info({ jobId: row.id }, 'job queued');
    this.schedule(row.id);
    return row;
  }

  get(jobId: string): TJob | null {
    return this.table.get(jobId);
  }

  /** Sends a `failed` job again, on a person's request; nothing else does. */
  retry(jobId: string): JobAnswer<TJob> {
    return this.ask(jobId, 'retry', 'job retried on request');
  }

  /** A person looked at an `unknown` job: it came out (`done`), or it did not and is to be done again. */
  resolve(jobId: string, resolution: UnknownResolution): JobAnswer<TJob> {
    return resolution === 'done'
      ? this.ask(jobId, 'confirm', 'unknown job confirmed done by a person')
      : this.ask(jobId, 'redo', 'unknown job sent again on request');
  }

  /** Resolves once nothing is in hand, queued to run, or waiting for a resend. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.wakeIdleWaiters();
    });
  }

  /**
   * Waits for the job in hand; a job the device has stays `running` (the next start asks about
   * it), and jobs not yet sent fail with a message that says so.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.sleeper.wakeAll();
    const waiting = [...this.retryTimers.keys()];
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
    await this.worker;
    const unsent = [...waiting, ...this.tasks.filter((t) => t.kind === 'send').map((t) => t.jobId)];
    for (const jobId of unsent) this.move(jobId, 'drop', { lastError: this.deps.messages.notSent });
    this.wakeIdleWaiters();
  }

  private ask(jobId: string, move: 'retry' | 'confirm' | 'redo', said: string): JobAnswer<TJob> {
    const job = this.table.get(jobId);
    if (job === null) return { ok: false, reason: 'not-found' };
    const resets: Omit<JobChange, 'to'> =
      move === 'confirm' ? { lastError: null } : { lastError: null, deviceRef: null };
    if (!this.move(jobId, move, resets)) return { ok: false, reason: 'wrong-state' };
    this.deps.log.info({ jobId }, said);
    // Read before the worker may take it, so the caller sees the state the request produced.
    const answer = this.current(jobId);
    if (move !== 'confirm') {
      this.sends.delete(jobId);
      this.schedule(jobId);
    }
    return { ok: true, job: answer };
  }

  private current(jobId: string): TJob {
    const job = this.table.get(jobId);
    if (job === null) throw new Error(`job ${jobId} vanished`);
    return job;
  }

  private schedule(jobId: string): void {
    if (this.stopping) {
      this.move(jobId, 'drop', { lastError: this.deps.messages.notSent });
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
      else this.wakeIdleWaiters();
    });
  }

  private wakeIdleWaiters(): void {
    const busy =
      this.worker !== null || this.retryTimers.size > 0 || (this.tasks.length > 0 && this.started && !this.stopping);
    if (busy) return;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      const task = this.tasks.shift();
      if (task === undefined) return;
      try {
        await this.run(task);
      } catch (error) {
        // A bug or a store failure: the job keeps the state it had, which the next start settles.
        this.deps.log.error({ jobId: task.jobId, err: error }, 'job task failed');
      }
    }
  }

  private async run(task: Task): Promise<void> {
    const context = this.context(task.jobId);
    if (task.kind === 'resume') {
      const job = this.table.get(task.jobId);
      const { work } = this.deps;
      if (job?.state !== 'running' || work.resume === undefined) return;
      const resume = work.resume.bind(work);
      this.apply(task.jobId, await this.guarded(task.jobId, () => resume(job, task.deviceRef, context)));
      return;
    }
    const queued = this.table.get(task.jobId);
    if (queued?.state !== 'queued') return;
    if (!this.move(queued.id, 'start', { countAttempt: true, deviceRef: null, lastError: null })) return;
    this.sends.set(queued.id, (this.sends.get(queued.id) ?? 0) + 1);
    const running = this.current(queued.id);
    this.apply(running.id, await this.guarded(running.id, () => this.deps.work.attempt(running, context)));
  }

  /** An attempt that throws is a bug in its driver; the device may still have the job. */
  private async guarded(jobId: string, attempt: () => Promise<JobOutcome>): Promise<JobOutcome> {
    try {
      return await attempt();
    } catch (error) {
      this.deps.log.error({ jobId, err: error }, 'job attempt threw');
      return { kind: 'unknown', message: this.deps.messages.interrupted };
    }
  }

  private context(jobId: string): JobContext {
    return {
      stopping: () => this.stopping,
      pause: (ms) => this.sleeper.sleep(ms),
      recordDeviceRef: (deviceRef) => this.table.setDeviceRef(jobId, deviceRef),
    };
  }

  private apply(jobId: string, outcome: JobOutcome): void {
    switch (outcome.kind) {
      case 'done':
        this.sends.delete(jobId);
        this.move(jobId, 'finish', { lastError: null });
        return;
      case 'interrupted':
        return;
      case 'transient': {
        const sends = this.sends.get(jobId) ?? 1;
        if (sends < this.maxAttempts && !this.stopping) {
          this.move(jobId, 'requeue', { lastError: outcome.message, deviceRef: null });
          this.retryLater(jobId, sends);
          return;
        }
        this.sends.delete(jobId);
        this.move(jobId, 'fail', { lastError: outcome.message });
        return;
      }
      case 'failed':
        this.sends.delete(jobId);
        this.move(jobId, 'fail', { lastError: outcome.message });
        return;
      case 'unknown':
        this.sends.delete(jobId);
        this.loseTrack(jobId, outcome.message);
        return;
    }
  }

  /** `unknown` where the table holds it; `failed` with the same words where it cannot yet (print_jobs). */
  private loseTrack(jobId: string, message: string): void {
    this.move(jobId, this.table.holdsUnknown ? 'lose-track' : 'fail', { lastError: message });
  }

  private move(jobId: string, move: JobMove, change: Omit<JobChange, 'to'>): boolean {
    const { from, to } = jobMoves[move];
    const moved = this.table.move(jobId, from, { ...change, to });
    // Someone else (a person's request, another runner) moved it first: their move stands.
    if (!moved) this.deps.log.debug({ jobId, move }, 'job was no longer where this move starts');
    else if (isSettled(to)) this.settled(jobId);
    return moved;
  }

  private settled(jobId: string): void {
    const listener = this.deps.onSettled;
    const job = listener === undefined ? null : this.table.get(jobId);
    if (listener === undefined || job === null) return;
    try {
      listener(job);
    } catch (error) {
      // The job's state is already committed; a listener's bug must not undo or repeat it.
      this.deps.log.error({ jobId, err: error }, 'job listener threw');
    }
  }

  private retryLater(jobId: string, sends: number): void {
    const ceiling = Math.min(this.retryMaxMs, this.retryBaseMs * 2 ** (sends - 1));
    const delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    this.deps.log.info({ jobId, sends, delayMs: delay }, 'job will be sent again');
    const timer = setTimeout(() => {
      this.retryTimers.delete(jobId);
      this.tasks.push({ kind: 'send', jobId });
      this.kick();
    }, delay);
    timer.unref();
    this.retryTimers.set(jobId, timer);
  }
}
