import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { seedDemoData } from '../../db/seed';
import { startAppCore, type AppCore } from '../../src-main/app-core';
import { appPaths } from '../../src-main/app-paths';
import { createRootLogger } from '../../src-main/logger';
import { ServerClient } from '../../src-main/server-link/server-client';
import { commit } from '../../src-main/store/write-path';
import { replicaTables } from '../../src-main/sync/replica-tables';
import { DEFAULT_MAIL_FROM } from '../../src-server/config';
import { createEnrollmentCode } from '../../src-server/devices/admin';
import { startServer } from '../../src-server/index';
import { createServerLogger } from '../../src-server/logger';
import { replicatedTables } from '../../src-shared/server-api/sync-api';
import { spawnChild } from '../../tests/support/child-spawn';
import { freePort } from '../../tests/support/free-port';
import { openTestStore } from '../../tests/support/replica-store';
import { tempDir } from '../../tests/support/temp-dir';
import { testConfig } from '../../tests/support/test-app';
import { concurrentPullsApart } from '../support/concurrent-pulls';
import { countOption, Latencies } from '../support/latency';
import { rawPushApplySeconds } from '../support/raw-push-apply';
import type { BenchContext, Metrics } from '../suite';
import { fixtureCashier, openSession, receiptNumber } from '../../tests/support/outbox-fixtures';

/**
 * `sync`: the central server on the embedded PGlite in a process of its own (as it runs
 * apart from devices in production; in one process the server's queries and the device's
 * writes would take turns on one event loop), devices in this process:
 *
 * - `sync.pull_rows_per_s`: a fresh device's first download of an Ibagué-sized utility
 *   (default 200,000 subscribers with 6 bills each, and their payments), beside
 *   `sync.raw_insert_rows_per_s`: the same rows written with bare batched better-sqlite3
 *   inserts into an empty migrated store in the same run (target: pull ≥ 25 % of raw).
 * - `sync.push_events_per_s`: 10,000 payments pushed from the device's outbox (each locks
 *   its bill, writes the payment, marks the bill paid; the changes flow back to the device),
 *   beside `sync.raw_apply_events_per_s`: the server's push applier called directly with the
 *   same number of payments in batches of 500, no HTTP and no device.
 * - `sync.change_to_device_p50_ms`: a payment pushed by another device (a counter) → in this
 *   device's replica, through the server's change feed and this device's long poll.
 * - `sync.server_pull_p99_ms`: 200 enrolled devices asking for a page of 500 changes at once.
 *
 * Options: --sync-subscribers N (200000), --push-events N (10000), --pull-devices N (200).
 */
export const name = 'sync';

const silent = createRootLogger('silent');

function device(dataDir: string, serverUrl: string): AppCore {
  return startAppCore({
    config: testConfig(dataDir),
    paths: appPaths(process.cwd()),
    serverUrl,
    log: silent,
    helloIntervalMs: 60_000,
    sync: { puller: { longPollMs: 10_000 }, pusher: { idleCheckMs: 200 } },
  });
}

