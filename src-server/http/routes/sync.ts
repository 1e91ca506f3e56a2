import type { FastifyInstance } from 'fastify';
import { err, ok } from '../../../src-shared/api/result';
import type { ServerDatabase } from '../../db/open';
import type { Logger } from '../../logger';
import { readDeviceRoutes } from '../../devices/device-routes';
import { countAfter, readFeedPage, type FeedRoutes } from '../../sync/feed-reader';
import { currentEpoch, renewEpoch } from '../../sync/feed-epoch';
import { feedPolicies } from '../../sync/feed-policy';
import type { FeedNotifier } from '../../sync/feed-notifier';
import { defaultMoneyRules, type MoneyRules } from '../../sync/money-rules';
import { applyPushBatch } from '../../sync/push-applier';
import { routeFigures } from '../../sync/route-checksum';
import { handoverFigures } from '../../sync/handover-figures';
import { apiRoutes } from '../api-route';

/**
 * Observers of the protocol's steps. Nothing in the product sets them; the fault tests use
 * `afterPushCommitted` to kill the server between its commit and its answer.
 */
export interface SyncHooks {
  readonly afterPushCommitted?: () => void;
}

/** The sync endpoints (docs/sync-protocol.md); the map (routes.ts) gives their paths, device-token check and body limit. */
export function syncRoutes(
  database: ServerDatabase,
  deploymentId: string,
  notifier: FeedNotifier,
  log: Logger,
  hooks: SyncHooks = {},
  rules: MoneyRules = defaultMoneyRules,
): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    const route = apiRoutes(app, { database, now: () => new Date() });

    route('sync.pull', async (query, { device, request }) => {
      // A field device replicates its routes only; read once per pull, never per row.
      const routesOf = async (): Promise<FeedRoutes> =>
        device.mode === 'field' ? readDeviceRoutes(database.exec, device.id) : null;
      let scope = await routesOf();
      const policy = feedPolicies[device.mode];
      const cursor = Number(query.cursor);
      // Taken before the page is read: a change announced meanwhile ends the wait at once.
      const announcements = notifier.announcements;
      let page = await readFeedPage(database, cursor, query.limit, scope, policy);
      let epoch = page.epoch;
      if (page.count === 0) {
        if (cursor > page.latest) {
          // A device has seen changes this database does not have: it was restored from a
          // backup and nobody renewed the epoch (npm run admin -- restored). Renewing it now
          // sends every device to download again before the feed's numbers are reused.
          epoch = await renewEpoch(database.exec, epoch);
          log.warn(
            { deviceId: device.id },
            'a device is ahead of the change feed: the database was restored; feed epoch renewed',
          );
        } else if (query.wait > 0) {
          // A device that hangs up ends the wait at once (its socket closes); the listener goes
          // with the wait, so a kept-alive socket carrying many polls does not collect them.
          const closed = new AbortController();
          const socket = request.raw.socket;
          const hungUp = () => closed.abort();
          socket.once('close', hungUp);
          try {
            // Waits beyond what the page covered: changes this device may not see wake it once.
            await notifier.waitBeyond(page.lastSeq, query.wait, closed.signal, announcements);
          } finally {
            socket.off('close', hungUp);
          }
          if (closed.signal.aborted) return ok({ json: '{}' });
          // Routes assigned during the wait apply to this answer already.
          scope = await routesOf();
          page = await readFeedPage(database, cursor, query.limit, scope, policy);
          epoch = page.epoch;
        }
      }
      const remaining = query.count === '1' ? await countAfter(database.exec, page.lastSeq, scope, policy) : null;
      const header = JSON.stringify({
        deployment: { id: deploymentId },
        epoch,
        serverTime: new Date().toISOString(),
        cursor: String(page.lastSeq),
        hasMore: page.full,
        remaining,
        // The device compares it with the routes its replica holds and re-scopes on a change.
        routes: scope,
      });
      // `changes` is spliced in as PostgreSQL wrote it (feed-reader.ts explains why); the map marks this answer prebuilt.
      return ok({ json: [`${header.slice(0, -1)},"changes":`, page.changesJson, '}'] });
    });

    route('sync.routeChecksum', async (_query, { device }) => {
      // Counters and kiosks hold the whole entity: they have no routes to prepare.
      if (device.mode !== 'field')
        return err(
          'forbidden',
          'Solo un equipo de campo prepara la salida: las cajas y los kioscos tienen todos los suscriptores.',
        );
      // The device's own assignment, read here: a device never names the routes it is answered for.
      const routes = await readDeviceRoutes(database.exec, device.id);
      const figures = await routeFigures(database.exec, routes);
      return ok({
        deployment: { id: deploymentId },
        serverTime: new Date().toISOString(),
        cursor: figures.cursor,
        routes,
        byRoute: figures.byRoute,
      });
    });

    route('field.handoverFigures', async (body, { device }) => {
      if (device.mode !== 'field')
        return err('forbidden', 'Solo un equipo de campo entrega recaudo: las cajas cierran su caja con el arqueo.');
      const figures = await handoverFigures(database.exec, device.id, body.sessions);
      return ok({ serverTime: new Date().toISOString(), ...figures });
    });

    route('sync.push', async (body, { device }) => {
      const results = await applyPushBatch(database, device, body.events, rules);
      hooks.afterPushCommitted?.();
      if (results.some((r) => r.status === 'applied')) notifier.changed();
      const rejected = results.filter((r) => r.status === 'rejected').length;
      if (rejected > 0) log.warn({ deviceId: device.id, rejected }, 'events rejected');
      return ok({
        deployment: { id: deploymentId },
        epoch: await currentEpoch(database.exec),
        serverTime: new Date().toISOString(),
        results,
      });
    });
  };
}
