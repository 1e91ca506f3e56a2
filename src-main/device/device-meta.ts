import { eq, sql } from 'drizzle-orm';
import { deviceMeta } from '../../db/local/schema';
import type { Store } from '../store/open-store';

/** The facts a device keeps about itself. Keys are listed here and nowhere else. */
export interface DeviceFacts {
  deviceId: string;
  deviceName: string;
  /** Secret: sent only to the central server, never logged, never shown. */
  deviceToken: string;
  deploymentId: string;
  serverUrl: string;
  lastContactAt: string;
  serverSubscribers: string;
  /** JSON of the entity settings the server last reported. */
  serverEntity: string;
  /** Set when the server answered 401 to this device's token: it must enroll again. */
  tokenRefusedAt: string;
  lastPullAt: string;
  /** When a pull last ended with nothing more on the server: the replica had every change. */
  caughtUpAt: string;
  lastPushAt: string;
  /** Last change-feed `seq` applied; written only with the page it ends (sync/replica-apply.ts). */
  syncCursor: string;
  /** Server clock minus device clock, in ms, measured on the last sync exchange. */
  clockOffsetMs: string;
  clockCheckedAt: string;
  /** Spanish, for the status strip and staff: why the last pull or push failed; absent when fine. */
  syncError: string;
}

export type DeviceFact = keyof DeviceFacts;

/** Reads and writes device facts. These are device bookkeeping, not records the server must learn. */
export class DeviceMeta {
  // Prepared once: every status poll and every bill screen reads a fact or two.
  private readonly byKey;

  constructor(private readonly store: Store) {
    this.byKey = store.db.select({ value: deviceMeta.value }).from(deviceMeta).where(eq(deviceMeta.key, sql.placeholder('key'))).prepare();
  }

  get(key: DeviceFact): string | null {
    return this.byKey.get({ key })?.value ?? null;
  }

  delete(key: DeviceFact): void {
    this.store.db.delete(deviceMeta).where(eq(deviceMeta.key, key)).run();
  }

  set(values: Partial<DeviceFacts>): void {
    const write = this.store.sqlite.transaction(() => {
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined) continue;
        this.store.db
          .insert(deviceMeta)
          .values({ key, value })
          .onConflictDoUpdate({ target: deviceMeta.key, set: { value } })
          .run();
      }
    });
    write();
  }
}
