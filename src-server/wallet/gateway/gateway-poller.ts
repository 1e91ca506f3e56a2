import type { SqlExecutor } from '../../db/sql-executor';
import type { Logger } from '../../logger';
import { applyGatewayNews } from './apply-gateway-event';
import type { PaymentGateway } from './gateway-adapter';
import { DEFAULT_POLL_INTERVAL_MS, DEFAULT_POLL_MIN_AGE_MS } from './gateway-options';

export interface GatewayPollerOptions {
  readonly exec: SqlExecutor;
  readonly gateway: PaymentGateway;
  readonly log: Logger;
  readonly intervalMs?: number;
  readonly minAgeMs?: number;
  readonly now?: () => Date;
  /** Checkouts looked at per pass. */
  readonly batchSize?: number;
}

/** A checkout abandoned at the page is asked about less and less often: after 1, 2, 4 … passes, up to an hour. */
const MAX_BACKOFF_MS = 3_600_000;

/**
 * Asks the gateway about checkouts still `CREATED` or `PENDING` a minute after they opened,
 * while their liquidación may still be paid online (until a day after it expires), and applies
 * what it learns through the webhook's own path (apply-gateway-event.ts, source `poll`): an
 * approval whose event never came is credited once, and an event arriving later is a duplicate.
 * Wompi recommends polling beside the webhook.
 */
export class GatewayPoller {
  private readonly intervalMs: number;
  private readonly minAgeMs: number;
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private running = false;
  private stopped = false;
  /** reference → when to ask next and the current wait: in memory, a restart simply asks again. */
  private readonly backoff = new Map<string, { next: number; wait: number }>();

  constructor(private readonly options: GatewayPollerOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.minAgeMs = options.minAgeMs ?? DEFAULT_POLL_MIN_AGE_MS;
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.pass;
  }

  /** One pass now (tests call it; the timer calls it otherwise). Answers how many checkouts changed. */
  async pollOnce(): Promise<number> {
    const now = this.now();
    const { rows } = await this.options.exec.query<{ reference: string; transaction_id: string | null }>(
      `SELECT g.reference, g.transaction_id
       FROM gateway_transactions g JOIN liquidations l ON l.id = g.liquidation_id
       WHERE g.status IN ('CREATED', 'PENDING')
         AND g.created_at <= $1::timestamptz - make_interval(secs => $2::double precision / 1000)
         AND l.expires_at > $1::timestamptz - interval '1 day'
       ORDER BY g.created_at LIMIT $3`,
      [now.toISOString(), this.minAgeMs, this.options.batchSize ?? 50],
    );
    let changed = 0;
    for (const row of rows) {
      if (this.stopped) break;
      const wait = this.backoff.get(row.reference);
      if (wait !== undefined && wait.next > now.getTime()) continue;
      const lookup =
        row.transaction_id === null
          ? await this.options.gateway.findByReference(row.reference)
          : await this.options.gateway.getTransaction(row.transaction_id);
      if (!lookup.found) {
        if (this.backoff.size > 10_000) this.backoff.clear();
        const next = Math.min(MAX_BACKOFF_MS, (wait?.wait ?? this.intervalMs / 2) * 2);
        this.backoff.set(row.reference, { next: now.getTime() + next, wait: next });
        continue;
      }
      this.backoff.delete(row.reference);
      for (const transaction of lookup.transactions) {
        if (transaction.reference !== row.reference) continue;
        const result = await applyGatewayNews(this.options.exec, transaction, 'poll', this.now());
        if (result.outcome !== 'duplicate') {
          changed += 1;
          this.options.log.info(
            {
              reference: row.reference,
              transaction: transaction.id,
              status: transaction.status,
              outcome: result.outcome,
            },
            'gateway poll learnt a status',
          );
        }
      }
    }
    return changed;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pass = this.pollOnce()
        .then(() => undefined)
        .catch((error: unknown) => {
          this.options.log.warn({ err: error }, 'gateway poll failed; it will run again');
        })
        .finally(() => {
          this.pass = undefined;
          this.schedule();
        });
    }, this.intervalMs);
    this.timer.unref();
  }
}
