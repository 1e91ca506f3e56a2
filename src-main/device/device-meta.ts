import { eq, sql } from 'drizzle-orm';
import { deviceMeta } from '../../db/local/schema';
import type { Store } from '../store/open-store';

/** The facts a device keeps about itself. Keys are listed here and nowhere else. */
export interface DeviceFacts {
  deviceId: string;
  deviceName: string;
  /** What the central server enrolled this device as (device-identity.ts): kiosk, cashier, field. */
  deviceMode: string;
  /** Its código de ruta scope, '' for none. */
  deviceScope: string;
  /** Its office, '' for none. */
  deviceOffice: string;
  /** The receipt series prefix the server issued (counters and field devices). */
  receiptPrefix: string;
  /**
   * Secret: sent only to the central server, never logged, never shown. Kept in the device's
   * key storage (store.secrets), not in `device_meta`; this class routes the key there.
   */
  deviceToken: string;
  deploymentId: string;
  serverUrl: string;
  lastContactAt: string;
  serverSubscribers: string;
  /** JSON of the entity settings the server last reported. */
  serverEntity: string;
  /**
   * Set when the server answered 401 to this device's token (again at every 401): it must
   * enroll again. It locks the device (device-lock/: personal data wiped, operations refused),
   * told through `onTokenRefusalChanged`.
   */
  tokenRefusedAt: string;
  /** The last staff sign-in at a kiosk's hidden gesture (kiosk-staff/), for the heartbeat's `kioskExit`: ISO time. */
  lastKioskExitAt: string;
  /** …and that staff member's username. */
  lastKioskExitBy: string;
  /**
   * JSON of the hidden corner's failed staff sign-ins and lock (kiosk-staff/staff-access-throttle.ts),
   * kept here so a lock outlives a restart: power-cycling a lobby kiosk must not reopen the corner.
   */
  kioskStaffThrottle: string;
  /**
   * JSON of the heartbeat's `update` (src-shared/server-api/device-report.ts): written by the
   * updater (updates/update-controller.ts through electron/auto-update.ts), read by the report.
   */
  updateStatus: string;
  lastPullAt: string;
  /** When a pull last ended with nothing more on the server: the replica had every change. */
  caughtUpAt: string;
  lastPushAt: string;
  /** The change feed's epoch the server last said (sync/feed-epoch.ts): a new one means a restored server. */
  feedEpoch: string;
  /** Last change-feed `seq` applied; written only with the page it ends (sync/replica-apply.ts). */
  syncCursor: string;
  /** JSON of a first download by snapshot under way (sync/snapshot-apply.ts), written with each part. */
  syncSnapshot: string;
  /**
   * JSON of the códigos de ruta the replica holds, as the server last said (sync/replica-routes.ts);
   * `null` (the JSON) for the whole entity. A different list re-scopes the replica.
   */
  replicaRoutes: string;
  /** «Preparar salida» (field/field-prepare.ts): when the last check of the routes ended, ISO. */
  fieldPreparedAt: string;
  /** `ok` or `mismatch`: how the last check ended (field.openDay refuses a new day unless `ok`). */
  fieldPrepareState: string;
  /** The change-feed cursor the last check compared at. */
  fieldPreparedCursor: string;
  /** `replicaRoutes` when the last check ended: a different list since means the routes changed. */
  fieldPreparedRoutes: string;
  /** Server clock minus device clock, in ms, measured on the last sync exchange. */
  clockOffsetMs: string;
  clockCheckedAt: string;
  /** Spanish, for the status strip and staff: why the last pull or push failed; absent when fine. */
  syncError: string;
  /** When the device locked itself: the first refusal of its token since it was last accepted (device-lock/). */
  lockedAt: string;
  /** When the replica's personal data were wiped after the server refused the token (device-lock/). */
  personalDataWipedAt: string;
  /** When a supervisor last exported the unsent events of a locked device (device-lock/event-export.ts). */
  eventsExportedAt: string;
  /**
   * When the app started, cleared when it stops cleanly (status/start-status.ts): found set at
   * the next start, the app did not stop cleanly (a crash, a power cut, a killed process).
   */
  runningSince: string;
  /** The last unclean stop found at a start: when it was found, and what is known (heartbeat `lastCrash`). */
  lastCrashAt: string;
  lastCrashMessage: string;
}

export type DeviceFact = keyof DeviceFacts;

/** Reads and writes device facts. These are device bookkeeping, not records the server must learn. */
export class DeviceMeta {
  // Prepared once: every status poll and every bill screen reads a fact or two.
  private readonly byKey;
  private readonly refusalListeners = new Set<() => void>();

  constructor(private readonly store: Store) {
    this.byKey = store.db
      .select({ value: deviceMeta.value })
      .from(deviceMeta)
      .where(eq(deviceMeta.key, sql.placeholder('key')))
      .prepare();
    this.moveTokenOutOfTable();
  }

  get(key: DeviceFact): string | null {
    if (key === 'deviceToken') return this.store.secrets.token();
    return this.byKey.get({ key })?.value ?? null;
  }

  delete(key: DeviceFact): void {
    if (key === 'deviceToken') this.store.secrets.clearToken();
    else this.store.db.delete(deviceMeta).where(eq(deviceMeta.key, key)).run();
    if (key === 'tokenRefusedAt') this.tellRefusalListeners();
  }

  set(values: Partial<DeviceFacts>): void {
    // The token first: a crash after it leaves a token without its device id, which reads as
    // "not enrolled"; the other order would leave an enrolled device without a token.
    if (values.deviceToken !== undefined) this.store.secrets.setToken(values.deviceToken);
    const write = this.store.sqlite.transaction(() => {
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined || key === 'deviceToken') continue;
        this.store.db
          .insert(deviceMeta)
          .values({ key, value })
          .onConflictDoUpdate({ target: deviceMeta.key, set: { value } })
          .run();
      }
    });
    write();
    if (values.tokenRefusedAt !== undefined) this.tellRefusalListeners();
  }

  /** Told after `tokenRefusedAt` is written or deleted, by whichever part of sync heard the server. */
  onTokenRefusalChanged(listener: () => void): () => void {
    this.refusalListeners.add(listener);
    return () => this.refusalListeners.delete(listener);
  }

  private tellRefusalListeners(): void {
    for (const listener of this.refusalListeners) listener();
  }

  /** Devices enrolled before the key storage kept their token in the table (in clear, before encryption). */
  private moveTokenOutOfTable(): void {
    const legacy = this.byKey.get({ key: 'deviceToken' })?.value;
    if (legacy === undefined) return;
    if (this.store.secrets.token() === null) this.store.secrets.setToken(legacy);
    this.store.db.delete(deviceMeta).where(eq(deviceMeta.key, 'deviceToken')).run();
  }
}
