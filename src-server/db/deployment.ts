import { randomUUID } from 'node:crypto';
import type { TransactionalSqlExecutor } from './transaction';

/** Serialises the create-once below across instances starting together ("VENTDEPL" in ASCII). */
const DEPLOYMENT_LOCK_KEY = '6216460984484450380';

/**
 * Returns this deployment's id, creating it on the very first start. The table has no
 * single-row constraint, so the advisory lock is what keeps two instances from each
 * inserting their own identity.
 */
export async function ensureDeployment(exec: TransactionalSqlExecutor): Promise<string> {
  return exec.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1::bigint)', [DEPLOYMENT_LOCK_KEY]);
    const existing = await tx.query<{ id: string }>('select id from deployments order by created_at limit 1');
    const found = existing.rows[0];
    if (found !== undefined) return found.id;
    const id = randomUUID();
    await tx.query('insert into deployments (id) values ($1)', [id]);
    return id;
  });
}
