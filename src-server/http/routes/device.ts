import type { FastifyInstance } from 'fastify';
import { ok } from '../../../src-shared/api/result';
import type { ServerDatabase } from '../../db/open';
import { DeviceReports } from '../../devices/device-report';
import { deviceHello } from '../../devices/hello';
import type { Logger } from '../../logger';
import type { SubscriberCounter } from '../../subscribers/subscriber-count';
import { apiRoutes } from '../api-route';

/** Routes for enrolled devices about themselves; the map (routes.ts) gives each its device-token check. */
export function deviceRoutes(
  database: ServerDatabase,
  deploymentId: string,
  subscriberCount: SubscriberCounter,
  log: Logger,
): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    const route = apiRoutes(app, { database, now: () => new Date() });
    // PGlite runs one statement at a time: a second batch in flight would only wait, holding fewer heartbeats.
    const reports = new DeviceReports(database.exec, log, { concurrency: database.kind === 'pglite' ? 1 : 2 });
    route('device.hello', async (_input, { device }) =>
      ok(await deviceHello(database, device, deploymentId, subscriberCount)),
    );
    // The heartbeat checks its token in the statement that writes it, with others arriving at once (issue 18).
    route.checkingOwnToken('device.report', async (report, { token }) => {
      const value = await reports.record(token, report, new Date());
      return value === null ? null : ok(value);
    });
  };
}
