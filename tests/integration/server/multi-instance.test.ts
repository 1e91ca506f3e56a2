import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { ServerClient } from '../../../src-main/server-link/server-client';
import { assignRoutes } from '../../../src-server/devices/device-routes';
import type { FeedChange, PullValue } from '../../../src-shared/server-api/sync-api';
import { FEED_LISTENER_APPLICATION } from '../../../src-server/sync/pg-feed-listener';
import {
  createTestPostgresDatabase,
  describePostgresOnly,
  type DatabaseVariant,
  type TestPostgresDatabase,
} from '../../support/postgres';
import { enrollPushingDevice, type PushingDevice } from '../../support/pushing-device';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { seedServer, until } from '../../support/sync-support';

/**
 * Several stateless server instances on one PostgreSQL (docs/running-the-server.md, «Varias
 * instancias»): migrations applied once when they start together, a device served by any of
 * them, and a long poll held by instance A woken by a change committed through instance B —
 * by LISTEN/NOTIFY (migration 0021, src-server/sync/pg-feed-listener.ts), also after A's
 * listening connection was terminated. PostgreSQL only: PGlite is one process's database.
 */

/** Long polls wait this long; a wake must come well before it. */
const WAIT_MS = 25_000;
/** A change committed through B must reach a poll held by A within this. */
const WAKE_WITHIN_MS = 2_000;
/**
 * A's safety-net poll of the newest seq while it LISTENs, set beyond every wait here: a
 * poll answered in time can only have been woken by a notification.
 */
const NO_SAFETY_POLL = { safetyPollMs: 120_000 };

function suite(adminUrl: string): void {
  const databases: TestPostgresDatabase[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((db) => db.drop()));
  });

  /** One fresh database that every instance of a test opens. */
  async function sharedDatabase(): Promise<DatabaseVariant> {
    const db = await createTestPostgresDatabase(adminUrl);
    databases.push(db);
    return { kind: 'postgres', freshDatabaseUrl: async () => db.url };
  }

  it('three instances starting together apply the migrations once and all serve the same devices', async () => {
    const variant = await sharedDatabase();
    const instances = await Promise.all([1, 2, 3].map(() => startTestServer(variant)));

    const reports = instances.map((t) => migrationReport(t.logs));
    const total = reports[0]!.total;
    expect(total).toBeGreaterThan(20);
    // One instance applied all of them; the others waited on the lock and found nothing pending.
    expect(reports.map((r) => r.applied).sort((x, y) => x - y)).toEqual([0, 0, total]);
    const ledger = await instances[0]!.server.database.exec.query<{ n: string; distinct_idx: string }>(
      'SELECT count(*) AS n, count(DISTINCT idx) AS distinct_idx FROM server_migrations',
    );
    expect(ledger.rows[0]).toEqual({ n: String(total), distinct_idx: String(total) });
    const deployments = await instances[0]!.server.database.exec.query<{ id: string }>('SELECT id FROM deployments');
    expect(deployments.rows).toHaveLength(1);

    // A device enrolled through one instance is known to all: nothing lives in one's memory.
    const device = await enrollPushingDevice(instances[1]!, 'Caja 1', 'cashier');
    for (const t of instances) {
      const health = await t.request('/health');
      expect(health.status).toBe(200);
      const hello = await new ServerClient(t.server.url).hello(device.token);
      expect(hello.ok && hello.value.deployment.id).toBe(deployments.rows[0]!.id);
    }
  });

  it('a long poll on A wakes for a push and a route change committed through B, and again after A’s LISTEN connection is terminated', async () => {
    const variant = await sharedDatabase();
    let waitingOnA = 0;
    const a = await startTestServer(variant, {
      serverOptions: { feed: { ...NO_SAFETY_POLL, onWaiters: (count) => (waitingOnA = count) } },
    });
    const b = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(b, 20);
    await until('A listening', () => a.logs.some((line) => line.includes('Escuchando los cambios del feed')), Boolean);

    const counterOnA = await enrollPushingDevice(a, 'Caja A', 'cashier');
    const counterOnB = await enrollPushingDevice(b, 'Caja B', 'cashier');
    const sessionId = randomUUID();
    expect((await counterOnB.push([opened(sessionId)]))[0]?.status).toBe('applied');
    const unpaid = await unpaidBills(b, 3);

    // 1. A push through B wakes a poll held by A.
    let cursor = await caughtUp(a, counterOnA.token);
    const first = await holdPoll(a, counterOnA.token, cursor, () => waitingOnA);
    const paid = await pushPayment(counterOnB, unpaid[0]!, sessionId, 1);
    const answer = await first.answer;
    expect(paymentIds(answer.value)).toContain(paid.paymentId);
    expect(answer.at - paid.sentAt).toBeLessThan(WAKE_WITHIN_MS);
    cursor = answer.value.cursor;

    // 2. A route assigned by `npm run admin` on the database directly (its own function, on
    //    B's connections, not A's) wakes a field laptop's poll held by A with its new routes.
    const laptop = await enrollPushingDevice(a, 'Portátil 1', 'field');
    const laptopCursor = await caughtUp(a, laptop.token);
    const routed = await holdPoll(a, laptop.token, laptopCursor, () => waitingOnA);
    const route = unpaid[0]!.ruta.slice(0, 6);
    const assignedAt = Date.now();
    await assignRoutes(b.server.database, laptop.id, [route], 'admin-cli');
    const rerouted = await routed.answer;
    expect(rerouted.value.routes).toEqual([route]);
    expect(rerouted.at - assignedAt).toBeLessThan(WAKE_WITHIN_MS);

    // 3. The LISTEN connections are terminated on the database side: a poll held meanwhile is
    //    answered once A listens again (nothing notified during the gap may be missed) …
    const held = await holdPoll(a, counterOnA.token, cursor, () => waitingOnA);
    const terminatedAt = Date.now();
    const terminated = await b.server.database.exec.query<{ done: boolean }>(
      `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = $1`,
      [FEED_LISTENER_APPLICATION],
    );
    // One per instance.
    expect(terminated.rows).toEqual([{ done: true }, { done: true }]);
    const woken = await held.answer;
    expect(woken.value.changes).toEqual([]);
    expect(woken.at - terminatedAt).toBeLessThan(5_000);
    expect(a.logs.some((line) => line.includes('Sin conexión LISTEN con PostgreSQL'))).toBe(true);
    expect(a.logs.some((line) => line.includes('Escucha de cambios restablecida'))).toBe(true);
    await until(
      'both instances listening again',
      () => listenerCount(b),
      (n) => n === 2,
    );

    // … and a push through B wakes A by notification again.
    const again = await holdPoll(a, counterOnA.token, cursor, () => waitingOnA);
    const paidAgain = await pushPayment(counterOnB, unpaid[1]!, sessionId, 2);
    const answerAgain = await again.answer;
    expect(paymentIds(answerAgain.value)).toContain(paidAgain.paymentId);
    expect(answerAgain.at - paidAgain.sentAt).toBeLessThan(WAKE_WITHIN_MS);
  }, 90_000);
}

