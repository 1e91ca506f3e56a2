import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../db/open';
import { deviceHello } from '../../devices/hello';
import type { SubscriberCounter } from '../../subscribers/subscriber-count';
import { deviceOf, requireDevice } from '../device-auth';
import type { HelloValue } from '../wire';

/**
 * Routes for enrolled devices. Registered as an encapsulated plugin so the token hook covers
 * every route added here and nothing outside it (enrollment, health).
 */
export function deviceRoutes(
  database: ServerDatabase,
  deploymentId: string,
  subscriberCount: SubscriberCounter,
): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    app.addHook('onRequest', requireDevice(database));

    app.get('/v1/device/hello', async (request) => {
      const value = await deviceHello(database, deviceOf(request), deploymentId, subscriberCount);
      return { ok: true, value: value satisfies HelloValue };
    });
  };
}
