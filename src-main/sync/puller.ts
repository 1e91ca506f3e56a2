import type { Result } from '../../src-shared/api/result';
import type { PullValue } from '../../src-shared/server-api/sync-api';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import { backoffDelay, Wakeable } from './backoff';
import type { DeviceClock } from './clock';
import { isOwnDeployment, otherDeploymentMessage } from './deployment-check';
import { FeedRestarted, type FeedEpoch } from './feed-epoch';
import { MalformedPageError, type ReplicaApplier } from './replica-apply';
import type { ReplicaRoutes } from './replica-routes';
import type { SnapshotDownload } from './snapshot-download';
import { ProgressTracker, type SyncProgress } from './sync-progress';

export interface PullerOptions {
  readonly pageSize: number;
  /** How long the server may hold a pull open when there is nothing new (long poll). */
  readonly longPollMs: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /**
   * A new device whose first page says at least this many changes wait downloads the rows as
   * they are now instead (snapshot-download.ts); below it the feed is as quick.
   */
  readonly snapshotMinRows: number;
  /** Rows per snapshot part (at most maxSnapshotPartRows). */
  readonly snapshotPartRows: number;
}

export const malformedPageMessage =
  'El servidor central envió datos que este equipo no puede guardar; no se aplicó nada. Avise a soporte técnico';

export const defaultPullerOptions: PullerOptions = {
  pageSize: 2000,
  longPollMs: 25_000,
  backoffBaseMs: 1000,
  backoffMaxMs: 60_000,
  snapshotMinRows: 50_000,
  snapshotPartRows: 20_000,
};

/**
 * Keeps the replica current (docs/sync-protocol.md, "Pull"):
 *
 * 1. Ask for the changes after the cursor; with nothing left to catch up, as a long poll, so a
 *    change reaches an online device as soon as it is committed.
 * 2. While the server says there is more, ask for the next page before applying this one: the
 *    server reads page n+1 while the device writes page n.
 * 3. Apply each page with its cursor in one transaction (replica-apply.ts).
 * 4. A field device whose assigned routes changed re-scopes its replica and starts again
 *    from cursor 0 (replica-routes.ts); the download shows as progress like a first one.
 * 5. A new device whose first page says a long feed waits downloads a snapshot instead: the
 *    rows as they are now, then the feed from the snapshot's cursor (snapshot-download.ts).
 * 6. Any failure: back off with jitter and start again from the stored cursor.
 */
export class Puller {
  private readonly wakeable = new Wakeable();
  private readonly progress: ProgressTracker;
  private loop: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;
  private abort = new AbortController();

