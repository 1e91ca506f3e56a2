import type { SqlExecutor } from './sql-executor';
import { defaultServerMigrationsDir, readMigrationFiles, type MigrationFile } from './migration-files';
import { runInTransaction } from './transaction';

/**
 * Every server instance runs this at start-up. Several instances may start together on one
 * PostgreSQL, so the whole check-and-apply holds a transaction-scoped advisory lock: the first
 * applies, the others wait, then find nothing pending. The key is an arbitrary constant that
 * only this function uses ("VENTMIGR" read as ASCII).
 */
const MIGRATION_LOCK_KEY = '6216460984635705170';

const CREATE_LEDGER = `
  create table if not exists server_migrations (
    idx integer primary key,
    tag text not null,
    sha256 text not null,
    applied_at timestamp with time zone not null default now()
  )`;

export interface MigrationReport {
  /** Tags applied by this call, in order; empty when the database was already current. */
  readonly applied: readonly string[];
  /** How many migrations the database has now. */
  readonly total: number;
}

export type MigrationProblem = 'unknown-migrations' | 'edited-migration' | 'out-of-order';

/** Start-up must stop on this: the database and this version of the code disagree. */
export class ServerMigrationError extends Error {
  override readonly name = 'ServerMigrationError';
  constructor(
    readonly problem: MigrationProblem,
    message: string,
  ) {
    super(message);
  }
}

interface LedgerRow extends Record<string, unknown> {
  idx: number;
  tag: string;
  sha256: string;
}

/**
 * Applies the pending migrations of `db/server/migrations`, forward only, all in ONE
 * transaction: either the database reaches this version or it stays as it was.
 */
export async function migrateServerDatabase(
  exec: SqlExecutor,
  opts: { migrationsDir?: string } = {},
): Promise<MigrationReport> {
  const files = await readMigrationFiles(opts.migrationsDir ?? defaultServerMigrationsDir);
  return runInTransaction(exec, async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await tx.query(CREATE_LEDGER);
    const { rows } = await tx.query<LedgerRow>('select idx, tag, sha256 from server_migrations order by idx');
    checkLedger(rows, files);
    const pending = files.slice(rows.length);
    for (const file of pending) {
      for (const statement of file.statements) await tx.query(statement);
      await tx.query('insert into server_migrations (idx, tag, sha256) values ($1, $2, $3)', [
        file.idx,
        file.tag,
        file.sha256,
      ]);
    }
    return { applied: pending.map((file) => file.tag), total: files.length };
  });
}

/** The applied migrations must be exactly the first N this code ships, byte for byte. */
function checkLedger(applied: readonly LedgerRow[], files: readonly MigrationFile[]): void {
  const unknown = applied.filter((row) => {
    const file = files[row.idx];
    return file === undefined || file.tag !== row.tag;
  });
  if (unknown.length > 0) {
    const tags = unknown.map((row) => row.tag).join(', ');
    throw new ServerMigrationError(
      'unknown-migrations',
      `La base de datos del servidor central tiene migraciones que esta versión no conoce (${tags}); actualice Ventanilla.`,
    );
  }
  for (const [position, row] of applied.entries()) {
    if (row.idx !== position) {
      throw new ServerMigrationError(
        'out-of-order',
        `La base de datos del servidor central tiene un registro de migraciones incompleto (falta la migración ${position}); consulte a soporte.`,
      );
    }
    const file = files[row.idx];
    if (file !== undefined && file.sha256 !== row.sha256) {
      throw new ServerMigrationError(
        'edited-migration',
        `La migración ${row.tag} aplicada en la base de datos del servidor central no coincide con la que trae esta versión ` +
          '(el archivo se modificó después de publicarse). No se inicia para no dañar los datos; restaure la migración original.',
      );
    }
  }
}
