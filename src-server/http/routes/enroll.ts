import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../db/open';
import { exchangeEnrollmentCode } from '../../devices/enroll';
import type { Logger } from '../../logger';
import { parseBody, sendApiError } from '../errors';
import { EnrollRequest, type EnrollValue } from '../wire';

/** `POST /v1/enroll {code}`: the only `/v1` route without a device token. */
export function enrollRoutes(app: FastifyInstance, database: ServerDatabase, deploymentId: string, log: Logger): void {
  app.post('/v1/enroll', async (request, reply) => {
    const { code } = parseBody(EnrollRequest, request.body);
    const result = await exchangeEnrollmentCode(database, code);
    if (!result.ok) {
      log.info({ reqId: request.id, reason: result.error.code }, 'Código de inscripción rechazado');
      return sendApiError(reply, result.error);
    }
    const { deviceId, deviceName, mode, scope, office, receiptSeries, token } = result.value;
    log.info({ reqId: request.id, deviceId, deviceName, mode }, 'Dispositivo inscrito');
    return { ok: true, value: { deviceId, deviceName, mode, scope, office, receiptSeries, token, deployment: { id: deploymentId } } satisfies EnrollValue };
  });
}
