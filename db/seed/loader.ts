/**
 * Streams generated batches into the database in one of two modes (measurements in
 * db/seed/README.md):
 * - `batches`: one transaction per batch; an interrupted seed keeps the batches already
 *   committed. Used for small seeds (the app's first start) and when appending.
 * - `bulk`: one transaction for everything, with keys and indexes rebuilt at the end
 *   (bulk-load.ts). Used for large seeds into an empty database.
 */
import type { SqlExecutor } from '../../src-server/db/sql-executor';
import { runInTransaction } from '../../src-server/db/transaction';
import { chooseForeignKeyChecks, insertBatch, writeBatch, type ForeignKeyChecks } from './batch-writer';
import { bulkTables, dropSchema, restoreSchema, saveSchema } from './bulk-load';
import { generateDemoBatches, type GenerateOptions } from './generator';
import type { SeedBatch } from './rows';

export type LoadMode = 'batches' | 'bulk';

/** From this size on, an empty database is loaded in bulk mode. */
export const bulkThreshold = 50_000;

export interface LoadCounts {
  readonly subscribers: number;
  readonly bills: number;
  readonly payments: number;
  readonly foreignKeyChecks: ForeignKeyChecks;
}

export async function loadGenerated(
  exec: SqlExecutor,
  generate: GenerateOptions,
  mode: LoadMode,
  onBatch: (counts: Omit<LoadCounts, 'foreignKeyChecks'>) => void,
): Promise<LoadCounts> {
  const counts = { subscribers: 0, bills: 0, payments: 0 };
  const tally = (batch: SeedBatch): void => {
    counts.subscribers += batch.subscribers.length;
    counts.bills += batch.bills.length;
    counts.payments += batch.payments.length;
    onBatch(counts);
  };

  if (mode === 'bulk') {
    await runInTransaction(exec, async (tx) => {
      const saved = await saveSchema(tx);
      await dropSchema(tx, saved);
      await setFeedCapture(tx, 'DISABLE');
      await pipelined(generate, (batch) => insertBatch(tx, batch), tally);
      await restoreSchema(tx, saved);
      await setFeedCapture(tx, 'ENABLE');
      await tx.query('SELECT feed_append_all()');
    });
    return { ...counts, foreignKeyChecks: 'revalidated' };
  }

  const foreignKeyChecks = await chooseForeignKeyChecks(exec);
  await pipelined(generate, (batch) => writeBatch(exec, batch, foreignKeyChecks), tally);
  return { ...counts, foreignKeyChecks };
}

/**
 * The change-feed triggers look each bill's subscriber up by key, and the bulk load drops the
 * keys; so they are off during the load (inside its transaction: a failure re-enables them)
 * and the feed gets every row in three statements at the end.
 */
async function setFeedCapture(tx: SqlExecutor, action: 'ENABLE' | 'DISABLE'): Promise<void> {
  for (const table of bulkTables) await tx.query(`ALTER TABLE ${table} ${action} TRIGGER USER`);
}

/** Subscribers generated between two yields to the event loop. */
const sliceTarget = 50;

function emptyBatch(): {
  subscribers: SeedBatch['subscribers'];
  bills: SeedBatch['bills'];
  payments: SeedBatch['payments'];
} {
  return { subscribers: [], bills: [], payments: [] };
}

/** The largest divisor of `batchSize` up to `sliceTarget`, so slices add up to whole batches. */
function sliceSizeFor(batchSize: number): number {
  for (let size = Math.min(sliceTarget, batchSize); size > 1; size -= 1) if (batchSize % size === 0) return size;
  return 1;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Generates batch k+1 while batch k is being written. The next batch is generated in small
 * slices with a yield to the event loop between them, so the in-flight write keeps moving
 * (its queries go out as soon as the previous answer arrives). With PostgreSQL the server
 * works in its own process meanwhile and generation leaves the critical path; PGlite runs
 * in this thread and gains nothing. Never more than one write in flight, in order; a failed
 * write stops the loop. Small slices also keep the generator's garbage young and cheap.
 */
async function pipelined(
  generate: GenerateOptions,
  write: (batch: SeedBatch) => Promise<void>,
  written: (batch: SeedBatch) => void,
): Promise<void> {
  const batchSize = generate.batchSize ?? 500;
  let pending = emptyBatch();
  let inflight: Promise<void> | undefined;
  const flush = async (): Promise<void> => {
    if (inflight) await inflight;
    const batch = pending;
    pending = emptyBatch();
    inflight = write(batch).then(() => written(batch));
  };
  try {
    for (const slice of generateDemoBatches({ ...generate, batchSize: sliceSizeFor(batchSize) })) {
      pending.subscribers.push(...slice.subscribers);
      pending.bills.push(...slice.bills);
      pending.payments.push(...slice.payments);
      if (pending.subscribers.length >= batchSize) await flush();
      else if (inflight) await yieldToEventLoop();
    }
    if (pending.subscribers.length > 0) await flush();
    if (inflight) await inflight;
  } catch (error) {
    // Whatever failed (a write, or the generator while a write was in flight), do not return
    // to the caller, who may end the transaction, before the in-flight write has settled.
    await inflight?.catch(() => undefined);
    throw error;
  }
}