async function waitFor(what: string, done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`tiempo agotado esperando ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function run(ctx: BenchContext): Promise<Metrics> {
  const { values } = parseArgs({
    args: [...ctx.args],
    strict: false,
    options: {
      'sync-subscribers': { type: 'string' },
      'push-events': { type: 'string' },
      'pull-devices': { type: 'string' },
    },
  });
  const subscribers = countOption(values, 'sync-subscribers', 200_000);
  const pushEvents = countOption(values, 'push-events', 10_000);
  const pullDevices = countOption(values, 'pull-devices', 200);
  const dir = tempDir('bench-sync');
  const serverDir = `${dir.path}/server`;
  const metrics: Metrics = { 'sync.subscribers': subscribers };
  let first: AppCore | null = null;
  let child: ReturnType<typeof spawnChild> | null = null;
  try {
    // Seeded, with every enrollment code the run needs, then handed to the server's own process.
    ctx.log(`servidor PGlite con ${subscribers.toLocaleString('es-CO')} suscriptores y 6 meses de facturas…`);
    const seeding = await startServer(
      {
        dataDir: serverDir,
        databaseUrl: null,
        host: '127.0.0.1',
        port: 0,
        logLevel: 'silent',
        enrollmentCodeTtlHours: 24,
        smtpUrl: null,
        mailFrom: DEFAULT_MAIL_FROM,
      },
      { logger: createServerLogger('silent') },
    );
    const seeded = await seedDemoData(seeding.database.exec, { subscribers, months: 6 });
    const codes: string[] = [];
    for (let i = 0; i < pullDevices + 2; i += 1)
      codes.push((await createEnrollmentCode(seeding.database, { deviceName: `Banco ${i}`, mode: 'cashier' })).code);
    metrics['sync.raw_apply_events_per_s'] = Math.round(
      pushEvents / (await rawPushApplySeconds(seeding.database, pushEvents, { sql: 'true', params: [] })),
    );
    const { rows: latestRows } = await seeding.database.exec.query<{ max: string }>(
      'SELECT max(seq) AS max FROM change_log',
    );
    const latest = String(latestRows[0]?.max ?? '0');
    await seeding.stop();
    ctx.log(`  ${seeded.rows.toLocaleString('es-CO')} filas`);
    child = spawnChild('server-process', [serverDir, 'pglite', String(await freePort())]);
    const { url } = JSON.parse(await child.firstLine) as { url: string };
    const client = new ServerClient(url);

    // 1. First download.
    first = device(`${dir.path}/device-1`, url);
    const store = first.store;
    const cursor = store.sqlite.prepare("SELECT value FROM device_meta WHERE key = 'syncCursor'").pluck();
    const pullStarted = performance.now();
    const enrolled = await first.dispatch('device.enroll', { code: codes[0] ?? '' });
    if (!enrolled.ok) throw new Error(enrolled.error.message);
    await waitFor('la descarga inicial', () => cursor.get() === latest, 1_800_000);
    const pullSeconds = (performance.now() - pullStarted) / 1000;
    const count = (sql: string): number => store.sqlite.prepare(sql).pluck().get() as number;
    const rows = replicatedTables.reduce((sum, table) => sum + count(`SELECT count(*) FROM ${table}`), 0);
    metrics['sync.pull_rows'] = rows;
    metrics['sync.pull_rows_per_s'] = Math.round(rows / pullSeconds);
    ctx.log(`descarga: ${rows.toLocaleString('es-CO')} filas en ${pullSeconds.toFixed(1)} s`);

    // 1b. The raw limit: the same rows, bare prepared INSERTs in transactions of 2,000.
    const raw = openTestStore(`${dir.path}/raw`);
    const rawStarted = performance.now();
    for (const table of replicatedTables) {
      const columns = replicaTables[table].columns.map(([column]) => column);
      const insert = raw.sqlite.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      const flush = raw.sqlite.transaction((items: unknown[][]) => {
        for (const item of items) insert.run(item);
      });
      let batch: unknown[][] = [];
      for (const row of store.sqlite
        .prepare(`SELECT ${columns.join(', ')} FROM ${table}`)
        .raw()
        .iterate() as IterableIterator<unknown[]>) {
        batch.push(row);
        if (batch.length === 2000) {
          flush.immediate(batch);
          batch = [];
        }
      }
      if (batch.length > 0) flush.immediate(batch);
    }
    metrics['sync.raw_insert_rows_per_s'] = Math.round(rows / ((performance.now() - rawStarted) / 1000));
    raw.close();

    // 2. Push.
    const bills = store.sqlite
      .prepare(
        "SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, period FROM bills WHERE state IN ('pendiente', 'vencida') LIMIT ?",
      )
      .all(pushEvents + 100) as { billNumber: number; codigoInterno: number; period: string }[];
    const pending = store.sqlite.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck();
    await waitFor('el outbox vacío', () => pending.get() === 0, 60_000);
    ctx.log(`${pushEvents.toLocaleString('es-CO')} pagos en el outbox…`);
    const ownSession = openSession({ store });
    await waitFor('la apertura de caja enviada', () => pending.get() === 0, 60_000);
    const payment = (i: number, session = { id: ownSession, prefix: receiptNumber(store, '') }) => {
      const bill = bills[i % bills.length];
      if (bill === undefined) throw new Error('sin facturas pendientes');
      return {
        paymentId: randomUUID(),
        ...bill,
        amount: 10_000 + i,
        paidAt: new Date().toISOString(),
        channel: 'caja' as const,
        reference: `${session.prefix}${i}`,
        cashSessionId: session.id,
        cashier: fixtureCashier,
      };
    };
    const pushStarted = performance.now();
    commit(store, () => ({
      result: null,
      events: Array.from({ length: pushEvents }, (_, i) => ({ type: 'payment.taken', payload: payment(i) })),
    }));
    await waitFor('el envío', () => pending.get() === 0, 600_000);
    const pushSeconds = (performance.now() - pushStarted) / 1000;
    metrics['sync.push_events_per_s'] = Math.round(pushEvents / pushSeconds);
    ctx.log(`envío: ${pushEvents} eventos en ${pushSeconds.toFixed(1)} s`);

    // 3. A payment taken at another counter, until it is in this device's replica.
    const counter = await client.enroll(codes[1] ?? '');
    if (!counter.ok) throw new Error(counter.error.message);
    const counterSession = { id: randomUUID(), prefix: `${counter.value.receiptSeries?.prefix ?? ''}-` };
    const opening = await client.push(counter.value.token, [
      {
        id: randomUUID(),
        deviceId: counter.value.deviceId,
        type: 'cash_session.opened',
        createdAt: new Date().toISOString(),
        payload: {
          sessionId: counterSession.id,
          cashier: fixtureCashier,
          openedAt: new Date().toISOString(),
          openingFloat: 0,
        },
      },
    ]);
    if (!opening.ok || opening.value.results[0]?.status !== 'applied')
      throw new Error('la apertura de caja del otro dispositivo no se aplicó');
    const seen = store.sqlite.prepare('SELECT count(*) FROM payments WHERE id = ?').pluck();
    const changeLatency = new Latencies();
    for (let i = 0; i < 40; i += 1) {
      const event = {
        id: randomUUID(),
        deviceId: counter.value.deviceId,
        type: 'payment.taken',
        payload: payment(pushEvents + i, counterSession),
        createdAt: new Date().toISOString(),
      };
      const started = performance.now();
      const pushed = await client.push(counter.value.token, [event]);
      if (!pushed.ok) throw new Error(pushed.error.message);
      await waitFor('el cambio', () => seen.get(event.payload.paymentId) === 1, 10_000);
      changeLatency.add(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    metrics['sync.change_to_device_p50_ms'] = changeLatency.percentile(50);

    // 4. Many devices asking at once.
    ctx.log(`${pullDevices} dispositivos pidiendo una página a la vez…`);
    const tokens: string[] = [];
    for (const code of codes.slice(2)) {
      const answer = await client.enroll(code);
      if (!answer.ok) throw new Error(answer.error.message);
      tokens.push(answer.value.token);
    }
    const pullLatency = await concurrentPullsApart({
      url,
      tokens,
      top: Number(latest),
      limit: 500,
      rounds: 3,
      warmupRounds: 1,
    });
    metrics['sync.server_pull_p50_ms'] = pullLatency.counted.percentile(50);
    metrics['sync.server_pull_p99_ms'] = pullLatency.counted.percentile(99);
    return metrics;
  } finally {
    await first?.stop();
    await child?.stop();
    dir.remove();
  }
}
