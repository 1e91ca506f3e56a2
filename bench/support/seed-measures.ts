/**
 * The measurements behind the `seed` suite: the generator alone, bare INSERTs of
 * pre-generated rows (the database's own limit), and the real `seedDemoData`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { billTable, columnArrays, paymentTable, subscriberTable, unnestInsertSql } from '../../db/seed/columns';
import { dropSchema, restoreSchema, saveSchema } from '../../db/seed/bulk-load';
import { generateDemoBatches } from '../../db/seed/generator';
import { seedDemoData, type SeedReport } from '../../db/seed/index';
import { migrateServerDatabase } from '../../src-server/db/migrate';
import { openServerDatabase, type ServerDatabase } from '../../src-server/db/open';
import { createServerLogger } from '../../src-server/logger';
import type { SqlExecutor } from '../../src-server/db/sql-executor';

/** A fixed reference date so runs bill the same periods and produce the same row counts. */
export const benchNow = new Date('2026-03-10T15:00:00Z');
const batchSize = 500;

export interface Rate {
  readonly subscribers: number;
  readonly rows: number;
  readonly seconds: number;
}

/** A fresh, migrated server database: PGlite in a temp dir, or PostgreSQL at `databaseUrl`. */
export async function withFreshDatabase<T>(
  databaseUrl: string | null,
  fn: (db: ServerDatabase) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ventanilla-bench-'));
  try {
    const database = await openServerDatabase({ dataDir: dir, databaseUrl }, { logger: createServerLogger('warn') });
    try {
      await migrateServerDatabase(database.exec);
      return await fn(database);
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The generator alone: rows built in memory and dropped, no database. */
export function measureGenerator(subscribers: number): Rate {
  const started = performance.now();
  let rows = 0;
  for (const batch of generateDemoBatches({ seed: 1, subscribers, months: 12, now: benchNow, batchSize })) {
    rows += batch.subscribers.length + batch.bills.length + batch.payments.length;
  }
  return { subscribers, rows, seconds: (performance.now() - started) / 1000 };
}

interface PreparedBatch {
  readonly params: readonly (readonly string[])[];
  readonly rows: number;
}

function prepare(subscribers: number): PreparedBatch[] {
  const prepared: PreparedBatch[] = [];
  for (const batch of generateDemoBatches({ seed: 1, subscribers, months: 12, now: benchNow, batchSize })) {
    prepared.push({
      params: [
        columnArrays(subscriberTable, batch.subscribers),
        columnArrays(billTable, batch.bills),
        columnArrays(paymentTable, batch.payments),
      ],
      rows: batch.subscribers.length + batch.bills.length + batch.payments.length,
    });
  }
  return prepared;
}

const statements = [unnestInsertSql(subscriberTable), unnestInsertSql(billTable), unnestInsertSql(paymentTable)];

async function timeInserts(exec: SqlExecutor, prepared: readonly PreparedBatch[]): Promise<number> {
  const started = performance.now();
  for (const batch of prepared) {
    for (const [i, params] of batch.params.entries()) await exec.query(statements[i] ?? '', [...params]);
  }
  return (performance.now() - started) / 1000;
}

/**
 * The same unnest INSERTs with the rows already built (no generation): first into tables
 * stripped of keys, foreign keys and indexes — the ceiling of the insert path — then, after
 * emptying them, into the tables as migrated (every key and foreign key checked per row).
 */
export async function measureRawInserts(
  databaseUrl: string | null,
  subscribers: number,
): Promise<{ bare: Rate; indexed: Rate }> {
  const prepared = prepare(subscribers);
  const rows = prepared.reduce((sum, b) => sum + b.rows, 0);
  return withFreshDatabase(databaseUrl, async (db) => {
    const saved = await saveSchema(db.exec);
    await dropSchema(db.exec, saved);
    const bareSeconds = await timeInserts(db.exec, prepared);
    await db.exec.query('TRUNCATE payments, bills, subscribers');
    await db.exec.transaction((tx) => restoreSchema(tx, saved));
    const indexedSeconds = await timeInserts(db.exec, prepared);
    return {
      bare: { subscribers, rows, seconds: bareSeconds },
      indexed: { subscribers, rows, seconds: indexedSeconds },
    };
  });
}

/**
 * `seedDemoData` as `npm run seed` runs it, on a fresh database, with the largest resident
 * memory of this process seen after any batch (PGlite's WASM heap included).
 */
export async function measureSeed(
  databaseUrl: string | null,
  subscribers: number,
  log: (line: string) => void,
): Promise<{ report: SeedReport; peakRssBytes: number }> {
  return withFreshDatabase(databaseUrl, async (db) => {
    let next = 0.1;
    let peakRssBytes = process.memoryUsage.rss();
    const report = await seedDemoData(db.exec, {
      subscribers,
      now: benchNow,
      onProgress: (p) => {
        peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
        if (p.subscribersDone / p.subscribersTotal < next) return;
        next += 0.1;
        log(
          `${p.subscribersDone} suscriptores, ${(p.elapsedMs / 1000).toFixed(0)} s, ${Math.round(peakRssBytes / 2 ** 20)} MiB`,
        );
      },
    });
    return { report, peakRssBytes: Math.max(peakRssBytes, process.memoryUsage.rss()) };
  });
}
