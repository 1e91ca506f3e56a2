import type { DeviceStatus } from '../../src-shared/api/ops/status';
import { DeviceReport } from '../../src-shared/server-api/device-report';
import type { Slice } from '../api/slice';
import type { AppConfig } from '../config/app-config';
import type { DeviceMeta } from '../device/device-meta';
import type { PrinterStatusCache } from '../devices/printing/printer-status-cache';
import type { ConnectionMonitor } from '../server-link/connection-monitor';
import type { Store } from '../store/open-store';
import type { SyncService } from '../sync/sync-service';
import { eq } from 'drizzle-orm';
import { cashSessions } from '../../db/local/schema';
import { DeviceReporter, type DeviceReporterDeps } from './device-reporter';
import { StatusService } from './status-service';

export interface StatusDeps {
  readonly config: AppConfig;
  readonly store: Store;
  readonly meta: DeviceMeta;
  readonly connection: ConnectionMonitor;
  readonly sync: Pick<SyncService, 'figures'>;
  /** The printer citizens' documents come out of (printers.stripPrinter). */
  readonly printer: PrinterStatusCache | null;
  /** A kiosk's certificate dispenser, for its line on the strip; absent elsewhere. */
  readonly dispenser?: () => Promise<DeviceStatus['dispenser']>;
  /** The heartbeat's channel and facts (device-reporter.ts). */
  readonly report: Pick<DeviceReporterDeps, 'client' | 'mode' | 'storeDir' | 'log' | 'lookEveryMs' | 'reportEveryMs'>;
}

/** The status strip — connection, sync, printer, a kiosk's dispenser — and the heartbeat that tells the server. */
export function startStatus(deps: StatusDeps): Slice {
  const status = new StatusService(
    deps.config,
    deps.store,
    deps.meta,
    deps.connection,
    deps.sync,
    deps.printer,
    deps.dispenser ?? null,
  );
  noteUncleanStop(deps.meta, new Date());
  // The same figures, told to the central server for staff (the heartbeat).
  const reporter = new DeviceReporter({
    ...(deps.config.device.reportEverySeconds === undefined
      ? {}
      : { reportEveryMs: deps.config.device.reportEverySeconds * 1000 }),
    ...deps.report,
    status: () => status.get(),
    meta: deps.meta,
    appVersion: deps.config.version,
    cashSession: () => openCashSession(deps.store),
    lastCrash: () => lastCrash(deps.meta),
    kioskExit: () => lastKioskExit(deps.meta),
    update: () => updateStatus(deps.meta),
  });
  reporter.start();
  let stopped = false;
  return {
    name: 'status',
    handlers: { 'status.get': () => status.get() },
    stop: async () => {
      await reporter.stop();
      // A clean stop: the next start finds no marker. Once: a second stop comes after the store closed.
      if (stopped) return;
      stopped = true;
      deps.meta.delete('runningSince');
    },
  };
}

/** The counter's open cash session: the cashier's username and when it opened, nothing else. */
function openCashSession(store: Store): { cashier: string; openedAt: string } | null {
  const row = store.db
    .select({ cashier: cashSessions.cashier, openedAt: cashSessions.openedAt })
    .from(cashSessions)
    .where(eq(cashSessions.state, 'open'))
    .get();
  if (row === undefined) return null;
  const openedAt = new Date(row.openedAt);
  return Number.isNaN(openedAt.getTime())
    ? null
    : { cashier: row.cashier.slice(0, 80), openedAt: openedAt.toISOString() };
}

/**
 * The crash marker: `runningSince` is set while the app runs and cleared by a clean stop. Found
 * set at a start, the run before did not end cleanly; that is kept as the last crash (when it
 * was found, and since when that run had been going) for the heartbeat.
 */
function noteUncleanStop(meta: DeviceMeta, now: Date): void {
  const before = meta.get('runningSince');
  if (before !== null) {
    meta.set({
      lastCrashAt: now.toISOString(),
      lastCrashMessage: `La aplicación no se cerró correctamente (en ejecución desde ${before})`.slice(0, 200),
    });
  }
  meta.set({ runningSince: now.toISOString() });
}

function lastCrash(meta: DeviceMeta): { at: string; message: string } | null {
  const at = meta.get('lastCrashAt');
  return at === null ? null : { at, message: (meta.get('lastCrashMessage') ?? '').slice(0, 200) };
}

/** The last staff sign-in at a kiosk's hidden gesture (kiosk-staff/kiosk-staff-access.ts); null when none. */
function lastKioskExit(meta: DeviceMeta): { at: string; staff: string } | null {
  const at = meta.get('lastKioskExitAt');
  return at === null ? null : { at, staff: (meta.get('lastKioskExitBy') ?? '').slice(0, 64) };
}

/** The updater's last word (electron/auto-update.ts); null when none, unreadable, or on a host without updates. */
function updateStatus(meta: DeviceMeta): DeviceReport['update'] {
  const text = meta.get('updateStatus');
  if (text === null) return null;
  try {
    const parsed = DeviceReport.shape.update.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data ?? null) : null;
  } catch {
    return null;
  }
}
