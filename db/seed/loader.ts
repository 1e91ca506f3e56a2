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
import { dropSchema, restoreSchema, saveSchema } from './bulk-load';
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
      for (const batch of generateDemoBatches(generate)) {
        await insertBatch(tx, batch);
        tally(batch);
      }
      await restoreSchema(tx, saved);
    });
    return { ...counts, foreignKeyChecks: 'revalidated' };
  }

  const foreignKeyChecks = await chooseForeignKeyChecks(exec);
  for (const batch of generateDemoBatches(generate)) {
    await writeBatch(exec, batch, foreignKeyChecks);
    tally(batch);
  }
  return { ...counts, foreignKeyChecks };
}
