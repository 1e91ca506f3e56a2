/**
 * The states of a persisted device job (STYLE §9) and the only moves between them. Pure: the
 * runner (`job-runner.ts`) asks `canMove` before every write, and each write is a
 * compare-and-set on the state it expects (`JobTable.move`), so no path — a bug, a restart, a
 * second runner over the same table — can take a job where this table does not allow.
 *
 * - `queued`: committed with everything the device needs; nothing has reached the device in
 *   this attempt.
 * - `running`: an attempt started; the device may have the job.
 * - `done`: the device finished it. Final.
 * - `failed`: the device did not do it (refused it, jammed, was not there). A person may ask
 *   for it again (`retry`); nothing else sends it.
 * - `unknown`: the device may have done it and nobody can tell (the bytes left but no answer
 *   came; the power went mid-dispense). **Not a failure**: retrying could print or dispense a
 *   second copy, so the runner never does; a person looks and says `done` ("sí salió") or
 *   `again` ("hágalo de nuevo").
 */
export const jobStates = ['queued', 'running', 'done', 'failed', 'unknown'] as const;
export type JobState = (typeof jobStates)[number];

/** Why a job moves: each move is one of these, so the table below is also the runner's vocabulary. */
export type JobMove =
  /** queued → running: an attempt starts, before anything reaches the device. */
  | 'start'
  /** running → done. */
  | 'finish'
  /** running → failed: the device did not do it. */
  | 'fail'
  /** running → queued: nothing reached the device and it may work in a moment (bounded resends). */
  | 'requeue'
  /** running → unknown: it may have reached the device. */
  | 'lose-track'
  /** queued → failed: never sent (the app stopped, or the last run left it and its person is gone). */
  | 'drop'
  /** failed → queued: a person asked to try again. */
  | 'retry'
  /** unknown → done: a person saw that it came out. */
  | 'confirm'
  /** unknown → queued: a person saw that it did not, and asked for it again. */
  | 'redo';

export const jobMoves: Readonly<Record<JobMove, { readonly from: JobState; readonly to: JobState }>> = {
  start: { from: 'queued', to: 'running' },
  finish: { from: 'running', to: 'done' },
  fail: { from: 'running', to: 'failed' },
  requeue: { from: 'running', to: 'queued' },
  'lose-track': { from: 'running', to: 'unknown' },
  drop: { from: 'queued', to: 'failed' },
  retry: { from: 'failed', to: 'queued' },
  confirm: { from: 'unknown', to: 'done' },
  redo: { from: 'unknown', to: 'queued' },
};

/** Whether any move takes a job from `from` to `to`. */
export function canMove(from: JobState, to: JobState): boolean {
  return Object.values(jobMoves).some((move) => move.from === from && move.to === to);
}

/** States the runner leaves alone until a person acts (or, for `done`, for good). */
export function isSettled(state: JobState): boolean {
  return state === 'done' || state === 'failed' || state === 'unknown';
}
