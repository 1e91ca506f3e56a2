import { sql } from 'drizzle-orm';
import { outbox } from '../../db/local/schema';
import type { DeviceStatus } from '../../src-shared/api/ops/status';
import { ok, type Result } from '../../src-shared/api/result';
import type { AppConfig } from '../config/app-config';
import type { DeviceMeta } from '../device/device-meta';
import { stripState, type PrinterStatusCache } from '../devices/printing/printer-status-cache';
import type { ConnectionMonitor } from '../server-link/connection-monitor';
import type { Store } from '../store/open-store';
import type { SyncService } from '../sync/sync-service';

/** The status strip's figures. Cheap enough to be polled every few seconds by every screen. */
export class StatusService {
  constructor(
    private readonly config: AppConfig,
    private readonly store: Store,
    private readonly meta: DeviceMeta,
    private readonly connection: ConnectionMonitor,
    private readonly sync: Pick<SyncService, 'figures'>,
    private readonly documentPrinter: PrinterStatusCache | null = null,
    /** A kiosk's certificate dispenser, cached (certificates/dispenser-status-cache.ts); null elsewhere. */
    private readonly dispenser: (() => Promise<DeviceStatus['dispenser']>) | null = null,
  ) {}

  async get(): Promise<Result<DeviceStatus>> {
    // The (state, id) index answers both figures; ids are UUIDv7, so the smallest is the oldest.
    const pending = this.store.db
      .select({ count: sql<number>`count(*)`, oldest: sql<string | null>`min(${outbox.createdAt})` })
      .from(outbox)
      .where(sql`${outbox.state} = 'pending'`)
      .get();
    const subscribers = this.meta.get('serverSubscribers');
    const printer = await this.printerStatus();
    const dispenser = this.dispenser === null ? undefined : await this.dispenser();
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
          ...this.sync.figures(),
        },
        printer,
        ...(dispenser === undefined ? {} : { dispenser }),
      }),
    );
  }

  /**
   * The document printer's status, cached by the print module so a poll costs no process. A
   * receipt printer alone (its driver arrives with the cashier feature) is reported as not yet
   * checked rather than guessed ready.
   */
  private async printerStatus(): Promise<DeviceStatus['printer']> {
    const document = this.documentPrinter;
    if (document !== null && document.printerName !== null) {
      return { state: stripState((await document.current()).condition), name: document.printerName };
    }
    const receipt = this.config.printers.receipt;
    return { state: receipt === null ? 'not-configured' : 'unknown', name: receipt };
  }
}
