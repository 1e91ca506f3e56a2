/**
 * Demo data for the central server: an Ibagué-like water utility with subscribers, a year of
 * bills, their payments, staff accounts for every role and the entity's settings. See
 * README.md beside this file for what is generated, the demo logins and the guarantees.
 *
 * `seedDemoData` is what `npm run seed` and the app's first start call. It refuses a database
 * that already has subscribers unless `append` is set, in which case the new subscribers
 * continue the index sequence after the highest existing código interno.
 */
import type { SqlExecutor } from '../../src-server/db/sql-executor';
import type { ForeignKeyChecks } from './batch-writer';
import { columnArrays, staffUserTable, unnestInsertSql } from './columns';
import { demoEntity, entitySettingKey } from './entity';
import { billingCalendar, checkGenerateOptions, SeedOptionsError } from './generator';
import { bulkThreshold, loadGenerated, type LoadMode } from './loader';
import { demoStaffSecrets } from './staff';
import { seedDemoWallets } from './wallet';
import { seedDemoRegistry } from '../../src-server/certificates/registry-demo';
import { seedDemoTickets } from '../../src-server/tickets/ticket-demo';
import { indexOfCodigo } from './subscribers';

export { demoStaffAccounts, type DemoStaffAccount } from './staff';
export { demoEntity, type EntitySetting } from './entity';
export { demoWallets, type DemoWallet } from './wallet';
export { generateDemoBatches, SeedOptionsError, type GenerateOptions } from './generator';
export { bulkThreshold, type LoadMode } from './loader';
export type { BillRow, PaymentRow, SeedBatch, StaffUserRow, SubscriberRow } from './rows';

export interface SeedProgress {
  readonly subscribersDone: number;
  readonly subscribersTotal: number;
  /** Rows written so far across subscribers, bills and payments. */
  readonly rows: number;
  readonly elapsedMs: number;
}

export interface SeedOptions {
  readonly subscribers: number;
  /** Monthly bills per subscriber, ending at the current period. Default 12. */
  readonly months?: number;
  /** Same seed and same `now` → the same data. Default 1. */
  readonly seed?: number;
  /** Reference instant (defaults to the clock): fixes "today" and the current period. */
  readonly now?: Date;
  /** Add to a database that already has subscribers instead of refusing. */
  readonly append?: boolean;
  /**
   * Entries of the chamber of commerce's registry (docs/registry.md), its fixed demo businesses
   * first; 0 (the default) loads none. An existing registry is left as it is.
   */
  readonly matriculas?: number;
  /** Support tickets over the two years before `now` (src-server/tickets/ticket-demo.ts); 0 (the default) loads none. */
  readonly tickets?: number;
  /** Subscribers per INSERT batch. Default 500 (about 11,000 rows). */
  readonly batchSize?: number;
  /**
   * `batches` (a transaction per batch) or `bulk` (one transaction, keys and indexes rebuilt
   * at the end; empty databases only). Default: bulk from `bulkThreshold` subscribers into an
   * empty database, batches otherwise.
   */
  readonly loadMode?: LoadMode;
  readonly onProgress?: (progress: SeedProgress) => void;
}

export interface SeedReport {
  readonly subscribers: number;
  readonly bills: number;
  readonly payments: number;
  readonly staffUsers: number;
  /** Registry entries loaded (0 when none were asked for or the registry had entries). */
  readonly matriculas: number;
  /** Support tickets loaded (0 when none were asked for or some existed). */
  readonly tickets: number;
  readonly rows: number;
  /** Index of the first subscriber written (0 on an empty database). */
  readonly firstIndex: number;
  readonly loadMode: LoadMode;
  readonly foreignKeyChecks: ForeignKeyChecks;
  readonly elapsedMs: number;
}

/** The database already has data and `append` was not asked for. */
export class SeedRefusedError extends Error {
  override readonly name = 'SeedRefusedError';
}

