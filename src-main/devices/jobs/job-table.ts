import type { JobState } from './job-state';

/** What the runner reads of every job, whatever else its table keeps (bytes, a document, a title). */
export interface StoredJob {
  readonly id: string;
  readonly state: JobState;
  /** Attempts started, counted when each starts (a crash mid-attempt still counts it). */
  readonly attempts: number;
  /** Spanish, for the screen: why the last attempt did not end `done`. */
  readonly lastError: string | null;
  /**
   * What the device (or the OS system in front of it) named the job once it took it — a CUPS
   * job id — so that after a restart the runner can ask about it instead of sending it again.
   */
  readonly deviceRef: string | null;
}

/** One move of one job, as the table writes it. */
export interface JobChange {
  readonly to: JobState;
  /** Null clears it; absent leaves it as it is. */
  readonly lastError?: string | null;
  /** Null clears it; absent leaves it as it is. */
  readonly deviceRef?: string | null;
  /** A new attempt starts: `attempts` goes up by one in the same statement. */
  readonly countAttempt?: boolean;
}

/**
 * The table a runner persists its jobs in: one table per kind of job (`print_jobs` today), and
 * nothing else writes its state. Every write is one autocommitted statement, so whatever state
 * a job shows after a crash or a power cut is one it really had.
 */
export interface JobTable<TJob extends StoredJob, TNew> {
  /**
   * Whether the table can hold `unknown`. One that cannot (print_jobs, whose CHECK predates
   * the runner) gets `failed` instead, with the attempt's message saying the document may have
   * come out; the runner still never sends it again by itself.
   */
  readonly holdsUnknown: boolean;
  /** Commits a new job, `queued`, with everything the device will need. */
  insert(job: TNew): TJob;
  get(id: string): TJob | null;
  /** This runner's jobs in the given states, oldest first. */
  inStates(states: readonly JobState[]): TJob[];
  /**
   * Moves the job only if it is still `from` (compare-and-set in one statement); false when it
   * was not — another runner or a person moved it first, and this move must not happen.
   */
  move(id: string, from: JobState, change: JobChange): boolean;
  /** Written as soon as the device names the job, while it is `running`. */
  setDeviceRef(id: string, deviceRef: string): void;
}
