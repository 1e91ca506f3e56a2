import type { FastifyInstance } from 'fastify';
import { ok } from '../../../src-shared/api/result';
import type { ServerDatabase } from '../../db/open';
import { exchangeEnrollmentCode } from '../../devices/enroll';
import type { Logger } from '../../logger';
import { apiRoutes } from '../api-route';

/** `device.enroll`: the only device-API route without a device token (routes.ts). */
export function enrollRoutes(app: FastifyInstance, database: ServerDatabase, deploymentId: string, log: Logger): void {
  const route = apiRoutes(app, { database, now: () => new Date() });
  route('device.enroll', async ({ code }, { request }) => {
    const result = await exchangeEnrollmentCode(database, code);
    if (!result.ok) {
      log.info({ reqId: request.id, reason: result.error.code }, 'Código de inscripción rechazado');
      return result;
    }
    const { deviceId, deviceName, mode, scope, office, receiptSeries, token } = result.value;
    log.info({ reqId: request.id, deviceId, deviceName, mode }, 'Dispositivo inscrito');
    return ok({ deviceId, deviceName, mode, scope, office, receiptSeries, token, deployment: { id: deploymentId } });
  });
}
