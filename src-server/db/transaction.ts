import type { Pool, PoolClient } from 'pg';
import pg from 'pg';
import type { QueryOptions, SqlExecutor } from './sql-executor';

/**
 * A `SqlExecutor` that can also run a function inside one transaction. PGlite and a
 * node-postgres pool need different mechanics (PGlite's `transaction()` holds its mutex; a
 * pool must pin one client for BEGIN…COMMIT), so `ServerDatabase.exec` hides the difference.
 * Do not nest: PGlite would wait on its own mutex and a pool would open a second connection.
 */
export interface TransactionalSqlExecutor extends SqlExecutor {
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

export function hasTransactions(exec: SqlExecutor): exec is TransactionalSqlExecutor {
  return typeof (exec as Partial<TransactionalSqlExecutor>).transaction === 'function';
}

/**
 * Runs `fn` in one transaction on whatever executor it is given. A plain executor that is
 * neither transactional nor a pool must be a single connection (a `pg.Client`), otherwise
 * BEGIN and COMMIT could land on different connections.
 */
export async function runInTransaction<T>(exec: SqlExecutor, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  if (hasTransactions(exec)) return exec.transaction(fn);
  if (exec instanceof pg.Pool) return poolTransaction(exec, fn);
  return beginCommit(exec, fn);
}

/** BEGIN…COMMIT on one client checked out of the pool for the whole transaction. */
export async function poolTransaction<T>(pool: Pool, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await beginCommit(clientExecutor(client), fn);
  } catch (error) {
    // A client whose ROLLBACK failed may still be inside a transaction: destroy, never reuse.
    if (error instanceof RollbackFailedError) broken = error;
    throw error instanceof RollbackFailedError ? error.original : error;
  } finally {
    client.release(broken);
  }
}

export function clientExecutor(client: Pick<PoolClient, 'query'> | Pool): SqlExecutor {
  return {
    async query<R extends Record<string, unknown> = Record<string, unknown>>(
      text: string,
      params?: unknown[],
      options?: QueryOptions,
    ) {
      const name = options?.prepareAs;
      const result =
        name === undefined
          ? await client.query<R>(text, params)
          : await client.query<R>({ name, text, values: params });
      return { rows: result.rows };
    },
  };
}

class RollbackFailedError extends Error {
  constructor(readonly original: unknown) {
    super('ROLLBACK failed');
  }
}

async function beginCommit<T>(exec: SqlExecutor, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  await exec.query('BEGIN');
  let result: T;
  try {
    result = await fn(exec);
  } catch (error) {
    try {
      await exec.query('ROLLBACK');
    } catch {
      throw new RollbackFailedError(error);
    }
    throw error;
  }
  await exec.query('COMMIT');
  return result;
}
