import type { SqlExecutor } from '../db/sql-executor';

/**
 * `login_throttle` rows (failure counters and quotas) are only useful while their window runs:
 * the longest is a day. Older rows are deleted now and then, so the table holds about a day
 * of use and no recipient's hashed address lingers. At most one sweep per database every ten
 * minutes, run by whichever request comes by.
 */
const sweepEveryMs = 10 * 60_000;
const keepMs = 24 * 3_600_000;
const lastSweep = new WeakMap<SqlExecutor, number>();

export async function sweepExpiredCounters(exec: SqlExecutor, now: Date): Promise<void> {
  const last = lastSweep.get(exec);
  if (last !== undefined && now.getTime() - last < sweepEveryMs) return;
  lastSweep.set(exec, now.getTime());
  await exec.query(
    `DELETE FROM login_throttle
     WHERE last_failure_at < $1::timestamptz - make_interval(secs => $2::double precision / 1000) AND blocked_until < $1::timestamptz`,
    [now.toISOString(), keepMs],
  );
}
