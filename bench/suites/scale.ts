import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { seedDemoData } from '../../db/seed';
import { startAppCore, type AppCore } from '../../src-main/app-core';
import { appPaths } from '../../src-main/app-paths';
import { createRootLogger } from '../../src-main/logger';
import { ServerClient } from '../../src-main/server-link/server-client';
import { DEFAULT_MAIL_FROM } from '../../src-server/config';
import { createEnrollmentCode } from '../../src-server/devices/admin';
import { openServerDatabase, type ServerDatabase } from '../../src-server/db/open';
import { startServer } from '../../src-server/index';
import { createServerLogger } from '../../src-server/logger';
import { spawnChild, type Child } from '../../tests/support/child-spawn';
import { freePort } from '../../tests/support/free-port';
import { startBalancer } from '../../tests/support/nginx-balancer';
import { fixtureCashier, openSession, takePayment, unpaidBill } from '../../tests/support/outbox-fixtures';
import { openTestStore } from '../../tests/support/replica-store';
import { createScratchDatabase } from '../../tests/support/scratch-postgres';
import { tempDir } from '../../tests/support/temp-dir';
import { testConfig } from '../../tests/support/test-app';
import { measureFanout } from '../support/fanout';
import { concurrentPullsApart } from '../support/concurrent-pulls';
import { countOption } from '../support/latency';
import { rawPushApplySeconds } from '../support/raw-push-apply';
import { rawRowCopy } from '../support/raw-row-copy';
import { waitFor } from '../support/wait-for';
import type { BenchContext, Metrics } from '../suite';

/**
 * `scale` (issue 17): the central server as a large utility runs it — two instances of
 * `npm run server` on one PostgreSQL behind Debian's nginx with the shipped configuration
 * (deploy/nginx/ventanilla.conf). PostgreSQL from VENTANILLA_BENCH_DATABASE_URL, else
 * VENTANILLA_TEST_DATABASE_URL (`source .ci/postgres.sh`); a scratch database is made and dropped.
 *
 * - `scale.push_events_per_s`: the server's push applier with --push-events (5,000) payments in
 *   batches of the largest push, each applied exactly once (checked), on PostgreSQL; beside it
 *   `scale.push_events_per_s_pglite` on PGlite and `scale.raw_insert_payments_per_s`, the same
 *   number of payment rows inserted with one bare INSERT … SELECT on PostgreSQL.
 * - `scale.first_download_rows_per_s`: a fresh counter's first download of --scale-subscribers
 *   (200,000) subscribers with 6 months of bills, through the balancer — by snapshot
 *   (src-main/sync/snapshot-download.ts), then the feed from its cursor; beside it
 *   `scale.raw_insert_rows_per_s`, the same rows written bare into an empty SQLite store
 *   (target ≥ 50 %). The PGlite figure of the same download is `sync.pull_rows_per_s`.
 * - `scale.server_pull_p99_ms`: --pull-devices (200) devices asking for a 500-change page at
 *   once, through the balancer, two instances (target ≤ 500 ms); three counted rounds after one
 *   warm-up round from other cursors (bench/support/concurrent-pulls.ts); the warm-up round's own
 *   p99 is `scale.server_pull_cold_p99_ms`.
 * - `scale.fanout_p99_ms`: --fanout-devices (200) caught-up devices long-polling through the
 *   balancer; a change committed through it → the last device has it (target ≤ 1,000 ms).
 * - `scale.instances_kill_lost` / `scale.instances_kill_doubled`: 300 payments pushed by a
 *   counter while one instance is SIGKILLed and started again (target 0 / 0).
 */
export const name = 'scale';

const silent = createRootLogger('silent');

function counter(dataDir: string, serverUrl: string): AppCore {
  return startAppCore({
    config: testConfig(dataDir),
    paths: appPaths(process.cwd()),
    serverUrl,
    log: silent,
    helloIntervalMs: 60_000,
    sync: { pusher: { idleCheckMs: 200 } },
  });
}