describePostgresOnly(
  'several server instances on one PostgreSQL',
  'PostgreSQL only (several instances share one PostgreSQL; PGlite is one process’s database)',
  suite,
);

function migrationReport(logs: readonly string[]): { applied: number; total: number } {
  for (const line of logs) {
    const entry = JSON.parse(line) as { msg?: string; applied?: string[]; total?: number };
    if (entry.msg === 'Migraciones del servidor central al día') {
      return { applied: entry.applied?.length ?? -1, total: entry.total ?? -1 };
    }
  }
  throw new Error('no migration line in the log');
}

async function listenerCount(t: TestServer): Promise<number> {
  const { rows } = await t.server.database.exec.query<{ n: string }>(
    'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
    [FEED_LISTENER_APPLICATION],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Pulls without waiting until nothing is left; answers the cursor to long-poll from. */
async function caughtUp(t: TestServer, token: string): Promise<string> {
  const client = new ServerClient(t.server.url);
  let cursor = '0';
  for (;;) {
    const page = await client.pull(token, { cursor, limit: 10_000, wait: 0, count: '0' });
    if (!page.ok) throw new Error(page.error.message);
    cursor = page.value.cursor;
    if (!page.value.hasMore) return cursor;
  }
}

interface HeldPoll {
  readonly answer: Promise<{ value: PullValue; at: number }>;
}

/** A long poll sent to `t`, returned once the server holds it (its notifier counts one waiter). */
async function holdPoll(t: TestServer, token: string, cursor: string, waiting: () => number): Promise<HeldPoll> {
  expect(waiting()).toBe(0);
  const answer = new ServerClient(t.server.url)
    .pull(token, { cursor, limit: 10_000, wait: WAIT_MS, count: '0' })
    .then((result) => {
      if (!result.ok) throw new Error(result.error.message);
      return { value: result.value, at: Date.now() };
    });
  // Never left unhandled if the test fails before awaiting it.
  answer.catch(() => undefined);
  await until('the long poll held by the server', waiting, (n) => n === 1);
  return { answer };
}

const now = (): string => new Date().toISOString();

function opened(sessionId: string) {
  return {
    id: randomUUID(),
    type: 'cash_session.opened',
    payload: { sessionId, cashier: 'cajero1', openedAt: now(), openingFloat: 0 },
    createdAt: now(),
  };
}

interface UnpaidBill {
  readonly billNumber: number;
  readonly codigoInterno: number;
  readonly period: string;
  readonly total: number;
  readonly ruta: string;
}

async function unpaidBills(t: TestServer, n: number): Promise<UnpaidBill[]> {
  const { rows } = await t.server.database.exec.query<{
    bill_number: string;
    codigo_interno: number;
    period: string;
    total: number;
    codigo_ruta: string;
  }>(
    `SELECT b.bill_number, b.codigo_interno, b.period, b.total, s.codigo_ruta FROM bills b JOIN subscribers s USING (codigo_interno)
     WHERE b.state IN ('pendiente', 'vencida') ORDER BY b.bill_number LIMIT $1`,
    [n],
  );
  expect(rows).toHaveLength(n);
  return rows.map((r) => ({
    billNumber: Number(r.bill_number),
    codigoInterno: r.codigo_interno,
    period: r.period,
    total: r.total,
    ruta: r.codigo_ruta,
  }));
}

/** A counter payment pushed through the device's instance; `sentAt` is when the push was sent (before its commit). */
async function pushPayment(
  device: PushingDevice,
  bill: UnpaidBill,
  sessionId: string,
  number: number,
): Promise<{ paymentId: string; sentAt: number }> {
  const paymentId = randomUUID();
  const sentAt = Date.now();
  const [result] = await device.push([
    {
      id: randomUUID(),
      type: 'payment.taken',
      payload: {
        paymentId,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        period: bill.period,
        amount: bill.total,
        paidAt: now(),
        channel: 'caja',
        reference: `${device.prefix ?? 'X'}-${String(number).padStart(6, '0')}`,
        cashSessionId: sessionId,
        cashier: 'cajero1',
      },
      createdAt: now(),
    },
  ]);
  expect(result?.status).toBe('applied');
  return { paymentId, sentAt };
}

function paymentIds(value: PullValue): string[] {
  return (value.changes as FeedChange[]).filter((c) => c.table === 'payments' && c.op === 'put').map((c) => c.key);
}
