import type { Logger } from '../../logger';
import type { GatewayTransaction } from './gateway-event';
import { transactionEventProperties } from './gateway-event';
import { requestJson } from './http-json';
import { eventChecksum } from './signatures';

/** Wompi's schedule: after a failed delivery, again at 30 min, 3 h and 24 h. */
export const WOMPI_RETRY_SCHEDULE_MS: readonly number[] = [30 * 60_000, 3 * 3_600_000, 24 * 3_600_000];

export interface EventDeliveryOptions {
  /** The webhook's URL, read at each attempt (the server's port is known only once it listens). */
  readonly webhookUrl: () => string;
  readonly eventsSecret: string;
  /** Waits before each retry; its length is the number of retries. */
  readonly retryScheduleMs?: readonly number[];
  readonly log: Logger;
  readonly now?: () => Date;
  readonly timeoutMs?: number;
  /** The certificate of the server's own HTTPS listener, trusted for these posts only. */
  readonly pinnedCertificate?: string | Buffer;
}

/** How one event's deliveries ended, for whoever waits on them (tests, the demo's log). */
export interface DeliveryEnd {
  readonly delivered: boolean;
  readonly attempts: number;
}

/**
 * Sends `transaction.updated` events the way Wompi does: the envelope with its checksum over
 * transaction id, status and amount (in the body and the X-Event-Checksum header), signed
 * afresh at each attempt with that attempt's timestamp; any 2xx ends it, anything else is
 * tried again on the schedule. The demo gateway sends through it, and tests use it as Wompi.
 */
export class EventDelivery {
  /** Retries waiting, each with what ends its delivery if stop() comes first. */
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly options: EventDeliveryOptions) {}

  /** Starts delivering; the promise settles when it is delivered or the schedule is spent (or on stop). */
  send(transaction: GatewayTransaction): Promise<DeliveryEnd> {
    const schedule = this.options.retryScheduleMs ?? WOMPI_RETRY_SCHEDULE_MS;
    return new Promise((resolve) => {
      const attempt = (index: number): void => {
        if (this.stopped) return resolve({ delivered: false, attempts: index });
        const run = this.post(transaction).then((ok) => {
          if (ok) return resolve({ delivered: true, attempts: index + 1 });
          const wait = schedule[index];
          if (wait === undefined || this.stopped) {
            this.options.log.warn(
              { transaction: transaction.id, attempts: index + 1 },
              'gateway event never delivered',
            );
            return resolve({ delivered: false, attempts: index + 1 });
          }
          const timer = setTimeout(() => {
            this.timers.delete(timer);
            attempt(index + 1);
          }, wait);
          timer.unref();
          this.timers.set(timer, () => resolve({ delivered: false, attempts: index + 1 }));
        });
        this.inFlight.add(run);
        void run.finally(() => this.inFlight.delete(run));
      };
      attempt(0);
    });
  }

  /** How many events wait for a retry. */
  get waiting(): number {
    return this.timers.size;
  }

  /** No new attempt starts; one in flight finishes. Retries still scheduled are dropped (the poll covers them). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const [timer, giveUp] of this.timers) {
      clearTimeout(timer);
      giveUp();
    }
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  /** The envelope of one attempt, signed with this attempt's timestamp. */
  envelope(transaction: GatewayTransaction): { body: string; checksum: string } {
    const now = (this.options.now ?? (() => new Date()))();
    const timestamp = Math.floor(now.getTime() / 1000);
    const data = { transaction };
    const checksum = eventChecksum(data, transactionEventProperties, timestamp, this.options.eventsSecret) ?? '';
    const body = JSON.stringify({
      event: 'transaction.updated',
      data,
      environment: 'test',
      signature: { properties: transactionEventProperties, checksum },
      timestamp,
      sent_at: now.toISOString(),
    });
    return { body, checksum };
  }

  private async post(transaction: GatewayTransaction): Promise<boolean> {
    const { body, checksum } = this.envelope(transaction);
    try {
      const answer = await requestJson({
        method: 'POST',
        url: this.options.webhookUrl(),
        headers: { 'x-event-checksum': checksum, 'user-agent': 'ventanilla-pasarela-demo' },
        body,
        timeoutMs: this.options.timeoutMs ?? 15_000,
        pinnedCertificate: this.options.pinnedCertificate,
      });
      if (answer.status >= 200 && answer.status < 300) return true;
      this.options.log.warn({ transaction: transaction.id, status: answer.status }, 'webhook refused a gateway event');
      return false;
    } catch (error) {
      this.options.log.warn(
        { transaction: transaction.id, reason: error instanceof Error ? error.message : String(error) },
        'webhook unreachable for a gateway event',
      );
      return false;
    }
  }
}
