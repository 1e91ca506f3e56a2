import type { FastifyInstance } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadMetricsConfig, ServerConfigError } from '../../../src-server/config';
import { ensureDeployment } from '../../../src-server/db/deployment';
import { migrateServerDatabase } from '../../../src-server/db/migrate';
import { openServerDatabase, type ServerDatabase } from '../../../src-server/db/open';
import { buildServer } from '../../../src-server/http/build-server';
import { createServerLogger } from '../../../src-server/logger';
import { enqueueMail } from '../../../src-server/mail/mail-outbox';
import { metricsUrl } from '../../../src-server/metrics/server-metrics';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { latestSeq } from '../../../src-server/sync/feed-reader';
import { FeedNotifier } from '../../../src-server/sync/feed-notifier';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { postJson, prepareDatabase, startTestServer } from '../../support/server-harness';
import { until } from '../../support/sync-support';

interface ReadyAnswer {
  status: string;
  problem?: string;
  message?: string;
  pending?: string[];
  migrations?: { expected: number; applied: number };
}

describeEachServerDatabase('central server: /health, /ready, request ids', (variant) => {
  it('/health answers liveness and /ready is 200 on a migrated database', async () => {
    const t = await startTestServer(variant);
    const health = await t.request('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: variant.kind });

    const ready = await t.request('/ready');
    expect(ready.status).toBe(200);
    const body = ready.body as ReadyAnswer;
    expect(body).toMatchObject({ status: 'ready', database: variant.kind });
    expect(body.migrations?.applied).toBe(body.migrations?.expected);
    expect(body.migrations?.expected).toBeGreaterThan(0);
  });

  it('/ready is 503 naming the migration the database lacks; /health stays 200', async () => {
    const t = await startTestServer(variant);
    const { rows } = await t.server.database.exec.query<{ tag: string }>(
      'DELETE FROM server_migrations WHERE idx = (SELECT max(idx) FROM server_migrations) RETURNING tag',
    );
    const missing = rows[0]?.tag;
    expect(missing).toBeDefined();

    const ready = await t.request('/ready');
    expect(ready.status).toBe(503);
    const body = ready.body as ReadyAnswer;
    expect(body).toMatchObject({ status: 'not-ready', problem: 'migrations-pending', pending: [missing] });
    expect(body.migrations!.applied).toBe(body.migrations!.expected - 1);
    expect(body.message).toMatch(/Faltan 1 migraciones/);
    expect((await t.request('/health')).status).toBe(200);
  });

  it('/ready is 503 database-unreachable when the database is gone; /health stays 200', async () => {
    const t = await startTestServer(variant);
    expect((await t.request('/ready')).status).toBe(200);
    await t.server.database.close();

    const ready = await t.request('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'not-ready', problem: 'database-unreachable' });
    expect((await t.request('/health')).status).toBe(200);
  });

  it('passes a balancer’s X-Request-Id through, echoes it and logs it; makes one when absent or unusable', async () => {
    const t = await startTestServer(variant, { logLevel: 'debug' });
    const passed = await t.request('/v1/nothing-here', { headers: { 'x-request-id': 'lb-7f3a.42' } });
    expect(passed.status).toBe(404);
    expect(passed.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const logged = t.logs.map((line) => JSON.parse(line) as { reqId?: string; msg?: string });
    expect(logged.filter((line) => line.reqId === 'lb-7f3a.42').map((line) => line.msg)).toContain('request');

    const made = await t.request('/health');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // An id a log line could not carry as is is replaced, not copied.
    const unusable = await t.request('/health', { headers: { 'x-request-id': 'a "quoted" id' } });
    expect(unusable.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.logs.join('\n')).not.toContain('quoted');
  });
});

/** A server built with metrics on (the way startServer does once it passes config.metrics), listening on loopback. */
async function metricsServer(variant: DatabaseVariant): Promise<{
  app: FastifyInstance;
  database: ServerDatabase;
  feedNotifier: FeedNotifier;
  url: string;
  metrics: string;
}> {
  const { dir, databaseUrl } = await prepareDatabase(variant);
  const logger = createServerLogger('silent');
  const database = await openServerDatabase({ dataDir: dir.path, databaseUrl }, { logger });
  const feedNotifier = new FeedNotifier(() => latestSeq(database.exec), logger);
  const built: { app?: FastifyInstance } = {};
  onTestFinished(async () => {
    // Long polls answer now; then the app (and its metrics listener) closes before the database.
    feedNotifier.stop();
    await built.app?.close();
    await database.close();
    dir.remove();
  });
  await migrateServerDatabase(database.exec);
  const app = await buildServer({
    database,
    deploymentId: await ensureDeployment(database.exec),
    logger,
    feedNotifier,
    mail: { wake: () => undefined },
    metrics: { host: '127.0.0.1', port: 0 },
  });
  built.app = app;
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  const metrics = metricsUrl(app);
  if (metrics === null) throw new Error('no metrics listener');
  return { app, database, feedNotifier, url: `http://127.0.0.1:${address.port}`, metrics };
}

async function scrape(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one sample line, e.g. `ventanilla_mail_pending` or `x{a="b"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function enrolledToken(database: ServerDatabase, url: string): Promise<string> {
  const { code } = await createEnrollmentCode(database, { deviceName: 'Kiosco métricas', mode: 'kiosk' });
  const answer = await fetch(`${url}/v1/enroll`, postJson({ code }));
  const body = (await answer.json()) as { value: { token: string } };
  return body.value.token;
}

describeEachServerDatabase('central server: Prometheus metrics', (variant) => {
  it('are served on their own loopback listener only, never on the API port', async () => {
    const s = await metricsServer(variant);
    expect(new URL(s.metrics).hostname).toBe('127.0.0.1');
    expect(new URL(s.metrics).port).not.toBe(new URL(s.url).port);
    // The port a balancer forwards has no /metrics.
    expect((await fetch(`${s.url}/metrics`)).status).toBe(404);
    // The listener serves GET /metrics and nothing else.
    expect((await fetch(s.metrics, { method: 'POST' })).status).toBe(404);
    expect((await fetch(new URL('/v1/sync/pull', s.metrics))).status).toBe(404);
  });

  it('count requests by route pattern and status, time pulls and pushes, and show feed, pool and process figures', async () => {
    const s = await metricsServer(variant);
    const token = await enrolledToken(s.database, s.url);
    const auth = { authorization: `Bearer ${token}` };
    const pull = await fetch(`${s.url}/v1/sync/pull?cursor=0`, { headers: auth });
    expect(pull.status).toBe(200);
    const push = await fetch(`${s.url}/v1/sync/push`, postJson({ events: [] }, auth));
    const pushStatus = push.status;
    // An id in a URL no route matched must not become a label.
    await fetch(`${s.url}/v1/devices/0193aaaa-bbbb-7ccc-8ddd-eeeeffff0000/nothing`);

    const text = await scrape(s.metrics);
    // Every line is a comment or `name{labels} value`: the exposition parses.
    for (const line of text.split('\n').filter((l) => l !== '' && !l.startsWith('#')))
      expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/);
    expect(sample(text, 'ventanilla_http_requests_total{route="/v1/sync/pull",status="200"}')).toBe(1);
    expect(sample(text, 'ventanilla_http_requests_total{route="/v1/enroll",status="200"}')).toBe(1);
    expect(sample(text, `ventanilla_http_requests_total{route="/v1/sync/push",status="${pushStatus}"}`)).toBe(1);
    expect(sample(text, 'ventanilla_http_requests_total{route="(sin ruta)",status="404"}')).toBe(1);
    expect(text).not.toContain('0193aaaa');
    expect(sample(text, 'ventanilla_http_request_duration_seconds_count{route="/v1/sync/pull",status="200"}')).toBe(1);
    expect(sample(text, 'ventanilla_sync_pull_duration_seconds_count{long_poll="false"}')).toBe(1);
    expect(sample(text, 'ventanilla_sync_push_duration_seconds_count')).toBe(1);
    expect(sample(text, 'ventanilla_feed_latest_seq')).toBe(await latestSeq(s.database.exec));
    expect(sample(text, 'ventanilla_sync_pulls_in_flight')).toBe(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    if (variant.kind === 'postgres') {
      expect(sample(text, 'ventanilla_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(1);
      // Reads waiting for a connection being opened count too: a number, not always 0.
      expect(sample(text, 'ventanilla_db_pool_waiting')).toBeGreaterThanOrEqual(0);
    } else {
      expect(text).not.toContain('ventanilla_db_pool_connections');
    }
  });

  it('show a long poll while it waits, and the mail queue as it grows', async () => {
    const s = await metricsServer(variant);
    const token = await enrolledToken(s.database, s.url);
    const cursor = await latestSeq(s.database.exec);
    // The longest wait a device may ask for, so the poll cannot end before it is seen waiting.
    const waiting = fetch(`${s.url}/v1/sync/pull?cursor=${cursor}&wait=30000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await until(
      'the long poll counted in flight',
      async () => sample(await scrape(s.metrics), 'ventanilla_sync_pulls_in_flight'),
      (n) => n === 1,
    );
    expect(sample(await scrape(s.metrics), 'ventanilla_sync_oldest_pull_wait_seconds')).toBeGreaterThan(0);
    // Seen: it is answered now (as when a field device's routes change) instead of at the end of its wait.
    s.feedNotifier.wakeAll();
    expect((await waiting).status).toBe(200);
    await until(
      'the answered long poll no longer in flight',
      async () => sample(await scrape(s.metrics), 'ventanilla_sync_pulls_in_flight'),
      (n) => n === 0,
    );
    expect(sample(await scrape(s.metrics), 'ventanilla_sync_pull_duration_seconds_count{long_poll="true"}')).toBe(1);

    const before = sample(await scrape(s.metrics), 'ventanilla_mail_pending');
    expect(before).toBe(0);
    await s.database.exec.transaction((tx) =>
      enqueueMail(tx, {
        kind: 'account-welcome',
        to: 'ciudadana1@example.com',
        fullName: 'Ana María Núñez',
        document: 'CC 1.020.304.050',
        password: 'Kq7-Wd4-M1',
      }),
    );
    expect(sample(await scrape(s.metrics), 'ventanilla_mail_pending')).toBe(1);
  });

  it('show NaN and count a failure for a gauge the database cannot answer, and still serve the rest', async () => {
    const s = await metricsServer(variant);
    await s.database.close();
    const text = await scrape(s.metrics);
    // prom-client writes NaN as `Nan`, which Prometheus reads as NaN.
    expect(sample(text, 'ventanilla_mail_pending')).toBeNaN();
    expect(sample(text, 'ventanilla_feed_latest_seq')).toBeNaN();
    expect(sample(text, 'ventanilla_metrics_collect_failures_total{gauge="ventanilla_mail_pending"}')).toBe(1);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });
});

describe('metrics settings', () => {
  it('are off without VENTANILLA_METRICS_PORT, on loopback by default, and never on the server’s port', () => {
    expect(loadMetricsConfig({}, 5181)).toBeNull();
    expect(loadMetricsConfig({ VENTANILLA_METRICS_PORT: '9464' }, 5181)).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(loadMetricsConfig({ VENTANILLA_METRICS_PORT: '9464', VENTANILLA_METRICS_HOST: '10.0.0.5' }, 5181)).toEqual({
      host: '10.0.0.5',
      port: 9464,
    });
    expect(() => loadMetricsConfig({ VENTANILLA_METRICS_PORT: '5181' }, 5181)).toThrow(ServerConfigError);
    expect(() => loadMetricsConfig({ VENTANILLA_METRICS_PORT: 'nueve' }, 5181)).toThrow(/VENTANILLA_METRICS_PORT/);
  });
});
