import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServerDatabase } from '../../db/open';
import type { Logger } from '../../logger';
import { applyGatewayNews } from './apply-gateway-event';
import { GatewayEventEnvelope, GatewayTransaction } from './gateway-event';
import type { GatewayOptions } from './gateway-options';
import { sameHex, verifyEvent } from './signatures';
import { refusedEventsWait, countRefusedEvent } from './webhook-throttle';

/** The URL to register at the gateway as the events URL (docs/payment-gateway.md). */
export const GATEWAY_EVENTS_PATH = '/pasarela/eventos';

export interface WebhookDeps {
  readonly database: ServerDatabase;
  readonly eventsSecret: string;
  readonly log: Logger;
  readonly now: () => Date;
  readonly options: GatewayOptions;
}

/**
 * `POST /pasarela/eventos`: the gateway's `transaction.updated` events. No session: the
 * checksum is the authentication. Steps:
 *
 * 1. An address that sent many refused events waits (429) before anything is read.
 * 2. The envelope is parsed; its checksum (body, and the X-Event-Checksum header when sent) is
 *    verified over the properties the event lists, and its timestamp must be within 5 min.
 *    A refusal writes nothing, counts against the address, and is logged without the body.
 * 3. A verified event is applied (apply-gateway-event.ts) and answered 200 — duplicates, unknown
 *    references and mismatches too, so the gateway stops retrying what will never change.
 *    Only a failure to write answers 500, so the gateway tries again.
 */
export function gatewayWebhookRoute(deps: WebhookDeps): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    app.post(GATEWAY_EVENTS_PATH, { bodyLimit: 64 * 1024 }, async (request, reply) => {
      const now = deps.now();
      const wait = await refusedEventsWait(deps.database.exec, request.ip, now);
      if (wait > 0) {
        return reply
          .code(429)
          .header('retry-after', String(Math.ceil(wait / 1000)))
          .send({
            ok: false,
            error: { code: 'locked', message: 'Demasiados eventos rechazados desde esta dirección.' },
          });
      }
      const envelope = GatewayEventEnvelope.safeParse(request.body);
      const refusal = envelope.success
        ? refusalOf(envelope.data, request.headers['x-event-checksum'], deps.eventsSecret, now)
        : 'malformed';
      if (refusal !== null || !envelope.success) {
        await countRefusedEvent(deps.database.exec, request.ip, now);
        deps.log.warn({ ip: request.ip, reason: refusal ?? 'malformed' }, 'gateway event refused');
        return refuse(reply, refusal ?? 'malformed');
      }
      const event = envelope.data;
      if (event.event !== 'transaction.updated') {
        deps.log.info({ event: event.event }, 'gateway event of another kind ignored');
        return reply.code(200).send({ ok: true, outcome: 'ignored' });
      }
      const transaction = GatewayTransaction.safeParse(event.data.transaction);
      if (!transaction.success) {
        // Signed by the gateway yet unreadable to us: retrying would not change it; the poll may.
        deps.log.error(
          { issues: transaction.error.issues.length },
          'verified gateway event with an unreadable transaction',
        );
        return reply.code(200).send({ ok: true, outcome: 'unreadable' });
      }
      const result = await applyGatewayNews(deps.database.exec, transaction.data, 'webhook', now);
      deps.options.afterEventCommitted?.();
      const log =
        result.outcome === 'mismatch' || result.outcome === 'unknown-reference' ? deps.log.warn : deps.log.info;
      log.call(
        deps.log,
        {
          transaction: transaction.data.id,
          reference: transaction.data.reference,
          status: transaction.data.status,
          outcome: result.outcome,
        },
        'gateway event applied',
      );
      return reply.code(200).send({ ok: true, outcome: result.outcome });
    });
  };
}

type Refusal = 'malformed' | 'header-mismatch' | 'bad-checksum' | 'stale' | 'unsignable';

/** Why a parsed event is refused, or null when its checksum (body and header) holds and it is recent. */
function refusalOf(
  event: GatewayEventEnvelope,
  header: string | string[] | undefined,
  eventsSecret: string,
  now: Date,
): Refusal | null {
  if (header !== undefined && (typeof header !== 'string' || !sameHex(event.signature.checksum, header)))
    return 'header-mismatch';
  const verdict = verifyEvent(event, eventsSecret, now);
  return verdict.ok ? null : verdict.reason;
}

function refuse(reply: FastifyReply, reason: Refusal): FastifyReply {
  const status = reason === 'malformed' ? 400 : 401;
  return reply.code(status).send({
    ok: false,
    error: {
      code: status === 400 ? 'validation' : 'wrong-credentials',
      message:
        status === 400
          ? 'El evento de la pasarela no tiene la forma esperada.'
          : 'La firma del evento no es válida o el evento es demasiado antiguo.',
    },
  });
}
