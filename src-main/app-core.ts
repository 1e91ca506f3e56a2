import path from 'node:path';
import type { DeviceStatus } from '../src-shared/api/ops/status';
import { err, type Result } from '../src-shared/api/result';
import type { DeviceMode } from '../src-shared/domain/device-mode';
import { startAccounts } from './accounts/start-accounts';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { deviceLogsDir } from './diagnostics/log-files';
import { startDiagnostics } from './diagnostics/start-diagnostics';
import { mergeSlices, stopSlices, type Slice } from './api/slice';
import { startAppInfo } from './app-info/start-app-info';
import type { AppPaths } from './app-paths';
import { startBills } from './bills/start-bills';
import { startCashier } from './cashier/start-cashier';
import { StaffSessions } from './cashier/staff-sessions';
import { startCertificates } from './certificates/start-certificates';
import type { AppConfig } from './config/app-config';
import { assertConfiguredMode, effectiveMode, recordServerIdentity } from './device/device-identity';
import { DeviceMeta } from './device/device-meta';
import { startEnrollment } from './device/start-enrollment';
import { startField } from './field/start-field';
import { refuseWhileLocked } from './device-lock/locked-operations';
import { startDeviceLock } from './device-lock/start-device-lock';
import type { Dispenser } from './devices/dispenser/dispenser';
import { renderBillPdf } from './documents/bill-pdf';
import { limitDocuments } from './documents/document-limit';
import { PhoneLinks } from './documents/phone-links';
import { startKiosk } from './kiosk/start-kiosk';
import { moduleLogger, type Logger } from './logger';
import { startPrinters } from './devices/printing/start-printers';
import { ConnectionMonitor, type ConnectionState } from './server-link/connection-monitor';
import { ServerClient } from './server-link/server-client';
import { startStaff } from './staff/start-staff';
import { deviceReadings } from './kiosk-staff/device-readings';
import { startKioskStaff } from './kiosk-staff/start-kiosk-staff';
import { startStatus } from './status/start-status';
import { DeviceClock } from './sync/clock';
import { ReplicaPolicy } from './sync/replica-policy';
import { startSync } from './sync/start-sync';
import { startTickets } from './tickets/start-tickets';
import { startWallet } from './wallet/start-wallet';
import type { SyncOptions } from './sync/sync-service';
import { readMigrations } from './store/migrations';
import type { DeviceSecrets } from './secrets/device-secrets';
import type { SecretStorage } from './secrets/secret-storage';
import { openStore, storeKeysDir, type Store } from './store/open-store';

export interface AppCoreOptions {
  readonly config: AppConfig;
  readonly paths: AppPaths;
  /** The central server this device talks to (external, or the embedded one's real address). */
  readonly serverUrl: string;
  readonly log: Logger;
  readonly nativeBinding?: string | undefined;
  /** The OS keychain's storage for the store key and device secrets (Electron); key files when absent. */
  readonly secretStorage?: ((keysDir: string) => SecretStorage) | undefined;
  /** How often the device says hello to the server. */
  readonly helloIntervalMs?: number;
  /** Heartbeat timers (tests shorten them; status/device-reporter.ts). */
  readonly report?: { readonly lookEveryMs?: number; readonly reportEveryMs?: number };
  /** Sync timers (tests shorten them). */
  readonly sync?: SyncOptions;
  /** The certificate dispenser, built by the caller (tests hold a simulator); the config's when absent. */
  readonly dispenser?: Dispenser;
  /** How long the printers' last status is reused (5 s, a USB receipt printer's 60 s, when absent; tests shorten it). */
  readonly printerStatusTtlMs?: number;
  /** How long the status strip and the heartbeat reuse the dispenser's last answer; 5 s when absent (tests shorten it). */
  readonly dispenserStatusTtlMs?: number;
  /**
   * The host's way out of kiosk mode, for staff at the hidden gesture (Electron closes the app);
   * absent on the web host, whose browser kiosk the app cannot leave.
   */
  readonly leaveKioskMode?: () => void;
  /**
   * The wall clock (ms), for tests that must see time pass without waiting: today the kiosk's
   * staff-corner lock reads it (kiosk-staff/). Date.now when absent.
   */
  readonly now?: () => number;
}

