import type { SqlExecutor } from '../db/sql-executor';

/**
 * The feed's epoch (deployments.feed_epoch). Restoring the database from a backup brings the
 * change feed's numbers back too: numbers devices already applied would be handed out again for
 * other changes. A new epoch tells every device to download its replica again and to send again
 * what the server may have lost (src-main/sync/feed-epoch.ts).
 */
export async function currentEpoch(exec: SqlExecutor): Promise<string> {
  const { rows } = await exec.query<{ feed_epoch: string }>('SELECT feed_epoch FROM deployments LIMIT 1');
  const epoch = rows[0]?.feed_epoch;
  if (epoch === undefined) throw new Error('the deployment row is missing');
  return epoch;
}

/**
 * A new epoch. With `replacing`, only if the epoch is still that one: of several instances
 * that notice a restore at once, one renews it and the others read the new one.
 */
export async function renewEpoch(exec: SqlExecutor, replacing?: string): Promise<string> {
  if (replacing === undefined) {
    await exec.query('UPDATE deployments SET feed_epoch = gen_random_uuid()');
  } else {
    await exec.query('UPDATE deployments SET feed_epoch = gen_random_uuid() WHERE feed_epoch = $1', [replacing]);
  }
  return currentEpoch(exec);
}
