import type { SqlExecutor } from '../db/sql-executor';

/**
 * The feed lock of migration 0002 (`VENTFEED` read as ASCII): writers of replicated tables
 * commit one after another, so change_log.seq is handed out in commit order.
 *
 * The capture triggers take it before each writing statement, before that statement's row
 * locks. A transaction that locks rows of a replicated table some other way first — `SELECT
 * … FOR UPDATE` — must take it itself before that, or it can hold a row lock while waiting
 * for the feed lock held by a writer that waits for that row: a deadlock (found by the
 * network fault test with concurrent writers on PostgreSQL).
 */
export const feedLockKey = '6216460984518001988';

export async function takeFeedLock(tx: SqlExecutor): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${feedLockKey})`);
}
