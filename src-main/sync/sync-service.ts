import type { DeviceStatus } from '../../src-shared/api/ops/status';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import type { Store } from '../store/open-store';
import { DeviceClock } from './clock';
import { ParkedEvents } from './parked-events';
import { defaultPullerOptions, Puller, type PullerOptions } from './puller';
import { defaultPusherOptions, Pusher, type PusherOptions } from './pusher';
import { FeedEpoch } from './feed-epoch';
import { ReplicaRoutes } from './replica-routes';
import { ReplicaApplier } from './replica-apply';
import { SnapshotApplier } from './snapshot-apply';
import { SnapshotDownload } from './snapshot-download';
import type { ReplicaPolicy } from './replica-policy';

export interface SyncOptions {
  readonly puller?: Partial<PullerOptions>;
  readonly pusher?: Partial<PusherOptions>;
}

type SyncFigures = Pick<DeviceStatus['sync'], 'parkedEvents' | 'lastError' | 'progress' | 'clockOffsetSeconds'>;

/**
 * The sync scheduler (docs/sync-protocol.md): a puller that long-polls the change feed and a pusher
 * that wakes when the outbox is written, each with its own watchdog timer and backoff. Both
 * idle while the device is not enrolled and start by themselves once it is.
 */
export class SyncService {
  readonly clock: DeviceClock;
  readonly parked: ParkedEvents;
  private readonly puller: Puller;
  private readonly pusher: Pusher;
  private unsubscribe: (() => void) | null = null;

  constructor(
    store: Store,
    meta: DeviceMeta,
    client: ServerClient,
    log: Logger,
    options: SyncOptions = {},
    policy: ReplicaPolicy | null = null,
  ) {
    this.clock = new DeviceClock(meta);
    this.parked = new ParkedEvents(store);
    const epoch = new FeedEpoch(store, meta, log.child({ part: 'epoch' }));
    const routes = new ReplicaRoutes(store, meta, log.child({ part: 'routes' }));
    const pullerOptions = { ...defaultPullerOptions, ...options.puller };
    const snapshot = new SnapshotDownload(
      client,
      meta,
      new SnapshotApplier(store, policy),
      epoch,
      routes,
      log.child({ part: 'snapshot' }),
      pullerOptions.snapshotPartRows,
    );
    this.puller = new Puller(
      client,
      meta,
      new ReplicaApplier(store, policy),
      this.clock,
      log.child({ part: 'pull' }),
      epoch,
      routes,
      snapshot,
      pullerOptions,
    );
    this.pusher = new Pusher(store, client, meta, this.clock, log.child({ part: 'push' }), epoch, {
      ...defaultPusherOptions,
      ...options.pusher,
    });
    this.meta = meta;
    this.unsubscribe = store.outboxWrites.subscribe(() => this.pusher.wake());
  }

  private readonly meta: DeviceMeta;

  start(): void {
    this.puller.start();
    this.pusher.start();
  }

  /** On demand (staff button, enrollment just done): both sides go now. */
  syncNow(): void {
    this.puller.wake();
    this.pusher.wake();
  }

  figures(): SyncFigures {
    const offset = this.clock.offsetMs();
    return {
      parkedEvents: this.parked.count(),
      lastError: this.meta.get('syncError'),
      progress: this.puller.currentProgress(),
      clockOffsetSeconds: offset === null ? null : Math.round(offset / 1000),
    };
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await Promise.all([this.puller.stop(), this.pusher.stop()]);
  }
}