  constructor(
    private readonly client: ServerClient,
    private readonly meta: DeviceMeta,
    private readonly applier: ReplicaApplier,
    private readonly clock: DeviceClock,
    private readonly log: Logger,
    private readonly epoch: FeedEpoch,
    private readonly routes: ReplicaRoutes,
    private readonly snapshot: SnapshotDownload | null,
    private readonly options: PullerOptions = defaultPullerOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.progress = new ProgressTracker(now);
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Pull now instead of at the end of the current wait. */
  wake(): void {
    this.wakeable.wake();
  }

  currentProgress(): SyncProgress | null {
    return this.progress.current();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.wakeable.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    let caughtUp = false;
    while (!this.stopped) {
      const token = this.meta.get('deviceToken');
      if (token === null || this.meta.get('tokenRefusedAt') !== null) {
        await this.wakeable.sleep(2000);
        continue;
      }
      let pause: number;
      try {
        caughtUp = await this.catchUp(token, caughtUp);
        this.failures = 0;
        pause = 0;
      } catch (error) {
        caughtUp = false;
        this.progress.end();
        if (error instanceof FeedRestarted) continue;
        this.failures += 1;
        pause = backoffDelay(this.failures, this.options.backoffBaseMs, this.options.backoffMaxMs);
        if (error instanceof MalformedPageError && this.meta.get('syncError') === null) {
          // Nothing of the page was written; staff must know the replica is not moving.
          this.meta.set({ syncError: `${malformedPageMessage} (${error.message})` });
        }
        this.log.warn({ err: error, failures: this.failures, retryInMs: pause }, 'pull failed');
      }
      if (pause > 0 && !this.stopped) await this.wakeable.sleep(pause);
    }
  }

  /** Pulls until the server has nothing more; returns whether the device is caught up. */
  private async catchUp(token: string, caughtUp: boolean): Promise<boolean> {
    // A first download by snapshot under way goes on where it stopped (a cut, a restart).
    if (this.snapshot?.underWay() === true) {
      await this.snapshot.run(token, this.abort.signal, this.progress);
      return false;
    }
    let cursor = this.applier.cursor();
    let request = this.request(token, cursor, caughtUp ? this.options.longPollMs : 0, !this.progress.isActive());
    for (;;) {
      const { result, sentAt, receivedAt, held } = await request;
      if (this.stopped) return caughtUp;
      const page = this.checked(result);
      // The server stamps its time when it answers, after a long poll's hold (clock.ts).
      this.clock.record(page.serverTime, sentAt, receivedAt, held);
      // A restored server: the replica was emptied, so this page's cursor means nothing now.
      if (this.epoch.observe(page.epoch)) throw new FeedRestarted();
      // Routes assigned or taken away: rows outside them were deleted, download them again.
      if (this.routes.observe(page.routes)) throw new FeedRestarted();
      // A new device facing a long feed: the rows as they are now instead, then the feed from there.
      if (cursor === '0' && this.wantsSnapshot(page) && (await this.snapshot!.start(token, this.abort.signal))) {
        await this.snapshot!.run(token, this.abort.signal, this.progress);
        return false;
      }
      const next = page.hasMore ? this.request(token, page.cursor, 0, false) : null;
      try {
        this.applyPage(page, cursor);
      } catch (error) {
        // Never leave the prefetch's rejection unobserved; its page is discarded anyway.
        void next?.catch(() => undefined);
        throw error;
      }
      cursor = page.cursor;
      if (next === null) {
        this.progress.end();
        this.meta.set({ caughtUpAt: new Date(this.now()).toISOString() });
        return true;
      }
      request = next;
    }
  }

  private wantsSnapshot(page: PullValue): boolean {
    return (
      this.snapshot !== null &&
      page.hasMore &&
      page.remaining !== null &&
      page.remaining + page.changes.length >= this.options.snapshotMinRows
    );
  }

  private applyPage(page: PullValue, cursor: string): void {
    if (page.changes.length > 0) this.applier.apply(page.changes, cursor, page.cursor);
    if (page.remaining !== null && page.hasMore && !this.progress.isActive())
      this.progress.begin(page.remaining, page.changes.length);
    else this.progress.advance(page.changes.length);
    this.meta.set({ lastPullAt: new Date(this.now()).toISOString() });
    if (this.meta.get('syncError') !== null) this.meta.delete('syncError');
  }

  private checked(result: Result<PullValue>): PullValue {
    if (!result.ok) {
      if (result.error.code === 'device-locked') this.meta.set({ tokenRefusedAt: new Date(this.now()).toISOString() });
      if (result.error.code !== 'offline') this.meta.set({ syncError: result.error.message });
      throw new Error(`pull refused: ${result.error.code}`);
    }
    if (!isOwnDeployment(this.meta, result.value.deployment.id)) {
      this.meta.set({ syncError: otherDeploymentMessage });
      throw new MalformedPageError('other deployment');
    }
    return result.value;
  }

  private async request(token: string, cursor: string, wait: number, count: boolean) {
    const sentAt = this.now();
    const result = await this.client.pull(
      token,
      { cursor, limit: this.options.pageSize, wait, count: count ? '1' : '0' },
      this.abort.signal,
    );
    return { result, sentAt, receivedAt: this.now(), held: wait > 0 };
  }
}
