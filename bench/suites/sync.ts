import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { seedDemoData } from '../../db/seed';
import { startAppCore, type AppCore } from '../../src-main/app-core';
import { appPaths } from '../../src-main/app-paths';
import { createRootLogger } from '../../src-main/logger';
import { ServerClient } from '../../src-main/server-link/server-client';
import { commit } from '../../src-main/store/write-path';
import { replicaTables } from '../../src-main/sync/replica-tables';
import { createEnrollmentCode } from '../../src-server/devices/admin';
import { startServer, type RunningServer } from '../../src-server/index';
import { createServerLogger } from '../../src-server/logger';
import { replicatedTables } from '../../src-shared/server-api/sync-api';
import { openTestStore } from '../../tests/support/replica-store';
import { tempDir } from '../../tests/support/temp-dir';
import { testConfig } from '../../tests/support/test-app';
import { countOption, Latencies } from '../support/latency';
import type { BenchContext, Metrics } from '../suite';

/**
 * `sync`, on the embedded PGlite server in this process and devices in this process:
 *
 * - `sync.pull_rows_per_s`: a fresh device's first download of an Ibagué-sized utility
 *   (default 200,000 subscribers with 6 bills each, and their payments), beside
 *   `sync.raw_insert_rows_per_s`: the same rows written with bare batched better-sqlite3
 *   inserts into an empty migrated store in the same run (target: pull ≥ 25 % of raw).
 * - `sync.push_events_per_s`: 10,000 payments pushed from one device's outbox (each one locks
 *   its bill, writes the payment, marks the bill paid and feeds the change back).
 * - `sync.change_to_device_p50_ms`: a row updated on the server → on a long-polling device.
 * - `sync.server_pull_p99_ms`: 200 enrolled devices asking for a page at once.
 *
 * Options: --sync-subscribers N (200000), --push-events N (10000), --pull-devices N (200).
 */
export const name = 'sync';

const silent = createRootLogger('silent');
const rootDir = process.cwd();

function device(dataDir: string, serverUrl: string): AppCore {
  return startAppCore({
    config: testConfig(dataDir),
    paths: appPaths(rootDir),
    serverUrl,
    log: silent,
    helloIntervalMs: 60_000,
    sync: { puller: { longPollMs: 10_000 }, pusher: { idleCheckMs: 200 } },
  });
}

async function enroll(server: RunningServer, core: AppCore): Promise<void> {
  const { code } = await createEnrollmentCode(server.database, { deviceName: 'Banco de pruebas', mode: 'cashier' });
  const result = await core.dispatch('device.enroll', { code });
  if (!result.ok) throw new Error(result.error.message);
}

