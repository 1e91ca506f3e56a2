import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from '../../db/server/schema';
import { pgliteDataDir } from '../config';
import { createServerLogger, moduleLogger, type Logger } from '../logger';
import { acquirePgliteLock } from './pglite-lock';
import type { SqlExecutor } from './sql-executor';
import { pgConnectionSocket } from './pg-read-socket';
import { readRowBytes, type BindValue, type PreparedStatement, type RowBytes } from './row-bytes';
import { clientExecutor, poolTransaction, type TransactionalSqlExecutor } from './transaction';

export type ServerSchema = typeof schema;

/**
 * Drizzle over either driver. Both drivers' databases extend `PgDatabase`, so services are
 * written once against this type; only `open.ts` knows which one is underneath.
 */
export type ServerDrizzle = PgDatabase<PgQueryResultHKT, ServerSchema>;

export interface ServerDatabase {
  readonly kind: 'pglite' | 'postgres';
  readonly db: ServerDrizzle;
  /** Raw parameterised SQL (migrations, bulk loaders) with transaction support. */
  readonly exec: TransactionalSqlExecutor;
  /** PostgreSQL only: a prepared statement's rows as bytes, undecoded (row-bytes.ts). */
  readonly readRows?: (statement: PreparedStatement, values: readonly BindValue[]) => Promise<RowBytes>;
  close(): Promise<void>;
}

export class ServerDatabaseError extends Error {
  override readonly name = 'ServerDatabaseError';
}

/** PostgreSQL when a URL is given, otherwise PGlite under `<dataDir>/server/pglite`. */
export async function openServerDatabase(
  cfg: { dataDir: string; databaseUrl: string | null },
  opts: { logger?: Logger } = {},
): Promise<ServerDatabase> {
  const log = moduleLogger(opts.logger ?? createServerLogger('info'), 'db');
  return cfg.databaseUrl === null ? openPglite(cfg.dataDir, log) : openPostgres(cfg.databaseUrl, log);
}

async function openPglite(dataDir: string, log: Logger): Promise<ServerDatabase> {
  const dir = pgliteDataDir(dataDir);
  await mkdir(dir, { recursive: true });
  const lock = await acquirePgliteLock(dir);
  let client: PGlite;
  try {
    client = await PGlite.create(dir);
  } catch (error) {
    await lock.release();
    throw new ServerDatabaseError(`No se pudo abrir la base de datos PGlite en ${dir}.`, { cause: error });
  }
  log.info({ dir }, 'PGlite abierta');
  const exec: TransactionalSqlExecutor = {
    ...pgliteExecutor(client),
    transaction: (fn) => client.transaction((tx) => fn(pgliteExecutor(tx))),
  };
  return {
    kind: 'pglite',
    db: drizzlePglite({ client, schema }),
    exec,
    close: once(async () => {
      try {
        await client.close();
      } finally {
        await lock.release();
      }
    }),
  };
}

/** PGlite's query alone: its own third argument is not `QueryOptions`, and it prepares nothing. */
function pgliteExecutor(client: Pick<PGlite, 'query'>): SqlExecutor {
  return {
    async query<R extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: unknown[]) {
      const result = await client.query<R>(text, params);
      return { rows: result.rows };
    },
  };
}

async function openPostgres(databaseUrl: string, log: Logger): Promise<ServerDatabase> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    application_name: 'ventanilla-server',
    // Fail start-up quickly instead of hanging when the database is unreachable.
    connectionTimeoutMillis: 10_000,
    // Reads into a buffer of each connection's own, not a new one per read (pg-read-socket.ts).
    stream: pgConnectionSocket,
  });
  // An idle client that loses its connection emits 'error' on the pool; unhandled, it would
  // crash the process. The pool replaces the client; we only record it.
  pool.on('error', (error) => log.warn({ err: error }, 'Conexión inactiva de PostgreSQL perdida'));
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ServerDatabaseError(`No se pudo conectar a PostgreSQL (DATABASE_URL): ${reason}`, { cause: error });
  }
  log.info('PostgreSQL conectado');
  const exec: TransactionalSqlExecutor = {
    ...clientExecutor(pool),
    transaction: (fn) => poolTransaction(pool, fn),
  };
  return {
    kind: 'postgres',
    db: drizzleNodePg({ client: pool, schema }),
    exec,
    readRows: (statement, values) => readRowBytes(pool, statement, values),
    close: once(() => pool.end()),
  };
}

/** `close()` may be called by both a failed start-up path and `stop()`; the second is a no-op. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
