import path from 'node:path';
import type { DeviceMode } from '../src-shared/domain/device-mode';
import { AccountsService } from './accounts/accounts-service';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { createHandlers } from './api/handlers';
import type { AppPaths } from './app-paths';
import { startBills } from './bills/start-bills';
import { CashierService } from './cashier/cashier-service';
import { StaffSessions } from './cashier/staff-sessions';
import type { AppConfig } from './config/app-config';
import { assertConfiguredMode, effectiveMode, recordServerIdentity } from './device/device-identity';
import { DeviceMeta } from './device/device-meta';
import { DeviceLock } from './device-lock/device-lock';
import { refuseWhileLocked } from './device-lock/locked-operations';
import { renderBillPdf } from './documents/bill-pdf';
import { limitDocuments } from './documents/document-limit';
import { PhoneLinks } from './documents/phone-links';
import { moduleLogger, type Logger } from './logger';
import { PrintDesk } from './printing/print-desk';
import { startDocumentPrinting } from './printing/printing';
import { printReceipt } from './receipt-printing/print-receipt';
import { startReceiptPrinting } from './receipt-printing/receipt-printing';
import { formatBogotaDateTime } from '../src-shared/domain/calendar-es';
import { receiptPapers } from '../src-shared/receipts/receipt-model';
import { receiptTestPage } from '../src-shared/receipts/test-page';
import { ConnectionMonitor, type ConnectionState } from './server-link/connection-monitor';
import { ServerClient } from './server-link/server-client';
import { AppInfoService } from './services/app-info-service';
import { EnrollmentService } from './services/enrollment-service';
import { KioskService } from './services/kiosk-service';
import { StatusService } from './services/status-service';
import { SyncAdminService } from './services/sync-admin-service';
import { StaffAuthorizer } from './staff/staff-authorizer';
import { DeviceClock } from './sync/clock';
import { ReplicaPolicy } from './sync/replica-policy';
import { SyncService, type SyncOptions } from './sync/sync-service';
import { readMigrations } from './store/migrations';
import type { DeviceSecrets } from './secrets/device-secrets';
import type { SecretStorage } from './secrets/secret-storage';
import { openStore, storeKeysDir, type Store } from './store/open-store';

/** Installers provision a device with VENTANILLA_ENROLLMENT_CODE; a failure is logged, and staff can retry. */
async function enrollOnStart(enrollment: EnrollmentService, code: string, log: Logger): Promise<void> {
  try {
    const result = await enrollment.enroll(code);
    if (!result.ok) moduleLogger(log, 'enrollment').warn({ reason: result.error.code }, 'enrollment at start-up failed');
  } catch (error) {
    moduleLogger(log, 'enrollment').error({ err: error }, 'enrollment at start-up failed');
  }
}

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
  /** Sync timers (tests shorten them). */
  readonly sync?: SyncOptions;
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

/** Start-up as a table of contents (STYLE §12): store → migrations → services → dispatcher. */
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
  const enrollment = new EnrollmentService(client, options.serverUrl, meta, connection, moduleLogger(log, 'enrollment'), store, config.device.mode);
  const sync = new SyncService(store, meta, client, moduleLogger(log, 'sync'), options.sync, replicaPolicy);
  const staff = new StaffAuthorizer(store, moduleLogger(log, 'staff'), staffPepper);
  // A device the server refuses locks itself (device-lock/): on the refusal, and at start-up
  // if it stopped before the wipe.
  const lock = new DeviceLock({ store, meta, exportsDir: path.join(config.dataDir, 'exports'), log: moduleLogger(log, 'device-lock') });
  meta.onTokenRefusalChanged(() => lock.enforce());
  lock.enforce();
  const printing = startDocumentPrinting({
    store,
    printerName: config.printers.document,
    platform: process.platform,
    log: moduleLogger(log, 'printing'),
  });
  const receipts = startReceiptPrinting({
    store,
    address: config.printers.receipt,
    profile: { type: config.printers.receiptType, paper: config.printers.receiptPaper },
    log: moduleLogger(log, 'receipts'),
  });
  const bills = startBills({
    store,
    meta,
    printers: {
      document: config.printers.document === null ? null : printing.queue,
      receipt: receipts.configured ? { queue: receipts.queue, profile: receipts.profile } : null,
    },
    renderPdf: renderBillPdf,
    log: moduleLogger(log, 'bills'),
  });
  const staffSessions = new StaffSessions(staff);
  const cashier = new CashierService({
    store,
    meta,
    sessions: staffSessions,
    authorizer: staff,
    clock: sync.clock,
    receipts,
    parkedMoneyEvents: () => sync.parked.moneyCount(),
    serverOnline: async () => (await connection.check()) === 'online',
    config: { entity: config.entity, deviceName: config.device.name, ...config.cashier },
    log: moduleLogger(log, 'cashier'),
  });
  const accounts = new AccountsService(client, meta, bills.access, moduleLogger(log, 'accounts'));
  const handlers = refuseWhileLocked(createHandlers({
    appInfo: new AppInfoService(config, meta, mode),
    // The strip shows the printer citizens' documents come out of: the document printer, or
    // the receipt printer on a kiosk that has only that one.
    status: new StatusService(config, store, meta, connection, sync, config.printers.document === null && receipts.configured ? receipts.status : printing.status),
    syncAdmin: new SyncAdminService(sync),
    staff,
    cashier,
    receiptTestPage: () =>
      printReceipt(
        receipts,
        'test-page',
        'Página de prueba',
        receiptTestPage(meta.get('deviceName') ?? config.device.name, receiptPapers[receipts.profile.paper].columns, formatBogotaDateTime(new Date().toISOString())),
        log,
      ),
    enrollment,
    kiosk: new KioskService(store, meta),
    printDesk: new PrintDesk([printing.queue, receipts.queue]),
    billAccess: bills.access,
    bills: bills.service,
    phoneLinks: new PhoneLinks(client, meta, moduleLogger(log, 'phone-links')),
    accounts,
    deviceLock: lock,
  }), () => lock.isLocked());
  connection.onBackOnline(() => sync.syncNow());
  connection.start();
  sync.start();
  // A locked device enrolls again with a new code (how IT puts it back in service).
  if (config.enrollmentCode !== null && (meta.get('deviceId') === null || lock.isLocked())) void enrollOnStart(enrollment, config.enrollmentCode, log);
  return {
    // A document larger than documents.maxBytes never reaches the screen, in either host.
    dispatch: limitDocuments(createDispatcher({
      handlers,
      callers: {
        'kiosk-visit': (accessId) => bills.access.resolveVisit(accessId),
        'citizen-session': (session) => accounts.resolveSession(session),
        'staff-session': (staffSession) => staffSessions.resolve(staffSession),
        'supervisor-grant': (grantId) => staff.resolve(grantId),
      },
      mode,
      log: moduleLogger(log, 'api'),
    }), config.documents.maxBytes, moduleLogger(log, 'documents')),
    mode,
    store,
    meta,
    secrets: store.secrets,
    checkConnection: () => connection.check(),
    async stop() {
      try {
        await enrollment.settled();
        await sync.stop();
        await Promise.all([printing.queue.stop(), receipts.queue.stop()]);
        await connection.stop();
      } finally {
        store.close();
      }
    },
  };
}
