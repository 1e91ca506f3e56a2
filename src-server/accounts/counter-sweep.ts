import { nowAndThen } from '../db/now-and-then';
import type { SqlExecutor } from '../db/sql-executor';

/**
 * `login_throttle` rows (failure counters and quotas) are only useful while their window runs:
 * the longest is a day. Older rows are deleted now and then, so the table holds about a day
 * of use and no recipient's hashed address lingers. At most one sweep per database every ten
 * minutes, run by whichever request comes by.
 */
const due = nowAndThen(10 * 60_000);
const keepMs = 24 * 3_600_000;

export async function sweepExpiredCounters(exec: SqlExecutor, now: Date): Promise<void> {
  if (!due(exec, now)) return;
  await exec.query(
    `DELETE FROM login_throttle
     WHERE last_failure_at < $1::timestamptz - make_interval(secs => $2::double precision / 1000) AND blocked_until < $1::timestamptz`,
    [now.toISOString(), keepMs],
  );
}