async function waitFor(what: string, done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`tiempo agotado esperando ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const count = (core: AppCore, sql: string): number => core.store.sqlite.prepare(sql).pluck().get() as number;

export async function run(ctx: BenchContext): Promise<Metrics> {
  const { values } = parseArgs({
    args: [...ctx.args],
    strict: false,
    options: { 'sync-subscribers': { type: 'string' }, 'push-events': { type: 'string' }, 'pull-devices': { type: 'string' } },
  });
  const subscribers = countOption(values, 'sync-subscribers', 200_000);
  const pushEvents = countOption(values, 'push-events', 10_000);
  const pullDevices = countOption(values, 'pull-devices', 200);
  const dir = tempDir('bench-sync');
  const metrics: Metrics = { 'sync.subscribers': subscribers };
  let server: RunningServer | null = null;
  const cores: AppCore[] = [];
  try {
    server = await startServer(
      { dataDir: `${dir.path}/server`, databaseUrl: null, host: '127.0.0.1', port: 0, logLevel: 'silent', enrollmentCodeTtlHours: 24 },
      { logger: createServerLogger('silent') },
    );
    ctx.log(`servidor PGlite con ${subscribers.toLocaleString('es-CO')} suscriptores y 6 meses de facturas…`);
    const seeded = await seedDemoData(server.database.exec, { subscribers, months: 6 });
    ctx.log(`  ${seeded.rows.toLocaleString('es-CO')} filas`);

    const latest = await latestSeqOf(server);
    // 1. First download.
    const first = device(`${dir.path}/device-1`, server.url);
    cores.push(first);
    const pullStarted = performance.now();
    await enroll(server, first);
    const cursor = first.store.sqlite.prepare("SELECT value FROM device_meta WHERE key = 'syncCursor'").pluck();
    await waitFor('la descarga inicial', () => cursor.get() === String(latest), 1_800_000);
    const pullSeconds = (performance.now() - pullStarted) / 1000;
    const rows = replicatedTables.reduce((sum, table) => sum + count(first, `SELECT count(*) FROM ${table}`), 0);
    metrics['sync.pull_rows'] = rows;
    metrics['sync.pull_rows_per_s'] = Math.round(rows / pullSeconds);
    ctx.log(`descarga: ${rows.toLocaleString('es-CO')} filas en ${pullSeconds.toFixed(1)} s`);

    // 1b. The raw limit: the same rows, bare prepared INSERTs in transactions of 2,000.
    const raw = openTestStore(`${dir.path}/raw`);
    const rawStarted = performance.now();
    for (const table of replicatedTables) {
      const columns = replicaTables[table].columns.map(([column]) => column);
      const insert = raw.sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      const source = first.store.sqlite.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).raw();
      let batch: unknown[][] = [];
      const flush = raw.sqlite.transaction((items: unknown[][]) => {
        for (const item of items) insert.run(item);
      });
      for (const row of source.iterate() as IterableIterator<unknown[]>) {
        batch.push(row);
        if (batch.length === 2000) {
          flush.immediate(batch);
          batch = [];
        }
      }
      if (batch.length > 0) flush.immediate(batch);
    }
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    raw.close();
    metrics['sync.raw_insert_rows_per_s'] = Math.round(rows / rawSeconds);

    // 2. Push.
    ctx.log(`${pushEvents.toLocaleString('es-CO')} pagos en el outbox…`);
    const bills = first.store.sqlite
      .prepare("SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, period FROM bills WHERE state IN ('pendiente', 'vencida') LIMIT ?")
      .all(pushEvents) as { billNumber: number; codigoInterno: number; period: string }[];
    await waitFor('el outbox vacío', () => count(first, "SELECT count(*) FROM outbox WHERE state = 'pending'") === 0, 60_000);
    const pushStarted = performance.now();
    commit(first.store, () => ({
      result: null,
      events: Array.from({ length: pushEvents }, (_, i) => {
        const bill = bills[i % bills.length];
        if (bill === undefined) throw new Error('sin facturas pendientes');
        return {
          type: 'payment.taken',
          payload: { paymentId: randomUUID(), ...bill, amount: 10_000 + i, paidAt: new Date().toISOString(), channel: 'caja', reference: `B-${i}` },
        };
      }),
    }));
    await waitFor('el envío', () => count(first, "SELECT count(*) FROM outbox WHERE state = 'pending'") === 0, 600_000);
    const pushSeconds = (performance.now() - pushStarted) / 1000;
    metrics['sync.push_events_per_s'] = Math.round(pushEvents / pushSeconds);
    ctx.log(`envío: ${pushEvents} eventos en ${pushSeconds.toFixed(1)} s`);

    // 3. A change reaching an online device.
    const seqOf = () => Number(cursor.get());
    const changeLatency = new Latencies();
    const probeCode = first.store.sqlite.prepare('SELECT min(codigo_interno) FROM subscribers').pluck().get() as number;
    const probe = first.store.sqlite.prepare('SELECT address FROM subscribers WHERE codigo_interno = ?').pluck();
    for (let i = 0; i < 40; i += 1) {
      await waitFor('al día', async () => seqOf() === (await latestSeqOf(server as RunningServer)), 60_000);
      const address = `Bench ${i} ${randomUUID().slice(0, 8)}`;
      const started = performance.now();
      await server.database.exec.query('UPDATE subscribers SET address = $1 WHERE codigo_interno = $2', [address, probeCode]);
      // By primary key: a scan of the table on every look would hold the event loop the device runs on.
      await waitFor('el cambio', () => probe.get(probeCode) === address, 10_000);
      changeLatency.add(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    metrics['sync.change_to_device_p50_ms'] = changeLatency.percentile(50);

    // 4. Many devices asking at once.
    ctx.log(`${pullDevices} dispositivos pidiendo una página a la vez…`);
    const tokens: string[] = [];
    for (let i = 0; i < pullDevices; i += 1) {
      const { code } = await createEnrollmentCode(server.database, { deviceName: `Banco ${i}`, mode: 'kiosk' });
      const answer = await new ServerClient(server.url).enroll(code);
      if (!answer.ok) throw new Error(answer.error.message);
      tokens.push(answer.value.token);
    }
    const latestNow = await latestSeqOf(server);
    const pullLatency = new Latencies();
    for (let round = 0; round < 3; round += 1) {
      await Promise.all(
        tokens.map(async (token, i) => {
          const cursor = Math.floor(((i * 7919 + round * 104_729) % 1000) / 1000 * latestNow);
          const started = performance.now();
          const response = await fetch(`${server?.url ?? ''}/v1/sync/pull?cursor=${cursor}&limit=500`, { headers: { authorization: `Bearer ${token}` } });
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`pull ${response.status}`);
          pullLatency.add(performance.now() - started);
        }),
      );
    }
    metrics['sync.server_pull_p99_ms'] = pullLatency.percentile(99);
    metrics['sync.server_pull_p50_ms'] = pullLatency.percentile(50);
    return metrics;
  } finally {
    for (const core of cores) await core.stop();
    await server?.stop();
    dir.remove();
  }

  async function latestSeqOf(s: RunningServer): Promise<number> {
    const { rows } = await s.database.exec.query<{ max: string | null }>('SELECT max(seq) AS max FROM change_log');
    return Number(rows[0]?.max ?? 0);
  }
}