async function count(database: ServerDatabase, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await database.exec.query<{ n: string }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** The push applier on PGlite, the same payments: a server of its own with a small city. */
async function pglitePush(dir: string, events: number): Promise<number> {
  const server = await startServer(
    {
      dataDir: dir,
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
  try {
    await seedDemoData(server.database.exec, { subscribers: events * 2, months: 6 });
    return events / (await rawPushApplySeconds(server.database, events, { sql: 'true', params: [] }));
  } finally {
    await server.stop();
  }
}

export async function run(ctx: BenchContext): Promise<Metrics> {
  const { values } = parseArgs({
    args: [...ctx.args],
    strict: false,
    options: {
      'scale-subscribers': { type: 'string' },
      'push-events': { type: 'string' },
      'pull-devices': { type: 'string' },
      'fanout-devices': { type: 'string' },
    },
  });
  const subscribers = countOption(values, 'scale-subscribers', 200_000);
  const pushEvents = countOption(values, 'push-events', 5000);
  const pullDevices = countOption(values, 'pull-devices', 200);
  const fanoutDevices = countOption(values, 'fanout-devices', 200);
  const adminUrl = ctx.env.VENTANILLA_BENCH_DATABASE_URL ?? ctx.env.VENTANILLA_TEST_DATABASE_URL ?? null;
  if (adminUrl === null) {
    ctx.log(
      'scale necesita PostgreSQL: VENTANILLA_BENCH_DATABASE_URL o VENTANILLA_TEST_DATABASE_URL (source .ci/postgres.sh).',
    );
    return {};
  }
  const metrics: Metrics = { 'scale.subscribers': subscribers };
  const stops: (() => void | Promise<void>)[] = [];
  const dir = tempDir('bench-scale');
  const db = await createScratchDatabase(adminUrl, 'bench_scale');
  try {
    ctx.log('PGlite: el aplicador de envíos…');
    metrics['scale.push_events_per_s_pglite'] = Math.round(await pglitePush(`${dir.path}/pglite`, pushEvents));

    const serverDir = `${dir.path}/server`;
    const config = {
      dataDir: serverDir,
      databaseUrl: db.url,
      host: '127.0.0.1',
      port: 0,
      logLevel: 'silent',
      enrollmentCodeTtlHours: 24,
      smtpUrl: null,
      mailFrom: DEFAULT_MAIL_FROM,
    };
    ctx.log(`PostgreSQL con ${subscribers.toLocaleString('es-CO')} suscriptores y 6 meses de facturas…`);
    const seeding = await startServer(config, { logger: createServerLogger('silent') });
    await seedDemoData(seeding.database.exec, { subscribers, months: 6 });
    const codes: string[] = [];
    for (let i = 0; i < 2 + pullDevices + fanoutDevices; i += 1)
      codes.push((await createEnrollmentCode(seeding.database, { deviceName: `Caja ${i}`, mode: 'cashier' })).code);

    // 1. Push: the applier, then a bare INSERT of as many payment rows (the raw limit).
    const applied = await rawPushApplySeconds(seeding.database, pushEvents, { sql: 'true', params: [] });
    metrics['scale.push_events_per_s'] = Math.round(pushEvents / applied);
    const rawStarted = performance.now();
    await seeding.database.exec.query(
      `CREATE TEMP TABLE bench_payments AS SELECT * FROM payments WITH NO DATA;
       INSERT INTO bench_payments (id, codigo_interno, bill_number, period, amount, paid_at, channel, reference)
       SELECT gen_random_uuid(), codigo_interno, bill_number, period, total, now(), 'caja', 'RAW-' || bill_number
       FROM bills LIMIT ${pushEvents};`,
    );
    metrics['scale.raw_insert_payments_per_s'] = Math.round(pushEvents / ((performance.now() - rawStarted) / 1000));
    const latest = String(
      (await seeding.database.exec.query<{ max: string }>('SELECT max(seq) AS max FROM change_log')).rows[0]?.max ??
        '0',
    );
    await seeding.stop();

    // Two instances and the balancer.
    const ports = [await freePort(), await freePort()] as const;
    const start = async (port: number): Promise<Child> => {
      const child = spawnChild('server-process', [serverDir, db.url, String(port)]);
      await child.firstLine;
      return child;
    };
    const instances = [await start(ports[0]), await start(ports[1])];
    stops.push(() => Promise.all(instances.map((i) => i.stop())).then(() => undefined));
    const balancer = await startBalancer([`127.0.0.1:${ports[0]}`, `127.0.0.1:${ports[1]}`], (stop) =>
      stops.push(stop),
    );
    const database = await openServerDatabase(
      { dataDir: serverDir, databaseUrl: db.url },
      { logger: createServerLogger('silent') },
    );
    stops.push(() => database.close());

    // 2. First download through the balancer, and the raw limit in SQLite.
    ctx.log('descarga inicial de una caja nueva a través de nginx…');
    const first = counter(`${dir.path}/counter`, balancer.url);
    stops.push(() => first.stop());
    const cursor = first.store.sqlite.prepare("SELECT value FROM device_meta WHERE key = 'syncCursor'").pluck();
    const pullStarted = performance.now();
    const enrolled = await first.dispatch('device.enroll', { code: codes[0] ?? '' });
    if (!enrolled.ok) throw new Error(enrolled.error.message);
    await waitFor(
      'la descarga inicial',
      () => BigInt((cursor.get() as string | undefined) ?? '0') >= BigInt(latest),
      3_600_000,
    );
    const pullSeconds = (performance.now() - pullStarted) / 1000;
    const raw = openTestStore(`${dir.path}/raw`);
    const copied = rawRowCopy(first.store, raw);
    raw.close();
    metrics['scale.first_download_rows'] = copied.rows;
    metrics['scale.first_download_rows_per_s'] = Math.round(copied.rows / pullSeconds);
    metrics['scale.raw_insert_rows_per_s'] = Math.round(copied.rows / copied.seconds);
    ctx.log(`  ${copied.rows.toLocaleString('es-CO')} filas en ${pullSeconds.toFixed(1)} s`);

    // Devices for the pull and fan-out rounds, enrolled through the balancer.
    const client = new ServerClient(balancer.url);
    const tokens: string[] = [];
    for (const code of codes.slice(2)) {
      const answer = await client.enroll(code);
      if (!answer.ok) throw new Error(answer.error.message);
      tokens.push(answer.value.token);
    }
    const pullTokens = tokens.slice(0, pullDevices);
    const fanoutTokens = tokens.slice(pullDevices);

    // 3. Many devices asking for a page at once.
    ctx.log(`${pullDevices} dispositivos pidiendo una página de 500 cambios a la vez…`);
    const pulls = await concurrentPullsApart({
      url: balancer.url,
      tokens: pullTokens,
      top: Number(latest),
      limit: 500,
      rounds: 3,
      warmupRounds: 1,
    });
    metrics['scale.server_pull_p50_ms'] = pulls.counted.percentile(50);
    metrics['scale.server_pull_p99_ms'] = pulls.counted.percentile(99);
    // The warm-up round itself: cold connections, pools and code, for comparison.
    if (pulls.warmup !== null) metrics['scale.server_pull_cold_p99_ms'] = pulls.warmup.percentile(99);

    // 4. Fan-out: one change, every long-polling device has it.
    ctx.log(`${fanoutDevices} dispositivos esperando un cambio (long poll)…`);
    const other = await client.enroll(codes[1] ?? '');
    if (!other.ok) throw new Error(other.error.message);
    const sessionId = randomUUID();
    const opened = await client.push(other.value.token, [
      {
        id: randomUUID(),
        deviceId: other.value.deviceId,
        type: 'cash_session.opened',
        createdAt: new Date().toISOString(),
        payload: { sessionId, cashier: fixtureCashier, openedAt: new Date().toISOString(), openingFloat: 0 },
      },
    ]);
    if (!opened.ok) throw new Error(opened.error.message);
    const bills = (
      await database.exec.query<{ bill_number: string; codigo_interno: number; period: string }>(
        "SELECT bill_number, codigo_interno, period FROM bills WHERE state IN ('pendiente', 'vencida') ORDER BY bill_number LIMIT 10",
      )
    ).rows;
    const fanout = await measureFanout({
      url: balancer.url,
      tokens: fanoutTokens,
      rounds: 5,
      cursor: async () =>
        String(
          (await database.exec.query<{ max: string }>('SELECT max(seq) AS max FROM change_log')).rows[0]?.max ?? '0',
        ),
      commit: async (round) => {
        const bill = bills[round];
        if (bill === undefined) throw new Error('sin facturas para el fan-out');
        const pushed = await client.push(other.value.token, [
          {
            id: randomUUID(),
            deviceId: other.value.deviceId,
            type: 'payment.taken',
            createdAt: new Date().toISOString(),
            payload: {
              paymentId: randomUUID(),
              codigoInterno: bill.codigo_interno,
              billNumber: Number(bill.bill_number),
              period: bill.period,
              amount: 10_000,
              paidAt: new Date().toISOString(),
              channel: 'caja',
              reference: `${other.value.receiptSeries?.prefix ?? 'X'}-${round + 1}`,
              cashSessionId: sessionId,
              cashier: fixtureCashier,
            },
          },
        ]);
        if (!pushed.ok || pushed.value.results[0]?.status !== 'applied') throw new Error('el cambio no se aplicó');
      },
    });
    metrics['scale.fanout_p50_ms'] = fanout.percentile(50);
    metrics['scale.fanout_p99_ms'] = fanout.percentile(99);

    // 5. An instance killed while a counter pushes.
    ctx.log('300 pagos mientras una instancia muere (SIGKILL) y vuelve…');
    openSession(first);
    const ids: string[] = [];
    const take = (from: number, to: number) => {
      for (let i = from; i < to; i += 1)
        ids.push(takePayment(first, unpaidBill(first, 100 + i), 4000 + i, `K-${i + 1}`));
    };
    const pending = first.store.sqlite.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck();
    take(0, 150);
    await waitFor('algo enviado', () => (pending.get() as number) < 151, 60_000);
    await instances[0]?.kill9();
    take(150, 300);
    instances[0] = await start(ports[0]);
    await waitFor('todo enviado', () => pending.get() === 0, 300_000);
    const stored = await count(database, 'SELECT count(*) AS n FROM payments WHERE id = ANY($1::uuid[])', [ids]);
    const distinct = await count(database, 'SELECT count(DISTINCT id) AS n FROM payments WHERE id = ANY($1::uuid[])', [
      ids,
    ]);
    metrics['scale.instances_kill_lost'] = ids.length - distinct;
    metrics['scale.instances_kill_doubled'] = stored - distinct;
    return metrics;
  } finally {
    for (const stop of stops.reverse()) await stop();
    await db.drop();
    dir.remove();
  }
}
