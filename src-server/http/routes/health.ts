import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../db/open';
import type { Logger } from '../../logger';
import type { HealthBody } from '../wire';

/**
 * For load balancers and the app's status strip: 200 only when the database answers, so an
 * instance that lost its database is taken out of rotation (503) instead of failing requests.
 */
export function healthRoutes(app: FastifyInstance, database: ServerDatabase, log: Logger): void {
  app.get('/health', async (_request, reply) => {
    const time = new Date().toISOString();
    try {
      await database.exec.query('select 1');
      return { status: 'ok', database: database.kind, time } satisfies HealthBody;
    } catch (error) {
      log.error({ err: error }, 'La base de datos no responde a /health');
      return reply.code(503).send({ status: 'unavailable', database: database.kind, time } satisfies HealthBody);
    }
  });
}
