import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { Store } from '../store/open-store';
import { replicaTables } from './replica-tables';

/**
 * The change feed's epoch as the server last said it (docs/sync-protocol.md, "Epochs"). A new one
 * means the server's database was restored from a backup: the feed's numbers this device
 * applied may be handed out again for other changes, and events it sent after the backup may
 * be gone. So, in one transaction, the replica and its cursor start again from nothing and
 * every event marked sent goes back to the queue — the server answers `duplicate` for those it
 * still has and applies the others. Parked events stay parked; nothing is deleted.
 */
export class FeedEpoch {
  constructor(
    private readonly store: Store,
    private readonly meta: DeviceMeta,
    private readonly log: Logger,
  ) {}

  /** Notes the epoch of an answer; true when it changed and the replica was reset. */
  observe(epoch: string): boolean {
    const known = this.meta.get('feedEpoch');
    if (known === epoch) return false;
    if (known === null) {
      this.meta.set({ feedEpoch: epoch });
      return false;
    }
    const restart = this.store.sqlite.transaction(() => {
      for (const spec of Object.values(replicaTables)) this.store.sqlite.prepare(`DELETE FROM ${spec.name}`).run();
      this.store.sqlite
        .prepare(
          `DELETE FROM device_meta WHERE key IN ('syncCursor', 'lastPullAt', 'caughtUpAt', 'syncError', 'syncSnapshot')`,
        )
        .run();
      const requeued = this.store.sqlite
        .prepare(`UPDATE outbox SET state = 'pending', sent_at = NULL WHERE state = 'sent'`)
        .run().changes;
      this.meta.set({ feedEpoch: epoch });
      return requeued;
    });
    const requeued = restart.immediate();
    this.log.warn(
      { requeued },
      'the central server was restored from a backup: the replica is downloaded again and sent events go again',
    );
    this.store.outboxWrites.notify();
    return true;
  }
}

/** Thrown inside a pull when the epoch changed: the loop starts again from the reset cursor. */
export class FeedRestarted extends Error {
  override readonly name = 'FeedRestarted';
}
