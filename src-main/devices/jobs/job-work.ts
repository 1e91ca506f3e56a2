import type { StoredJob } from './job-table';

/**
 * How one attempt ended, in the terms that decide what happens next. The device's driver knows
 * which it is; the runner turns it into the job's state.
 */
export type JobOutcome =
  | { readonly kind: 'done' }
  /** The device did not do it (refused, jammed, paused): `failed`, retried only on a person's request. */
  | { readonly kind: 'failed'; readonly message: string }
  /** Nothing reached the device and it may work in a moment: sent again after a pause, a bounded number of times. */
  | { readonly kind: 'transient'; readonly message: string }
  /** It may have reached the device: `unknown`, never sent again by itself. */
  | { readonly kind: 'unknown'; readonly message: string }
  /** The app is stopping while the device still has the job: it stays `running`, and the next start asks. */
  | { readonly kind: 'interrupted' };

/** What the runner lends an attempt. */
export interface JobContext {
  /** True once the runner is stopping: an attempt following a job in the device returns `interrupted`. */
  stopping(): boolean;
  /** Resolves after `ms`, or at once when the runner stops. */
  pause(ms: number): Promise<void>;
  /** Persists what the device named the job, the moment it does, so a restart can ask about it. */
  recordDeviceRef(deviceRef: string): void;
}

/** The device side of a runner: one attempt, and (optionally) the question after a restart. */
export interface JobWork<TJob extends StoredJob> {
  /** One attempt at the job, which is already `running` and committed as such. Should not throw. */
  attempt(job: TJob, context: JobContext): Promise<JobOutcome>;
  /**
   * A job the last run left `running` with a device reference: ask the device how it ended and
   * follow it, never send it again. Without this (or without a reference) such a job is `unknown`.
   */
  resume?(job: TJob, deviceRef: string, context: JobContext): Promise<JobOutcome>;
}
