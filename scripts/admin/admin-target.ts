import pino from 'pino';
import type { DeviceMode } from '../../src-shared/domain/device-mode';
import {
  AdminRequestError,
  changeRoutesViaServer,
  createEnrollmentCodeViaServer,
  importBankFileViaServer,
  importEventsViaServer,
  isServerAnswering,
  listDevicesViaServer,
  listRoutesViaServer,
  pendingLiquidationsViaServer,
  revokeDeviceViaServer,
} from '../../src-server/admin/admin-client';
import { readLocalAdminFile } from '../../src-server/admin/local-admin-file';
import type { ServerConfig } from '../../src-server/config';
import { migrateServerDatabase } from '../../src-server/db/migrate';
import { openServerDatabase } from '../../src-server/db/open';
import { createEnrollmentCode, listDevices, revokeDevice } from '../../src-server/devices/admin';
import { assignRoutes, listFieldDeviceRoutes, unassignRoutes } from '../../src-server/devices/device-routes';
import type { FieldDeviceRoutesValue } from '../../src-server/devices/route-admin-values';
import { EventImportError, importExportedEvents, type ImportOutcome } from '../../src-server/sync/event-import';
import { loadMoneyRules } from '../../src-server/sync/money-rules';
import { createServerLogger } from '../../src-server/logger';
import type { BankFileSummary } from '../../src-server/wallet/bank-files/bank-file-summary';
import { importBankFile } from '../../src-server/wallet/bank-files/import-bank-file';
import {
  listPendingLiquidations,
  type PendingLiquidation,
} from '../../src-server/wallet/bank-files/pending-liquidations';

export interface Device {
  id: string;
  name: string;
  mode: DeviceMode;
  scope: string | null;
  office: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** The three operations, whichever way the database is reached. */
export interface AdminTarget {
  createCode(input: {
    deviceName: string;
    mode: DeviceMode;
    scope?: string;
    office?: string;
    receiptPrefix?: string;
    ttlHours: number;
  }): Promise<{ code: string; expiresAt: string }>;
  devices(): Promise<Device[]>;
  revoke(id: string): Promise<'revoked' | 'already-revoked' | 'not-found'>;
  importEvents(fileText: string): Promise<ImportOutcome>;
  importBankFile(file: { fileName: string; text: string }): Promise<BankFileSummary>;
  pendingLiquidations(): Promise<PendingLiquidation[]>;
  changeRoutes(
    action: 'assign' | 'unassign',
    device: string,
    routes: string[],
  ): Promise<{ device: { id: string; name: string }; changed: string[]; unchanged: string[] }>;
  listRoutes(device?: string): Promise<FieldDeviceRoutesValue[]>;
}

/**
 * Runs `fn` against the database: through the running server when the embedded PGlite is in
 * use and a server answers (PGlite allows one process only), otherwise opened here.
 */
export async function withTarget(
  config: ServerConfig,
  env: NodeJS.ProcessEnv,
  fn: (target: AdminTarget) => Promise<void>,
): Promise<void> {
  if (config.databaseUrl === null) {
    const endpoint = await readLocalAdminFile(config.dataDir);
    if (endpoint !== null && (await isServerAnswering(endpoint))) {
      await fn({
        createCode: (input) => createEnrollmentCodeViaServer(endpoint, input),
        devices: () => listDevicesViaServer(endpoint),
        revoke: async (id) => {
          try {
            return (await revokeDeviceViaServer(endpoint, id)).outcome;
          } catch (error) {
            if (error instanceof AdminRequestError && error.code === 'not-found') return 'not-found';
            throw error;
          }
        },
        importEvents: (fileText) => importEventsViaServer(endpoint, parseExportJson(fileText)),
        importBankFile: (file) => importBankFileViaServer(endpoint, file),
        pendingLiquidations: () => pendingLiquidationsViaServer(endpoint),
        changeRoutes: (action, device, routes) => changeRoutesViaServer(endpoint, action, { device, routes }),
        listRoutes: (device) => listRoutesViaServer(endpoint, device),
      });
      return;
    }
  }
  // Logs go to stderr at warn: stdout is for the person reading the answer.
  const database = await openServerDatabase(config, { logger: createServerLogger('warn', pino.destination(2)) });
  try {
    await migrateServerDatabase(database.exec);
    await fn({
      createCode: async (input) => {
        const created = await createEnrollmentCode(database, input);
        return { code: created.code, expiresAt: created.expiresAt.toISOString() };
      },
      devices: async () =>
        (await listDevices(database)).map((d) => ({
          ...d,
          lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
          revokedAt: d.revokedAt?.toISOString() ?? null,
        })),
      revoke: (id) => revokeDevice(database, id),
      // The money rules the server applies to pushes (VENTANILLA_VOID_SCOPE, VENTANILLA_PAYMENT_MAX_AGE_DAYS).
      importEvents: (fileText) => importExportedEvents(database, fileText, loadMoneyRules(env)),
      importBankFile: (file) =>
        importBankFile(database.exec, {
          ...file,
          importedBy: 'admin-cli',
          now: new Date(),
          serviceCodes: config.wallet === undefined ? undefined : [config.wallet.recaudoGln],
        }),
      pendingLiquidations: () => listPendingLiquidations(database.exec),
      changeRoutes: async (action, device, routes) => {
        const change = await (action === 'assign' ? assignRoutes : unassignRoutes)(
          database,
          device,
          routes,
          'admin-cli',
        );
        return { device: change.device, changed: [...change.changed], unchanged: [...change.unchanged] };
      },
      listRoutes: async (device) =>
        (await listFieldDeviceRoutes(database, device)).map((d) => ({
          id: d.id,
          name: d.name,
          lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
          routes: d.routes.map((r) => ({ ...r, assignedAt: r.assignedAt.toISOString() })),
        })),
    });
  } finally {
    await database.close();
  }
}

/** The running server takes the file as JSON; a file that is not JSON is refused here, in the same words. */
function parseExportJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new EventImportError('El archivo no es JSON: no es una exportación de eventos de Ventanilla.');
  }
}
