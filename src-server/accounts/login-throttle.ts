import type { SqlExecutor } from '../db/sql-executor';

/**
 * Growing delays after failed logins or recoveries, per key: `doc:<number>` for an account
 * (known or not: the same rule for both, so the delay reveals nothing) and `device:<id>` for
 * a kiosk. The first failures are free; each one after doubles the wait, up to a cap. A
 * success clears the account's key, and a key whose last failure is older than the window is
 * forgotten: nobody can lock another person out for good, only slow the guessing down.
 */
export interface ThrottleRule {
  readonly freeFailures: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly windowMs: number;
}

export const accountRule: ThrottleRule = { freeFailures: 4, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000, windowMs: 24 * 3_600_000 };
export const deviceRule: ThrottleRule = { freeFailures: 20, baseDelayMs: 10_000, maxDelayMs: 5 * 60_000, windowMs: 3_600_000 };

/** The wait after `failures` failures under `rule`, in ms (0 while failures are free). */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  if (failures <= rule.freeFailures) return 0;
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** (failures - rule.freeFailures - 1));
}

/** Milliseconds the caller must still wait for `key`, 0 when it may try now. */
export async function waitFor(exec: SqlExecutor, key: string, now: Date): Promise<number> {
  const { rows } = await exec.query<{ blocked_until: Date | string }>('SELECT blocked_until FROM login_throttle WHERE key = $1', [key]);
  const row = rows[0];
  if (row === undefined) return 0;
  return Math.max(0, new Date(row.blocked_until).getTime() - now.getTime());
}

/** Counts a failure for `key` (one statement, so concurrent failures all count). */
export async function recordFailure(exec: SqlExecutor, key: string, rule: ThrottleRule, now: Date): Promise<void> {
  const { rows } = await exec.query<{ failures: number }>(
    `INSERT INTO login_throttle AS t (key, failures, blocked_until, last_failure_at) VALUES ($1, 1, $2, $2)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN t.last_failure_at < $2::timestamptz - make_interval(secs => $3::double precision / 1000) THEN 1 ELSE t.failures + 1 END,
       last_failure_at = $2
     RETURNING failures`,
    [key, now.toISOString(), rule.windowMs],
  );
  const failures = rows[0]?.failures ?? 1;
  const delay = delayAfter(rule, failures);
  if (delay > 0) {
    await exec.query('UPDATE login_throttle SET blocked_until = $2 WHERE key = $1', [key, new Date(now.getTime() + delay).toISOString()]);
  }
}

export async function clearFailures(exec: SqlExecutor, key: string): Promise<void> {
  await exec.query('DELETE FROM login_throttle WHERE key = $1', [key]);
}

/** «Espere 2 minutos»: the wait in the citizen's words, rounded up. */
export function waitInWords(ms: number): string {
  if (ms <= 60_000) return `${Math.max(1, Math.ceil(ms / 1000))} segundos`;
  const minutes = Math.ceil(ms / 60_000);
  return minutes === 1 ? '1 minuto' : `${minutes} minutos`;
}
