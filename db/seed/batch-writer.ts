/**
 * Writes one batch (whole subscribers with their bills and payments) in one transaction, so
 * an interrupted seed leaves only complete subscribers behind.
 *
 * Foreign keys. PostgreSQL checks each foreign key with a trigger that runs one lookup per row;
 * measured on PGlite that was about 45 % of the load time. Every reference in a batch points
 * into the same batch by construction, so we check them here, in memory, before writing
 * (`checkBatchReferences`), and ask PostgreSQL to skip its row-by-row triggers for this
 * transaction only (`SET LOCAL session_replication_role = replica`, the mechanism pg_restore
 * uses). Primary keys, unique and CHECK constraints are still enforced by the database. Roles
 * that may not set that parameter (non-superusers on PostgreSQL) keep the database's checks.
 *
 * The change feed (db/server/migrations/0002) is written by triggers too, so a batch that
 * skipped them appends its rows to the feed itself, in the same transaction.
 */
import type { SqlExecutor } from '../../src-server/db/sql-executor';
import { runInTransaction } from '../../src-server/db/transaction';
import { billTable, columnArrays, paymentTable, subscriberTable, unnestInsertSql } from './columns';
import type { SeedBatch } from './rows';

/**
 * How the foreign keys of the seeded rows were checked: by the database row by row, in memory
 * per batch (database triggers skipped), or by the database re-validating every row when the
 * bulk load re-added the constraints.
 */
export type ForeignKeyChecks = 'database' | 'in-memory' | 'revalidated';

const insertSubscribers = unnestInsertSql(subscriberTable);
const insertBills = unnestInsertSql(billTable);
const insertPayments = unnestInsertSql(paymentTable);
const skipRowTriggers = 'SET LOCAL session_replication_role = replica';

/** A generator bug, caught before it reaches the database. */
export class SeedIntegrityError extends Error {
  override readonly name = 'SeedIntegrityError';
}

/** Throws unless every bill and payment of the batch references a row of the same batch. */
export function checkBatchReferences(batch: SeedBatch): void {
  const codigos = new Set<number>();
  for (const s of batch.subscribers) codigos.add(s.codigoInterno);
  const bills = new Map<number, number>();
  for (const b of batch.bills) {
    if (!codigos.has(b.codigoInterno)) throw new SeedIntegrityError(`Bill ${b.billNumber} has no subscriber`);
    bills.set(b.billNumber, b.codigoInterno);
  }
  for (const p of batch.payments) {
    if (bills.get(p.billNumber) !== p.codigoInterno) {
      throw new SeedIntegrityError(`Payment ${p.id} does not match a bill of its subscriber`);
    }
  }
}

/**
 * Whether this connection may skip trigger-based foreign-key checks; tried in a throw-away
 * transaction so a refusal leaves nothing behind.
 */
export async function chooseForeignKeyChecks(exec: SqlExecutor): Promise<ForeignKeyChecks> {
  try {
    await runInTransaction(exec, async (tx) => {
      await tx.query(skipRowTriggers);
    });
    return 'in-memory';
  } catch {
    return 'database';
  }
}

/** The three bulk inserts of a batch, on whatever transaction the caller holds. */
export async function insertBatch(tx: SqlExecutor, batch: SeedBatch): Promise<void> {
  await tx.query(insertSubscribers, columnArrays(subscriberTable, batch.subscribers));
  if (batch.bills.length > 0) await tx.query(insertBills, columnArrays(billTable, batch.bills));
  if (batch.payments.length > 0) await tx.query(insertPayments, columnArrays(paymentTable, batch.payments));
}

/** One batch in its own transaction (the per-batch mode). */
export async function writeBatch(exec: SqlExecutor, batch: SeedBatch, fkChecks: ForeignKeyChecks): Promise<void> {
  if (fkChecks === 'in-memory') checkBatchReferences(batch);
  await runInTransaction(exec, async (tx) => {
    if (fkChecks === 'in-memory') await tx.query(skipRowTriggers);
    await insertBatch(tx, batch);
    if (fkChecks === 'in-memory') await appendBatchToFeed(tx, batch);
  });
}

/** Feed rows for a batch written with triggers skipped (see the header). */
export async function appendBatchToFeed(tx: SqlExecutor, batch: SeedBatch): Promise<void> {
  await tx.query('SELECT feed_append_subscribers($1::integer[])', [batch.subscribers.map((s) => s.codigoInterno)]);
}
