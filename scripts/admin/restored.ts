import pino from 'pino';
import { isServerAnswering } from '../../src-server/admin/admin-client';
import { readLocalAdminFile } from '../../src-server/admin/local-admin-file';
import type { ServerConfig } from '../../src-server/config';
import { migrateServerDatabase } from '../../src-server/db/migrate';
import { openServerDatabase } from '../../src-server/db/open';
import { AdminInputError } from '../../src-server/devices/admin';
import { createServerLogger } from '../../src-server/logger';
import { renewEpoch } from '../../src-server/sync/feed-epoch';
import type { Print } from './output';

/**
 * After a restore from a backup: a new feed epoch, so every device downloads its replica again
 * and sends again what the restored database lost (src-server/sync/feed-epoch.ts). Run with the
 * server stopped, before it serves any device.
 */
export async function markRestored(config: ServerConfig, out: Print): Promise<void> {
  if (config.databaseUrl === null) {
    const endpoint = await readLocalAdminFile(config.dataDir);
    if (endpoint !== null && (await isServerAnswering(endpoint))) {
      throw new AdminInputError(
        'El servidor central está en marcha: deténgalo, restaure la copia y ejecute este comando antes de iniciarlo.',
      );
    }
  }
  const database = await openServerDatabase(config, { logger: createServerLogger('warn', pino.destination(2)) });
  try {
    await migrateServerDatabase(database.exec);
    await renewEpoch(database.exec);
    out(
      'Listo: al conectarse, cada equipo volverá a descargar sus datos y enviará de nuevo lo que el servidor no tenga.',
    );
  } finally {
    await database.close();
  }
}
