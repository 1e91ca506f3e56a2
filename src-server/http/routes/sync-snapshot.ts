import type { FastifyInstance } from 'fastify';
import { err, ok } from '../../../src-shared/api/result';
import type { ServerDatabase } from '../../db/open';
import { readDeviceRoutes } from '../../devices/device-routes';
import type { Logger } from '../../logger';
import type { FeedRoutes } from '../../sync/feed-reader';
import { latestSeq } from '../../sync/feed-reader';
import { currentEpoch } from '../../sync/feed-epoch';
import { feedPolicies } from '../../sync/feed-policy';
import { readSnapshotPart, snapshotCounts, SnapshotRequestError } from '../../sync/snapshot-reader';
import { apiRoutes } from '../api-route';

/**
 * The first download of a large replica (src-shared/server-api/snapshot-api.ts). What a device
 * receives is decided here from its enrolled mode and its assigned routes, never from what it
 * asks: it names a table and columns, and is refused any its mode may not hold.
 */
export function snapshotRoutes(
  database: ServerDatabase,
  deploymentId: string,
  log: Logger,
): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    const route = apiRoutes(app, { database, now: () => new Date() });
    const routesOf = (device: { id: string; mode: string }): Promise<FeedRoutes> =>
      device.mode === 'field' ? readDeviceRoutes(database.exec, device.id) : Promise.resolve(null);

    route('sync.snapshot', async (_query, { device }) => {
      // The cursor first: every change up to it is committed (the feed lock), so rows read
      // afterwards hold it or something newer, which the feed after it replays.
      const cursor = await latestSeq(database.exec);
      const routes = await routesOf(device);
      const tables = await snapshotCounts(database.exec, routes, feedPolicies[device.mode]);
      log.info({ deviceId: device.id, cursor, rows: tables.reduce((n, t) => n + t.rows, 0) }, 'snapshot started');
      return ok({
        deployment: { id: deploymentId },
        epoch: await currentEpoch(database.exec),
        serverTime: new Date().toISOString(),
        cursor: String(cursor),
        routes: routes === null ? null : [...routes],
        tables,
      });
    });

    route('sync.snapshotPart', async (query, { device }) => {
      const policy = feedPolicies[device.mode];
      if (!policy.tables.includes(query.table)) return err('forbidden', 'Este equipo no guarda esa tabla.');
      let part;
      try {
        part = await readSnapshotPart(
          database.exec,
          { table: query.table, after: query.after ?? null, limit: query.limit, columns: query.columns.split(',') },
          await routesOf(device),
          policy,
        );
      } catch (error) {
        if (error instanceof SnapshotRequestError) {
          log.warn({ deviceId: device.id, table: query.table }, 'snapshot part refused: %s', error.message);
          return err('validation', error.message);
        }
        throw error;
      }
      const header = JSON.stringify({
        epoch: await currentEpoch(database.exec),
        table: query.table,
        count: part.count,
        last: part.last,
        done: part.count < query.limit,
        sha256: part.sha256,
      });
      // `rows` last and spliced in as text: the device hashes exactly what follows `"rows":`.
      return ok({ json: `${header.slice(0, -1)},"rows":${part.rowsJson}}` });
    });
  };
}
