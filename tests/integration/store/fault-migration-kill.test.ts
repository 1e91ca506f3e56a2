import { createHash } from 'node:crypto';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { fillLocalReplica } from '../../../db/seed/local-replica';
import { readMigrations } from '../../../src-main/store/migrations';
import { openStore } from '../../../src-main/store/open-store';
import { childLines } from '../../support/child-lines';
import { startChild } from '../../support/child-process';
import { replicaNow } from '../../support/replica-store';
import { openKeyedRaw } from '../../support/store-files';
import { tempDir } from '../../support/temp-dir';
import { startTestCore, testConfig } from '../../support/test-app';

/**
 * `kill -9` of the app while it migrates its store. The store is at the schema before
 * 0003_replica_trust (which rebuilds the replica's payments table: create, copy every row,
 * drop, rename, index) and holds real rows: a replica from the demo generator plus 100,000
 * more payments so the copy takes a while, a cash session with its payment, outbox events,
 * the device's facts. The child opens it as the app does at start-up (openStore, every pending
 * migration in one transaction) and is killed inside the transaction at each statement, and at
 * random moments. After every kill the store holds either exactly the old schema and rows or
 * exactly the migrated ones, opens, and the next start migrates it with nothing lost.
 */
const migrations = readMigrations(path.resolve('db/local/migrations'));
const oldVersion = migrations.findIndex((m) => m.tag === '0003_replica_trust');
const extraPayments = 100_000;

/** Each table's columns at the old schema, and a hash of its rows over those columns. */
type Snapshot = Record<string, { columns: string[]; rows: number; hash: string }>;

function snapshot(sqlite: Database.Database, columnsOf?: Snapshot): Snapshot {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const result: Snapshot = {};
  for (const table of tables) {
    const columns =
      columnsOf?.[table]?.columns ??
      (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`).pluck().all() as string[]);
    // Rows joined in SQLite and hashed once: a row at a time through JSON is slow at 100,000 rows.
    const row = columns.map((c) => `quote("${c}")`).join(" || ',' || ");
    const order = columns.map((c) => `"${c}"`).join(', ');
    const listed = sqlite
      .prepare(`SELECT count(*) AS n, group_concat(${row}, char(10) ORDER BY ${order}) AS text FROM "${table}"`)
      .get() as {
      n: number;
      text: string | null;
    };
    const hash = createHash('sha256')
      .update(listed.text ?? '')
      .digest('hex');
    result[table] = { columns, rows: listed.n, hash };
  }
  return result;
}

const version = (sqlite: Database.Database): number => Number(sqlite.pragma('user_version', { simple: true }));

let template: ReturnType<typeof tempDir>;
let before: Snapshot;

beforeAll(async () => {
  template = tempDir('fault-migration-template');
  const store = openStore({ dir: template.path, migrations: migrations.slice(0, oldVersion) });
  await fillLocalReplica(store.sqlite, { subscribers: 300, now: replicaNow });
  const sqlite = store.sqlite;
  sqlite.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${extraPayments})
    INSERT INTO payments (id, codigo_interno, bill_number, period, amount, paid_at, channel, reference)
    SELECT printf('01930000-0000-7000-8000-%012d', i), 100000 + i % 300, 900000000 + i, '2026-02', 1000 + i % 97 * 100,
           '2026-02-15T14:00:00.000Z', CASE i % 3 WHEN 0 THEN 'banco' WHEN 1 THEN 'caja' ELSE 'pse' END, 'REF-' || i FROM n`);
  const at = '2026-03-10T15:00:00.000Z';
  sqlite.prepare("INSERT INTO device_meta (key, value) VALUES ('deviceName', 'Caja 1'), ('syncCursor', '4821')").run();
  sqlite
    .prepare(
      "INSERT INTO cash_sessions (id, cashier, cashier_name, opened_at, opening_float) VALUES ('01930000-0000-7000-8000-00000000c001', 'cajero1', 'Martha', ?, 100000)",
    )
    .run(at);
  sqlite
    .prepare(
      `INSERT INTO cashier_payments (id, session_id, receipt_number, codigo_interno, bill_number, period, amount, cash, card, check_amount, change, tenders, taken_at)
       VALUES ('01930000-0000-7000-8000-00000000c002', '01930000-0000-7000-8000-00000000c001', 'CAJA1-000001', 100001, 1, '2026-02', 52300, 52300, 0, 0, 0, '[]', ?)`,
    )
    .run(at);
  const event = sqlite.prepare('INSERT INTO outbox (id, type, payload, created_at, state) VALUES (?, ?, ?, ?, ?)');
  event.run(
    '01930000-0000-7000-8000-00000000e001',
    'cash_session.opened',
    JSON.stringify({ sessionId: '01930000-0000-7000-8000-00000000c001' }),
    at,
    'sent',
  );
  event.run(
    '01930000-0000-7000-8000-00000000e002',
    'payment.taken',
    JSON.stringify({ paymentId: '01930000-0000-7000-8000-00000000c002', amount: 52300 }),
    at,
    'pending',
  );
  expect(version(sqlite)).toBe(oldVersion);
  before = snapshot(sqlite);
  store.close();
}, 120_000);
afterAll(() => template.remove());

