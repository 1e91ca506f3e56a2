import type { SqlExecutor } from '../db/sql-executor';
import { sweepExpiredCounters } from './counter-sweep';

/**
 * Growing delays after failed logins or recoveries, per key: `doc:<number>` for an account
 * (known or not: the same rule for both, so the delay reveals nothing) and `device:<id>` for
 * a kiosk. The first failures are free; each one after doubles the wait, up to a cap. A
 * success clears the account's key, and a key whose last failure is older than the window is
 * forgotten: nobody can lock another person out for good, only slow the guessing down.
 *
 * An attempt is counted *before* its password is checked, by one statement that also refuses
 * it while the key is blocked (`reserveAttempts`): fifty guesses sent at the same moment are
 * fifty reservations in a row on the same row, so only the free ones reach scrypt. The check
 * then settles it: a failure stays counted, a success clears the account's key and gives the
 * device its attempt back (`settleSuccess`).
 */
export interface ThrottleRule {
  readonly freeFailures: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly windowMs: number;
}

export const accountRule: ThrottleRule = {
  freeFailures: 4,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 24 * 3_600_000,
};
export const deviceRule: ThrottleRule = {
  freeFailures: 20,
  baseDelayMs: 10_000,
  maxDelayMs: 5 * 60_000,
  windowMs: 3_600_000,
};

/** A key and the rule it is counted under. */
export interface ThrottleKey {
  readonly key: string;
  readonly rule: ThrottleRule;
}

export type Reservation = { readonly granted: true } | { readonly granted: false; readonly waitMs: number };

/** The wait after `failures` failures under `rule`, in ms (0 while failures are free). */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  if (failures <= rule.freeFailures) return 0;
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** (failures - rule.freeFailures - 1));
}

/**
 * One attempt for each key, all or none: when a key refuses, the ones already granted get
 * their attempt back, since nothing was tried. The wait is the longest of the refusals.
 */
export async function reserveAttempts(
  exec: SqlExecutor,
  keys: readonly ThrottleKey[],
  now: Date,
): Promise<Reservation> {
  const granted: ThrottleKey[] = [];
  for (const key of keys) {
    const reservation = await reserveAttempt(exec, key, now);
    if (!reservation.granted) {
      for (const done of granted) await giveBack(exec, done, now);
      return reservation;
    }
    granted.push(key);
  }
  await sweepExpiredCounters(exec, now);
  return { granted: true };
}

/**
 * Counts an attempt for `key` unless it is blocked, in one statement: the count, the new block
 * (the delay after this attempt, should it fail) and the refusal are decided under the row's
 * lock, so concurrent attempts are counted one after another and none slips past a block.
 * A refused attempt is not counted. Only a key past its free failures can be blocked: a
 * request whose clock reading is a moment older than the row's must not read "now" as a block.
 */
async function reserveAttempt(exec: SqlExecutor, { key, rule }: ThrottleKey, now: Date): Promise<Reservation> {
  const next = `CASE WHEN t.last_failure_at < $2::timestamptz - make_interval(secs => $3::double precision / 1000) THEN 1 ELSE t.failures + 1 END`;
  // delayAfter() in SQL; the exponent is capped so power() cannot overflow on a long-lived key.
  const delayMs = `CASE WHEN ${next} <= $4 THEN 0 ELSE LEAST($6::double precision, $5::double precision * power(2, LEAST(${next} - $4 - 1, 40))) END`;
  const { rows } = await exec.query<{ failures: number }>(
    `INSERT INTO login_throttle AS t (key, failures, blocked_until, last_failure_at)
     VALUES ($1, 1, $2::timestamptz + make_interval(secs => $7::double precision / 1000), $2)
     ON CONFLICT (key) DO UPDATE SET
       failures = ${next},
       blocked_until = $2::timestamptz + make_interval(secs => (${delayMs}) / 1000),
       last_failure_at = $2
     WHERE t.failures <= $4 OR t.blocked_until <= $2::timestamptz
     RETURNING failures`,
    [key, now.toISOString(), rule.windowMs, rule.freeFailures, rule.baseDelayMs, rule.maxDelayMs, delayAfter(rule, 1)],
  );
  if (rows.length > 0) return { granted: true };
  return { granted: false, waitMs: await waitFor(exec, key, now) };
}

/** The password matched: the account's key is cleared, the others get their attempt back. */
export async function settleSuccess(
  exec: SqlExecutor,
  account: string,
  others: readonly ThrottleKey[],
  now: Date,
): Promise<void> {
  await clearFailures(exec, account);
  await giveBackAttempts(exec, others, now);
}

/** What was checked turned out right: its reserved attempts are not failures. */
export async function giveBackAttempts(exec: SqlExecutor, keys: readonly ThrottleKey[], now: Date): Promise<void> {
  for (const key of keys) await giveBack(exec, key, now);
}

/**
 * Un-counts one reserved attempt. A block that attempt started is lifted when the count is back
 * within the free ones; a longer one that earlier failures earned stays.
 */
async function giveBack(exec: SqlExecutor, { key, rule }: ThrottleKey, now: Date): Promise<void> {
  await exec.query(
    `UPDATE login_throttle SET failures = GREATEST(failures - 1, 0),
       blocked_until = CASE WHEN failures - 1 <= $2 THEN LEAST(blocked_until, $3::timestamptz) ELSE blocked_until END
     WHERE key = $1`,
    [key, rule.freeFailures, now.toISOString()],
  );
}

/** Milliseconds the caller must still wait for `key`, 0 when it may try now. */
export async function waitFor(exec: SqlExecutor, key: string, now: Date): Promise<number> {
  const { rows } = await exec.query<{ blocked_until: Date | string }>(
    'SELECT blocked_until FROM login_throttle WHERE key = $1',
    [key],
  );
  const row = rows[0];
  if (row === undefined) return 0;
  return Math.max(0, new Date(row.blocked_until).getTime() - now.getTime());
}

export async function clearFailures(exec: SqlExecutor, key: string): Promise<void> {
  await exec.query('DELETE FROM login_throttle WHERE key = $1', [key]);
}

/** The citizen's answer to a blocked attempt. */
export const lockedMessage = (waitMs: number): string =>
  `Hubo varios intentos fallidos. Por seguridad, espere ${waitInWords(waitMs)} e intente de nuevo.`;

/** «Espere 2 minutos»: the wait in the citizen's words, rounded up. */
export function waitInWords(ms: number): string {
  if (ms <= 60_000) {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    return seconds === 1 ? '1 segundo' : `${seconds} segundos`;
  }
  const minutes = Math.ceil(ms / 60_000);
  return minutes === 1 ? '1 minuto' : `${minutes} minutos`;
}
