import type { Logger } from '../logger';

interface Waiter {
  readonly cursor: number;
  readonly wake: () => void;
}

/**
 * Wakes long-polling pulls when the feed moves past their cursor. Writes made through this
 * instance call `changed()` and wake waiters at once; writes made elsewhere (another server
 * instance on the same PostgreSQL, the seed command, staff SQL) are found by one shared
 * `latestSeq` poll while anyone waits, so 200 waiting devices cost one query per tick.
 */
export class FeedNotifier {
  private readonly waiters = new Set<Waiter>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private stopped = false;

  constructor(
    private readonly latestSeq: () => Promise<number>,
    private readonly log: Logger,
    private readonly pollMs = 200,
  ) {}

  /** Resolves when the feed passes `cursor`, after `timeoutMs`, or when `signal` aborts. */
  waitBeyond(cursor: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.stopped || timeoutMs <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timeout);
        signal?.removeEventListener('abort', done);
        this.waiters.delete(waiter);
        resolve();
      };
      const waiter: Waiter = { cursor, wake: done };
      const timeout = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(waiter);
      this.schedule();
    });
  }

  /** Something was committed to the feed by this instance. */
  changed(): void {
    void this.poll();
  }

  /**
   * Ends every long poll now, whatever its cursor: a field device's routes changed
   * (devices/device-routes.ts), which moves no `seq`, and each poll answers with the routes
   * read again, so the laptop re-scopes at once instead of at the end of its wait.
   */
  wakeAll(): void {
    for (const waiter of [...this.waiters]) waiter.wake();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    for (const waiter of [...this.waiters]) waiter.wake();
  }

  private schedule(): void {
    if (this.timer !== null || this.stopped || this.waiters.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.poll().finally(() => this.schedule());
    }, this.pollMs);
  }

  private async poll(): Promise<void> {
    if (this.polling || this.waiters.size === 0) return;
    this.polling = true;
    try {
      const latest = await this.latestSeq();
      for (const waiter of [...this.waiters]) if (latest > waiter.cursor) waiter.wake();
    } catch (error) {
      this.log.warn({ err: error }, 'feed poll failed');
    } finally {
      this.polling = false;
    }
  }
}