/** A data dir whose device store is a copy of the old one (its file and its key files). */
function oldStoreCopy(): { dataDir: string; storeDir: string } {
  const dir = tempDir('fault-migration');
  onTestFinished(() => dir.remove());
  const storeDir = path.join(dir.path, 'device');
  cpSync(template.path, storeDir, { recursive: true });
  // A counter: a kiosk's start-up would blank the replica's payment references (replica-policy.ts).
  writeFileSync(
    path.join(dir.path, 'ventanilla.json'),
    JSON.stringify({ device: { mode: 'cashier', name: 'Caja 1' } }),
  );
  return { dataDir: dir.path, storeDir };
}

/** The store as a kill left it: readable, undamaged, and wholly old or wholly migrated. */
function storeAfterKill(storeDir: string): 'old' | 'migrated' {
  const raw = openKeyedRaw(storeDir);
  try {
    expect(raw.pragma('quick_check', { simple: true })).toBe('ok');
    const at = version(raw);
    if (at === oldVersion) {
      expect(snapshot(raw)).toEqual(before);
      return 'old';
    }
    expect(at).toBe(migrations.length);
    expectMigrated(raw);
    return 'migrated';
  } finally {
    raw.close();
  }
}

/** Every old table, column and row is there; the replica's payments gained their state, all valid. */
function expectMigrated(sqlite: Database.Database): void {
  const after = snapshot(sqlite, before);
  for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
  expect(Object.keys(after).filter((t) => t.startsWith('__new_'))).toEqual([]);
  expect(sqlite.prepare("SELECT count(*) FROM payments WHERE state <> 'valid'").pluck().get()).toBe(0);
}

/**
 * Opens the data dir with the whole app core (a counter not yet enrolled, no server to reach),
 * then checks the store once the app stopped cleanly: while it runs, the app keeps its own
 * crash marker in device_meta (`runningSince`, src-main/status/start-status.ts).
 */
async function appOpens(dataDir: string, storeDir: string): Promise<void> {
  const core = startTestCore(testConfig(dataDir));
  try {
    expect(version(core.store.sqlite)).toBe(migrations.length);
    expect(await core.dispatch('status.get', {})).toMatchObject({ ok: true });
  } finally {
    await core.stop();
  }
  const raw = openKeyedRaw(storeDir);
  try {
    expectMigrated(raw);
  } finally {
    raw.close();
  }
}

describe('store faults: the app killed while it migrates', () => {
  it(
    'inside the transaction after each statement and before the commit: the old store stays whole, then migrates',
    { timeout: 120_000 },
    async () => {
      const { dataDir, storeDir } = oldStoreCopy();
      const steps = [
        ...migrations.slice(oldVersion).flatMap((m) => m.statements.map((_, i) => `${m.tag}#${i}`)),
        'checked',
      ];
      // A process per kill: bundled (child-bundle.ts) each starts in ~0.2 s instead of ~0.45 s through tsx.
      for (const step of steps) {
        const child = startChild('migration-process', [storeDir, step], { bundled: true });
        const lines = childLines(child);
        await lines.wait((line) => line === 'paused', 60_000);
        await child.kill9();
        expect(storeAfterKill(storeDir), `killed at ${step}`).toBe('old');
      }
      const opening = startChild('migration-process', [storeDir, 'none'], { bundled: true });
      await childLines(opening).wait((line) => line === 'opened', 60_000);
      expect(storeAfterKill(storeDir)).toBe('migrated');
      await appOpens(dataDir, storeDir);
    },
  );

  it(
    'at random moments of a long migration: wholly old or wholly migrated, and the next start finishes it',
    { timeout: 240_000 },
    async () => {
      // How long the migration takes here, from its first statement to the open store.
      const timing = oldStoreCopy();
      const timed = startChild('migration-process', [timing.storeDir, 'none'], { bundled: true });
      const timedLines = childLines(timed);
      await timedLines.wait((line) => line.startsWith('step '), 60_000);
      const started = Date.now();
      await timedLines.wait((line) => line === 'opened', 60_000);
      const migrationMs = Date.now() - started;

      const outcomes: string[] = [];
      // Four kills at random moments, and more (up to twelve) until one has landed inside the
      // migration: on a busy machine a kill can take longer to land than the migration itself.
      const insideYet = () => outcomes.some((o) => o.startsWith('old'));
      for (let k = 0; k < 12 && (k < 4 || !insideYet()); k += 1) {
        const { dataDir, storeDir } = oldStoreCopy();
        const child = startChild('migration-process', [storeDir, 'none'], { bundled: true });
        const lines = childLines(child);
        await lines.wait((line) => line.startsWith('step '), 60_000);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * migrationMs));
        await child.kill9();
        await lines.ended;
        const outcome = storeAfterKill(storeDir);
        // The child writes each step before going on, and the commit comes after `checked`.
        if (!lines.seen.includes('step checked')) expect(outcome).toBe('old');
        if (lines.seen.includes('opened')) expect(outcome).toBe('migrated');
        outcomes.push(`${outcome} after ${lines.seen.at(-1) ?? 'nothing'}`);
        await appOpens(dataDir, storeDir);
      }
      expect(
        outcomes.filter((o) => o.startsWith('old')).length,
        `kills that landed inside the migration: ${outcomes.join('; ')}`,
      ).toBeGreaterThan(0);
    },
  );
});