export async function seedDemoData(exec: SqlExecutor, options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const months = options.months ?? 12;
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new SeedOptionsError('El tamaño de lote debe ser un entero positivo.');

  const { firstIndex, empty } = await firstFreeIndex(exec, options.append === true);
  const generate = { seed, months, now, subscribers: options.subscribers, firstIndex, batchSize };
  checkGenerateOptions(generate);
  const loadMode = options.loadMode ?? (empty && options.subscribers >= bulkThreshold ? 'bulk' : 'batches');
  if (loadMode === 'bulk' && !empty) {
    throw new SeedOptionsError('La carga masiva (bulk) solo se usa en una base de datos sin suscriptores.');
  }

  // Five scrypt hashes at OWASP parameters cost a few seconds of CPU on libuv's thread pool:
  // start them now so they overlap with the load instead of adding to it.
  const firstPeriod = billingCalendar(now, months).periods[0] ?? '';
  const staffSecrets = demoStaffSecrets(seed, `${firstPeriod}-01`);
  staffSecrets.catch(() => undefined); // awaited below; avoids an unhandled rejection meanwhile

  const loaded = await loadGenerated(exec, generate, loadMode, (counts) =>
    options.onProgress?.({
      subscribersDone: counts.subscribers,
      subscribersTotal: options.subscribers,
      rows: counts.subscribers + counts.bills + counts.payments,
      elapsedMs: performance.now() - started,
    }),
  );

  const secrets = await staffSecrets;
  const { rows: insertedStaff } = await exec.query(
    `${unnestInsertSql(staffUserTable, 1, ' ON CONFLICT (username) DO NOTHING')} RETURNING id`,
    columnArrays(
      staffUserTable,
      secrets.map((secret) => secret.row),
    ),
  );
  // Approval keys only for the rows this run inserted: an existing account keeps its own.
  const inserted = new Set(insertedStaff.map((row) => String(row.id)));
  const keys = secrets.filter((secret) => inserted.has(secret.row.id));
  await exec.query(
    'INSERT INTO staff_approval_keys (staff_id, approval_key) SELECT * FROM unnest($1::uuid[], $2::text[])',
    [keys.map((secret) => secret.row.id), keys.map((secret) => secret.approvalKey.toString('base64url'))],
  );
  // The entity row below marks the demo data complete, so the wallets go in before it.
  await seedDemoWallets(exec, { now, liquidationDays: 5 });
  const registry =
    (options.matriculas ?? 0) > 0
      ? await seedDemoRegistry(exec, { seed, matriculas: options.matriculas ?? 0, now })
      : { matriculas: 0 };
  const tickets = await seedDemoTickets(exec, { seed, tickets: options.tickets ?? 0, now });
  await exec.query('INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING', [
    entitySettingKey,
    JSON.stringify(demoEntity),
  ]);
  // PGlite has no autovacuum: without fresh statistics the planner would treat these tables
  // as empty and pick nested loops over millions of rows.
  await exec.query('ANALYZE subscribers, bills, payments, change_log');

  return {
    subscribers: loaded.subscribers,
    bills: loaded.bills,
    payments: loaded.payments,
    staffUsers: insertedStaff.length,
    matriculas: registry.matriculas,
    tickets: tickets.tickets,
    rows: loaded.subscribers + loaded.bills + loaded.payments + insertedStaff.length,
    firstIndex,
    loadMode,
    foreignKeyChecks: loaded.foreignKeyChecks,
    elapsedMs: performance.now() - started,
  };
}

async function firstFreeIndex(exec: SqlExecutor, append: boolean): Promise<{ firstIndex: number; empty: boolean }> {
  // max() of the primary key reads one index entry, whatever the table size.
  const { rows } = await exec.query<{ max: number | null }>('SELECT max(codigo_interno) AS max FROM subscribers');
  const max = rows[0]?.max ?? null;
  if (max === null) return { firstIndex: 0, empty: true };
  if (!append) {
    throw new SeedRefusedError(
      'La base de datos ya tiene suscriptores; no se generan datos de demostración encima. ' +
        'Use --append para añadir más suscriptores, o un directorio de datos (VENTANILLA_DATA_DIR) vacío.',
    );
  }
  return { firstIndex: Math.max(0, indexOfCodigo(max) + 1), empty: false };
}
