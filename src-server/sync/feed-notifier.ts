import type { Logger } from '../logger';

interface Waiter {
  readonly cursor: number;
  readonly wake: () => void;
}

export interface FeedNotifierOptions {
  /** How often the newest `seq` is read while anyone waits and nothing pushes changes here. */
  readonly pollMs?: number;
  /**
   * The same while a LISTEN connection pushes every change (`setPushed(true)`): a safety net
   * only, so it is slow. Tests set it beyond their waits to prove that a wake came by NOTIFY.
   */
  readonly safetyPollMs?: number;
  /** Told the number of waiting long polls whenever it changes (tests wait on it). */
  readonly onWaiters?: (count: number) => void;
}

const DEFAULT_POLL_MS = 200;
const DEFAULT_SAFETY_POLL_MS = 5_000;

/**
 * Wakes long-polling pulls when the feed moves past their cursor. Writes made through this
 * instance call `changed()` and wake waiters at once. Writes made elsewhere (another server
 * instance on the same PostgreSQL, the seed command, `npm run admin`, staff SQL) arrive by
 * PostgreSQL NOTIFY through pg-feed-listener.ts, which calls the same methods; on PGlite, or
 * while that connection is down, one shared `latestSeq` poll finds them while anyone waits, so
 * 200 waiting devices cost one query per tick.
 */
export class FeedNotifier {
  private readonly waiters = new Set<Waiter>();
  private readonly pollMs: number;
  private readonly safetyPollMs: number;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  /** A change was announced while a poll was reading: read again when it ends. */
  private pollAgain = false;
  private pushed = false;
  private stopped = false;
  /** Changes announced so far (`changed`, `wakeAll`): see `announcements`. */
  private announced = 0;

  constructor(
    private readonly latestSeq: () => Promise<number>,
    private readonly log: Logger,
    private readonly options: FeedNotifierOptions = {},
  ) {
    this.pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    this.safetyPollMs = options.safetyPollMs ?? DEFAULT_SAFETY_POLL_MS;
  }

  /**
   * How many changes were announced so far. A long poll takes it before it reads its page and
   * gives it to `waitBeyond`: a change announced while the page was being read found no waiter
   * to wake, and might not be in the page either.
   */
  get announcements(): number {
    return this.announced;
  }

  /**
   * Resolves when the feed passes `cursor`, after `timeoutMs`, or when `signal` aborts; at once
   * if anything was announced since `announcementsBefore` (the caller then reads again).
   */
  waitBeyond(cursor: number, timeoutMs: number, signal?: AbortSignal, announcementsBefore?: number): Promise<void> {
    if (this.stopped || timeoutMs <= 0) return Promise.resolve();
    if (announcementsBefore !== undefined && announcementsBefore !== this.announced) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timeout);
        signal?.removeEventListener('abort', done);
        if (this.waiters.delete(waiter)) this.options.onWaiters?.(this.waiters.size);
        resolve();
      };
      const waiter: Waiter = { cursor, wake: done };
      const timeout = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(waiter);
      this.options.onWaiters?.(this.waiters.size);
      this.schedule();
    });
  }

  /** Something was committed to the feed, by this instance or (by NOTIFY) another writer. */
  changed(): void {
    this.announced += 1;
    void this.poll();
  }

  /**
   * Ends every long poll now, whatever its cursor: a field device's routes changed
   * (devices/device-routes.ts), which moves no `seq`, and each poll answers with the routes
   * read again, so the laptop re-scopes at once instead of at the end of its wait. Also called
   * when the LISTEN connection comes back, since notifications sent while it was down are lost.
   */
  wakeAll(): void {
    this.announced += 1;
    for (const waiter of [...this.waiters]) waiter.wake();
  }

  /**
   * Whether every change is pushed here by NOTIFY (pg-feed-listener.ts). While it is, the poll
   * only runs every `safetyPollMs`; when the connection drops, it is fast again at once.
   */
  setPushed(pushed: boolean): void {
    if (this.pushed === pushed) return;
    this.pushed = pushed;
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    for (const waiter of [...this.waiters]) waiter.wake();
  }

  private schedule(): void {
    if (this.timer !== null || this.stopped || this.waiters.size === 0) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        void this.poll().finally(() => this.schedule());
      },
      this.pushed ? this.safetyPollMs : this.pollMs,
    );
  }

  private async poll(): Promise<void> {
    if (this.waiters.size === 0) return;
    if (this.polling) {
      // The read in flight may have started before this change committed.
      this.pollAgain = true;
      return;
    }
    this.polling = true;
    try {
      do {
        this.pollAgain = false;
        const latest = await this.latestSeq();
        for (const waiter of [...this.waiters]) if (latest > waiter.cursor) waiter.wake();
      } while (this.pollAgain && this.waiters.size > 0 && !this.stopped);
    } catch (error) {
      this.log.warn({ err: error }, 'feed poll failed');
    } finally {
      this.polling = false;
    }
  }
}
