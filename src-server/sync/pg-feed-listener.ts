import pg from 'pg';
import type { Logger } from '../logger';

/** The channel migration 0021 NOTIFYs from every transaction that grows the feed or moves routes. */
export const FEED_CHANNEL = 'ventanilla_feed';
/** How the listening connection shows in pg_stat_activity (operators and tests find it by this). */
export const FEED_LISTENER_APPLICATION = 'ventanilla-feed-listener';

/** What the listener drives: the instance's FeedNotifier. */
export interface FeedWaker {
  changed(): void;
  wakeAll(): void;
  setPushed(pushed: boolean): void;
}

export interface PgFeedListenerOptions {
  readonly databaseUrl: string;
  readonly notifier: FeedWaker;
  readonly log: Logger;
  /** First wait before connecting again; doubled on each failure up to `maxBackoffMs`. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /**
   * How often the idle connection runs a query: a connection that died without a word (a
   * network cut, a balancer dropping idle connections) is found within this and the query's timeout.
   */
  readonly pingMs?: number;
}

const DEFAULT_BACKOFF_MS = 250;
const DEFAULT_MAX_BACKOFF_MS = 30_000;
const DEFAULT_PING_MS = 30_000;
/** Connect, LISTEN and each ping must answer within this. */
const QUERY_TIMEOUT_MS = 10_000;

/**
 * One dedicated PostgreSQL connection per server instance (not one of the pool's: a pooled
 * connection goes back to the pool and its LISTEN with it) that LISTENs on `ventanilla_feed`
 * and hands each notification to the instance's FeedNotifier, so a long poll held by this
 * instance wakes for a change committed through any other: another instance, the seed, or
 * `npm run admin` on the database directly.
 *
 * Notifications sent while the connection is down are lost, so:
 * 1. On losing it (the database restarted, the backend was terminated, a ping failed), the
 *    notifier goes back to polling the newest `seq` every 200 ms, and we connect again after
 *    250 ms, 500 ms, … up to 30 s, with a log line for each failure.
 * 2. Once LISTENing again, every waiting poll is woken once: a route change made meanwhile
 *    moved no `seq`, and the poll would not see it otherwise.
 */
export class PgFeedListener {
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly pingMs: number;
  private client: pg.Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private listenedBefore = false;
  private lostAt: number | null = null;
  private stopped = false;

  constructor(private readonly options: PgFeedListenerOptions) {
    this.backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    this.maxBackoffMs = options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
    this.pingMs = options.pingMs ?? DEFAULT_PING_MS;
  }

  /** Whether notifications reach this instance now (for metrics or a readiness check). */
  get listening(): boolean {
    return this.client !== null && this.lostAt === null && this.listenedBefore;
  }

  /** Connects in the background: start-up does not wait for it, the poll covers the meantime. */
  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimers();
    const client = this.client;
    this.client = null;
    this.options.notifier.setPushed(false);
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.options.databaseUrl,
      application_name: FEED_LISTENER_APPLICATION,
      connectionTimeoutMillis: QUERY_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // Before connect(): an 'error' event nobody listens to would end the process.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (message) => {
      if (message.channel !== FEED_CHANNEL) return;
      if (message.payload === 'routes') this.options.notifier.wakeAll();
      else this.options.notifier.changed();
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${FEED_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    this.failures = 0;
    this.options.notifier.setPushed(true);
    if (this.listenedBefore) {
      const downMs = this.lostAt === null ? null : Date.now() - this.lostAt;
      this.options.log.info(
        { downMs },
        'Escucha de cambios restablecida (LISTEN ventanilla_feed): se despiertan una vez las consultas en espera',
      );
      // Whatever was notified while we were away is lost: every waiting poll reads again.
      this.options.notifier.wakeAll();
    } else {
      this.options.log.info('Escuchando los cambios del feed en PostgreSQL (LISTEN ventanilla_feed)');
    }
    this.listenedBefore = true;
    this.lostAt = null;
    this.schedulePing(client);
  }

  /** The connection failed or ended; each client is handled once, however many events it emits. */
  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.clearTimers();
    this.options.notifier.setPushed(false);
    // A dead socket may never answer end(): nothing waits for it.
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.lostAt ??= Date.now();
    const retryInMs = Math.min(this.backoffMs * 2 ** this.failures, this.maxBackoffMs);
    this.failures += 1;
    this.options.log.warn(
      { err: error ?? undefined, retryInMs, attempt: this.failures },
      'Sin conexión LISTEN con PostgreSQL: las consultas largas esperan por sondeo hasta reconectar',
    );
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, retryInMs);
  }

  private schedulePing(client: pg.Client): void {
    this.pingTimer = setTimeout(() => {
      this.pingTimer = null;
      client.query('SELECT 1').then(
        () => {
          if (this.client === client && !this.stopped) this.schedulePing(client);
        },
        (error: unknown) => this.lost(client, error),
      );
    }, this.pingMs);
  }

  private clearTimers(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    if (this.pingTimer !== null) clearTimeout(this.pingTimer);
    this.retryTimer = null;
    this.pingTimer = null;
  }
}
