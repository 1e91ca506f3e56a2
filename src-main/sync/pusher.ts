import { inArray, sql } from 'drizzle-orm';
import { outbox } from '../../db/local/schema';
import { maxPushBatch, type PushedEvent, type PushResult } from '../../src-shared/server-api/sync-api';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import type { Store } from '../store/open-store';
import { backoffDelay, Wakeable } from './backoff';
import type { DeviceClock } from './clock';
import { isOwnDeployment, otherDeploymentMessage } from './deployment-check';
import type { FeedEpoch } from './feed-epoch';

export interface PusherOptions {
  readonly batchSize: number;
  /** The watchdog: with nothing signalled, look at the outbox again after this long. */
  readonly idleCheckMs: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
}

export const defaultPusherOptions: PusherOptions = {
  batchSize: maxPushBatch,
  idleCheckMs: 15_000,
  backoffBaseMs: 1000,
  backoffMaxMs: 60_000,
};

/**
 * Sends the outbox to the server (docs/sync-protocol.md, "Push"), oldest first, one batch in flight, so
 * the server sees each device's events in the order they were written:
 *
 * 1. Read up to a batch of `pending` events in id (UUIDv7 = write) order.
 * 2. Send them. No answer — a timeout, a reset, a server that died after committing — is an
 *    unknown outcome: nothing is marked, and the same events go again after a backoff; the
 *    server answers `duplicate` for those it had applied.
 * 3. With an answer, mark in one transaction: applied and duplicate → `sent`; rejected →
 *    `parked` with the reason, for a supervisor to retry or discard. Parked events never block
 *    the ones after them.
 */
export class Pusher {
  private readonly wakeable = new Wakeable();
  private loop: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;
  private readonly abort = new AbortController();

  constructor(
    private readonly store: Store,
    private readonly client: ServerClient,
    private readonly meta: DeviceMeta,
    private readonly clock: DeviceClock,
    private readonly log: Logger,
    private readonly epoch: FeedEpoch,
    private readonly options: PusherOptions = defaultPusherOptions,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  wake(): void {
    this.wakeable.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.wakeable.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let pause: number;
      try {
        pause = await this.pushOnce();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        pause = backoffDelay(this.failures, this.options.backoffBaseMs, this.options.backoffMaxMs);
        this.log.warn({ err: error, failures: this.failures, retryInMs: pause }, 'push failed');
      }
      if (pause > 0 && !this.stopped) await this.wakeable.sleep(pause);
    }
  }

  /** One batch; returns how long to wait before the next (0: more are waiting). */
  private async pushOnce(): Promise<number> {
    const token = this.meta.get('deviceToken');
    const deviceId = this.meta.get('deviceId');
    if (token === null || deviceId === null || this.meta.get('tokenRefusedAt') !== null) return 2000;
    const batch = this.pendingBatch(deviceId);
    if (batch.length === 0) return this.options.idleCheckMs;

    const sentAt = this.now();
    const result = await this.client.push(token, batch, this.abort.signal);
    if (this.stopped) return 0;
    if (!result.ok) {
      this.noteAttempt(batch, result.error.message);
      if (result.error.code === 'device-locked') this.meta.set({ tokenRefusedAt: new Date(this.now()).toISOString() });
      if (result.error.code !== 'offline') this.meta.set({ syncError: result.error.message });
      throw new Error(`push failed: ${result.error.code}`);
    }
    if (!isOwnDeployment(this.meta, result.value.deployment.id)) {
      this.meta.set({ syncError: otherDeploymentMessage });
      throw new Error('push answered by another deployment');
    }
    this.clock.record(result.value.serverTime, sentAt, this.now());
    // A restored server: what was sent goes back to the queue first, then this answer marks its batch.
    this.epoch.observe(result.value.epoch);
    this.record(result.value.results);
    return batch.length === this.options.batchSize ? 0 : this.pendingCount() > 0 ? 0 : this.options.idleCheckMs;
  }

  private pendingBatch(deviceId: string): PushedEvent[] {
    const rows = this.store.db
      .select({ id: outbox.id, type: outbox.type, payload: outbox.payload, createdAt: outbox.createdAt })
      .from(outbox)
      .where(sql`${outbox.state} = 'pending'`)
      .orderBy(outbox.id)
      .limit(this.options.batchSize)
      .all();
    return rows.map((row) => ({
      id: row.id,
      deviceId,
      type: row.type,
      payload: row.payload as Record<string, unknown>,
      createdAt: row.createdAt,
    }));
  }

  private pendingCount(): number {
    const row = this.store.sqlite.prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'pending'`).get() as {
      n: number;
    };
    return row.n;
  }

  private noteAttempt(batch: readonly PushedEvent[], message: string): void {
    this.store.db
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, lastError: message })
      .where(
        inArray(
          outbox.id,
          batch.map((e) => e.id),
        ),
      )
      .run();
  }

  private record(results: readonly PushResult[]): void {
    const at = new Date(this.now()).toISOString();
    const sent = results.filter((r) => r.status !== 'rejected').map((r) => r.id);
    const rejected = results.filter((r) => r.status === 'rejected');
    // One statement for the whole batch: a thousand single-row updates cost more than the push.
    const markSent = this.store.sqlite.prepare(
      `UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL
       WHERE id IN (SELECT value FROM json_each(?)) AND state = 'pending'`,
    );
    const park = this.store.sqlite.prepare(
      `UPDATE outbox SET state = 'parked', attempts = attempts + 1, last_error = ? WHERE id = ? AND state = 'pending'`,
    );
    const write = this.store.sqlite.transaction(() => {
      if (sent.length > 0) markSent.run(at, JSON.stringify(sent));
      for (const r of rejected) park.run(r.reason ?? 'Rechazado por el servidor central.', r.id);
    });
    write.immediate();
    if (rejected.length > 0) this.log.warn({ parked: rejected.length }, 'events parked after the server rejected them');
    this.meta.set({ lastPushAt: at });
    if (this.meta.get('syncError') !== null) this.meta.delete('syncError');
  }
}