/** Everything behind the contract, host-agnostic: Electron and the web host both wrap this. */
export interface AppCore {
  readonly dispatch: Dispatch;
  readonly store: Store;
  readonly meta: DeviceMeta;
  /** The device's key storage: `secrets.derive('staff-credentials')` and other purpose-specific secrets. */
  readonly secrets: DeviceSecrets;
  /** What the device works as: the mode the server enrolled it as (the config's before that). */
  mode(): DeviceMode;
  /** Says hello to the central server now instead of waiting for the timer. */
  checkConnection(): Promise<ConnectionState>;
  stop(): Promise<void>;
}

/**
 * Start-up as a table of contents (STYLE §12): store → the device's identity → server link →
 * the features, one slice each (api/slice.ts), in the order they start and, reversed, stop →
 * the dispatcher over their merged handlers.
 */
export function startAppCore(options: AppCoreOptions): AppCore {
  const { config, log } = options;
  const storeDir = path.join(config.dataDir, 'device');
  const store = openStore({
    dir: storeDir,
    secretStorage: options.secretStorage?.(storeKeysDir(storeDir)),
    migrations: readMigrations(options.paths.localMigrations),
    nativeBinding: options.nativeBinding,
  });
  const meta = new DeviceMeta(store);
  try {
    // A device enrolled as one thing and configured as another must not start as either.
    assertConfiguredMode(meta, config);
  } catch (error) {
    store.close();
    throw error;
  }
  const mode = () => effectiveMode(meta, config);
  // Staff hashes are peppered with a secret the key storage holds, not the database (src-node/staff-credentials.ts).
  const staffPepper = store.secrets.derive('staff-credentials');
  const replicaPolicy = new ReplicaPolicy(mode, staffPepper);
  replicaPolicy.enforce(store);
  const client = new ServerClient(options.serverUrl, { ca: config.serverCa });
  const connection = new ConnectionMonitor(
    client,
    meta,
    moduleLogger(log, 'connection'),
    options.helloIntervalMs ?? 10_000,
    (hello) => recordServerIdentity(store, meta, hello),
    new DeviceClock(meta),
  );

  // The features. Those others build on come first; a new one is one line in `slices`.
  const printers = startPrinters({
    store,
    meta,
    config,
    log,
    reader: () => (mode() === 'kiosk' ? 'citizen' : 'staff'),
    statusTtlMs: options.printerStatusTtlMs,
  });
  const sync = startSync({
    store,
    meta,
    client,
    connection,
    policy: replicaPolicy,
    options: options.sync,
    log: moduleLogger(log, 'sync'),
  });
  const staff = startStaff({ store, meta, pepper: staffPepper, log: moduleLogger(log, 'staff') });
  // One set of staff sessions for the counter's and the field's sign-ins (one credential kind).
  const staffSessions = new StaffSessions(staff.authorizer);
  const deviceLock = startDeviceLock({
    store,
    meta,
    exportsDir: path.join(config.dataDir, 'exports'),
    log: moduleLogger(log, 'device-lock'),
  });
  const phoneLinks = new PhoneLinks(client, meta, moduleLogger(log, 'phone-links'));
  const bills = startBills({
    store,
    meta,
    printers: printers.forBills,
    renderPdf: renderBillPdf,
    phoneLinks,
    billDeliveryDays: config.kiosk.billDeliveryDays,
    log: moduleLogger(log, 'bills'),
  });
  const certificates = startCertificates({
    store,
    meta,
    client,
    config: config.dispenser,
    receipts: printers.receipts,
    dispenser: options.dispenser,
    statusTtlMs: options.dispenserStatusTtlMs,
    log: moduleLogger(log, 'certificates'),
  });
  const diagnostics = startDiagnostics({
    client,
    meta,
    logsDir: deviceLogsDir(config.dataDir),
    maxBytes: config.logs.diagnosticBytes,
    appVersion: config.version,
    deviceName: config.device.name,
    mode,
    status: () => currentStatus(slices),
    permissionOf: (grantId) => staff.authorizer.diagnosticPermission(grantId),
    log: moduleLogger(log, 'diagnostics'),
  });
  const slices: readonly Slice[] = [
    printers,
    sync,
    staff,
    deviceLock,
    startEnrollment({
      client,
      serverUrl: options.serverUrl,
      meta,
      connection,
      store,
      configuredMode: config.device.mode,
      enrollmentCode: config.enrollmentCode,
      isLocked: () => deviceLock.lock.isLocked(),
      log: moduleLogger(log, 'enrollment'),
    }),
    bills,
    startAccounts({ client, meta, bills: bills.access, log: moduleLogger(log, 'accounts') }),
    startWallet({ client, meta, printers: printers.forBills, log: moduleLogger(log, 'wallet') }),
    certificates,
    startTickets({
      client,
      meta,
      attachments: config.attachments,
      receipts: printers.receipts,
      log: moduleLogger(log, 'tickets'),
    }),
    startCashier({
      store,
      meta,
      staff: staff.authorizer,
      clock: sync.service.clock,
      receipts: printers.receipts,
      parkedMoneyEvents: () => sync.service.parked.moneyCount(),
      serverOnline: async () => (await connection.check()) === 'online',
      client,
      config: { entity: config.entity, deviceName: config.device.name, ...config.cashier },
      log: moduleLogger(log, 'cashier'),
      sessions: staffSessions,
    }),
    startField({
      store,
      meta,
      sessions: staffSessions,
      authorizer: staff.authorizer,
      clock: sync.service.clock,
      receipts: printers.receipts,
      config: { entity: config.entity, deviceName: config.device.name, ...config.cashier },
      log: moduleLogger(log, 'field'),
      server: { client, syncNow: () => sync.service.syncNow() },
    }),
    startKiosk({ store, meta, endVisit: () => endVisit(slices) }),
    startKioskStaff({
      store,
      meta,
      client,
      requiredDevices: config.kiosk.requiredDevices,
      readings: deviceReadings(config.kiosk.requiredDevices, {
        receiptPrinter: printers.receipts.configured ? printers.receipts.status : null,
        documentPrinter: config.printers.document === null ? null : printers.documents.status,
        dispenser: async () => (await certificates.stripStatus.current()).condition,
      }),
      ...(options.leaveKioskMode === undefined ? {} : { leaveKioskMode: options.leaveKioskMode }),
      sendDiagnostic: diagnostics.send,
      ...(options.now === undefined ? {} : { now: options.now }),
      log: moduleLogger(log, 'kiosk-staff'),
    }),
    startStatus({
      config,
      store,
      meta,
      connection,
      sync: sync.service,
      printer: printers.stripPrinter,
      // Only a kiosk has the dispenser; what the strip says of it, cached.
      dispenser: async () => {
        if (mode() !== 'kiosk') return undefined;
        const status = await certificates.stripStatus.current();
        return { state: status.condition, paperLow: status.paperLow === true };
      },
      report: { client, mode, storeDir, log: moduleLogger(log, 'device-report'), ...options.report },
    }),
    startAppInfo({ config, meta, mode }),
    diagnostics,
  ];
  // Every operation handled once, every credential kind resolved: checked here, at start-up.
  const { handlers, callers } = mergeSlices(slices);
  connection.start();
  return {
    // A document larger than documents.maxBytes never reaches the screen, in either host.
    dispatch: limitDocuments(
      createDispatcher({
        // A device the server refused answers only what its lock screen needs (locked-operations.ts).
        handlers: refuseWhileLocked(handlers, () => deviceLock.lock.isLocked()),
        callers,
        mode,
        log: moduleLogger(log, 'api'),
      }),
      config.documents.maxBytes,
      moduleLogger(log, 'documents'),
    ),
    mode,
    store,
    meta,
    secrets: store.secrets,
    checkConnection: () => connection.check(),
    async stop() {
      try {
        await stopSlices(slices);
        await connection.stop();
      } finally {
        store.close();
      }
    },
  };
}

/** The kiosk visit ended: every feature forgets what it opened, so the next citizen starts from nothing. */
/** What the status strip shows (the status slice's own handler), for a diagnostic's device summary. */
function currentStatus(slices: readonly Slice[]): Promise<Result<DeviceStatus>> {
  const handler = slices.find((slice) => slice.name === 'status')?.handlers['status.get'];
  return handler === undefined ? Promise.resolve(err('internal', 'Sin estado')) : handler({}, null);
}

function endVisit(slices: readonly Slice[]): void {
  for (const slice of slices) slice.endVisit?.();
}
