import { sql } from 'drizzle-orm';
import { outbox } from '../../db/local/schema';
import type { DeviceStatus } from '../../src-shared/api/ops/status';
import { ok, type Result } from '../../src-shared/api/result';
import type { AppConfig } from '../config/app-config';
import type { DeviceMeta } from '../device/device-meta';
import type { ConnectionMonitor } from '../server-link/connection-monitor';
import type { Store } from '../store/open-store';

/** The status strip's figures. Cheap enough to be polled every few seconds by every screen. */
export class StatusService {
  constructor(
    private readonly config: AppConfig,
    private readonly store: Store,
    private readonly meta: DeviceMeta,
    private readonly connection: ConnectionMonitor,
  ) {}

  get(): Promise<Result<DeviceStatus>> {
    // The (state, id) index answers both figures; ids are UUIDv7, so the smallest is the oldest.
    const pending = this.store.db
      .select({ count: sql<number>`count(*)`, oldest: sql<string | null>`min(${outbox.createdAt})` })
      .from(outbox)
      .where(sql`${outbox.state} = 'pending'`)
      .get();
    const subscribers = this.meta.get('serverSubscribers');
    const printerName = this.config.printers.document ?? this.config.printers.receipt;
    return Promise.resolve(
      ok({
        server: {
          state: this.connection.current(),
          lastContactAt: this.meta.get('lastContactAt'),
          subscribers: subscribers === null ? null : Number(subscribers),
        },
        sync: {
          lastPullAt: this.meta.get('lastPullAt'),
          lastPushAt: this.meta.get('lastPushAt'),
          pendingEvents: pending?.count ?? 0,
          oldestPendingAt: pending?.oldest ?? null,
        },
        // Printer drivers arrive with the bills and cashier features; until then a configured
        // printer is reported as not yet checked rather than guessed ready.
        printer: { state: printerName === null ? 'not-configured' : 'unknown', name: printerName },
      }),
    );
  }
}
