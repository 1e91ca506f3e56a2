import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { serverRoutes } from '../../src-shared/server-api/routes';
import type { ServerDatabase } from '../db/open';
import type { Logger } from '../logger';
import { latestSeq } from '../sync/feed-reader';
import type { MetricsConfig } from './metrics-config';
import { withTimeout } from './with-timeout';

/** A scrape never waits longer than this for one database-backed gauge. */
const COLLECT_TIMEOUT_MS = 2_000;

/** Label of a request no route matched (404s): never the raw URL, which would carry ids. */
const UNMATCHED_ROUTE = '(sin ruta)';

const PULL_PATH = serverRoutes['sync.pull'].path;
const PUSH_PATH = serverRoutes['sync.push'].path;

/** Seconds: API answers are milliseconds; a long poll holds up to 30 s. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * The central server's Prometheus metrics (prom-client: the standard exposition format and
 * the process's default metrics). One registry per app, so tests that build several servers
 * in one process never share counters. Request metrics are counted in the app's hooks; the
 * gauges that need the database are read when Prometheus scrapes (a `collect` per gauge,
 * bounded by COLLECT_TIMEOUT_MS), never per request.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'route' | 'status'>;
  private readonly latency: Histogram<'route' | 'status'>;
  private readonly pullLatency: Histogram<'long_poll'>;
  private readonly pushLatency: Histogram;
  /** Pulls being answered (most of them long polls waiting for a change), by start time. */
  private readonly pullsInFlight = new Set<number>();

  constructor(
    private readonly database: ServerDatabase,
    private readonly log: Logger,
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'ventanilla_http_requests_total',
      help: 'Solicitudes HTTP respondidas, por patrón de ruta y código de estado.',
      labelNames: ['route', 'status'],
      registers,
    });
    this.latency = new Histogram({
      name: 'ventanilla_http_request_duration_seconds',
      help: 'Duración de las solicitudes HTTP en segundos, por patrón de ruta y código de estado.',
      labelNames: ['route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.pullLatency = new Histogram({
      name: 'ventanilla_sync_pull_duration_seconds',
      help: 'Duración de /v1/sync/pull en segundos; long_poll="true" cuando el equipo pidió esperar cambios.',
      labelNames: ['long_poll'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.pushLatency = new Histogram({
      name: 'ventanilla_sync_push_duration_seconds',
      help: 'Duración de /v1/sync/push (un lote de eventos) en segundos.',
      buckets: LATENCY_BUCKETS,
      registers,
    });
    // A gauge that could not be read shows NaN and counts a failure, never a stale value.
    const reading = new Set<Promise<void>>();
    const failed: string[] = [];
    const fromDatabase = (name: string, help: string, read: () => Promise<number>): void => {
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const done = withTimeout(read(), COLLECT_TIMEOUT_MS).then(
            (value) => this.set(value),
            (error: unknown) => {
              failed.push(name);
              log.warn({ err: error, gauge: name }, 'No se pudo leer una métrica de la base de datos');
              this.set(Number.NaN);
            },
          );
          reading.add(done);
          return done.finally(() => reading.delete(done));
        },
      });
    };
    fromDatabase('ventanilla_feed_latest_seq', 'El seq más reciente del registro de cambios (change_log).', () =>
      latestSeq(database.exec),
    );
    fromDatabase('ventanilla_mail_pending', 'Correos en cola sin enviar (mail_outbox en estado queued).', async () => {
      const { rows } = await database.exec.query<{ n: string | number }>(
        `SELECT count(*) AS n FROM mail_outbox WHERE state = 'queued'`,
      );
      return Number(rows[0]?.n ?? 0);
    });
    // Registered after the gauges above: a scrape starts their reads first, so this one waits
    // for them and counts this scrape's failures in this scrape.
    new Counter({
      name: 'ventanilla_metrics_collect_failures_total',
      help: 'Lecturas de la base de datos para una métrica que fallaron o pasaron del tiempo límite al recolectar.',
      labelNames: ['gauge'],
      registers,
      async collect() {
        await Promise.allSettled([...reading]);
        for (const name of failed.splice(0)) this.inc({ gauge: name });
      },
    });
    const pulls = this.pullsInFlight;
    new Gauge({
      name: 'ventanilla_sync_pulls_in_flight',
      help: 'Pulls que se están respondiendo ahora (casi todos, long polls esperando un cambio).',
      registers,
      collect() {
        this.set(pulls.size);
      },
    });
    new Gauge({
      name: 'ventanilla_sync_oldest_pull_wait_seconds',
      help: 'Segundos que lleva esperando el pull más antiguo en curso (0 sin pulls en curso).',
      registers,
      collect() {
        const oldest = Math.min(...pulls);
        this.set(pulls.size === 0 ? 0 : (performance.now() - oldest) / 1000);
      },
    });
    this.poolGauges();
  }

  /** PostgreSQL's pool (pg.Pool's own counters, no query). PGlite is one connection in-process: no pool to show. */
  private poolGauges(): void {
    const pool = pgPoolOf(this.database);
    if (pool === null) return;
    new Gauge({
      name: 'ventanilla_db_pool_connections',
      help: 'Conexiones del pool de PostgreSQL, en uso o inactivas.',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'idle' }, pool.idleCount);
      },
    });
    new Gauge({
      name: 'ventanilla_db_pool_waiting',
      help: 'Consultas esperando una conexión libre del pool de PostgreSQL.',
      registers: [this.registry],
      collect() {
        this.set(pool.waitingCount);
      },
    });
  }

  /** The app's hooks: every answered request counted by route pattern and status; pulls and pushes timed. */
  install(app: FastifyInstance): void {
    app.addHook('onRequest', async (request, reply) => {
      if (request.routeOptions.url !== PULL_PATH) return;
      const started = uniqueStart(this.pullsInFlight);
      this.pullsInFlight.add(started);
      // 'close' fires once whether the answer was sent or the device hung up mid-wait.
      reply.raw.once('close', () => this.pullsInFlight.delete(started));
    });
    app.addHook('onResponse', async (request, reply) => this.observe(request, reply));
  }

  private observe(request: FastifyRequest, reply: FastifyReply): void {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const labels = { route, status: String(reply.statusCode) };
    const seconds = reply.elapsedTime / 1000;
    this.requests.inc(labels);
    this.latency.observe(labels, seconds);
    if (route === PULL_PATH) {
      const wait = Number((request.query as { wait?: unknown } | undefined)?.wait ?? 0);
      this.pullLatency.observe({ long_poll: String(wait > 0) }, seconds);
    } else if (route === PUSH_PATH) {
      this.pushLatency.observe(seconds);
    }
  }

  /** Serves GET /metrics on its own listener; the app closes it with itself. */
  async listen(config: MetricsConfig): Promise<MetricsListener> {
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || new URL(request.url ?? '/', 'http://metrics').pathname !== '/metrics') {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Solo GET /metrics\n');
        return;
      }
      this.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': this.registry.contentType }).end(text),
        (error: unknown) => {
          this.log.error({ err: error }, 'No se pudieron recolectar las métricas');
          response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Error al recolectar\n');
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}/metrics`;
    this.log.info({ url }, 'Métricas de Prometheus escuchando');
    return { url, close: () => closeServer(server) };
  }
}

export interface MetricsListener {
  readonly url: string;
  close(): Promise<void>;
}

const listeners = new WeakMap<FastifyInstance, MetricsListener>();

/**
 * Counts the app's requests and, once the app is ready, serves the metrics on `config`'s
 * address; closed with the app. Null config: no metrics at all (tests of other routes).
 */
export function installMetrics(
  app: FastifyInstance,
  database: ServerDatabase,
  config: MetricsConfig | null,
  log: Logger,
): void {
  if (config === null) return;
  const metrics = new ServerMetrics(database, log);
  metrics.install(app);
  // onReady, not onListen: listen() waits for it, so the metrics port is open when listen() resolves.
  app.addHook('onReady', async () => {
    listeners.set(app, await metrics.listen(config));
  });
  app.addHook('onClose', async () => {
    await listeners.get(app)?.close();
    listeners.delete(app);
  });
}

/** The metrics URL of a listening app, or null when it serves none. */
export function metricsUrl(app: FastifyInstance): string | null {
  return listeners.get(app)?.url ?? null;
}

interface PoolCounts {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/** drizzle's node-postgres database keeps its pg.Pool as `$client`. */
function pgPoolOf(database: ServerDatabase): PoolCounts | null {
  if (database.kind !== 'postgres') return null;
  const client: unknown = (database.db as unknown as { $client?: unknown }).$client;
  if (typeof client !== 'object' || client === null) return null;
  const counts = client as Partial<PoolCounts>;
  return typeof counts.totalCount === 'number' &&
    typeof counts.idleCount === 'number' &&
    typeof counts.waitingCount === 'number'
    ? (client as PoolCounts)
    : null;
}

/** A start time no other in-flight pull has, so the set holds each pull once. */
function uniqueStart(taken: ReadonlySet<number>): number {
  let started = performance.now();
  while (taken.has(started)) started += 1e-6;
  return started;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
