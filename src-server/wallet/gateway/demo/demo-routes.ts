import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Logger } from '../../../logger';
import { integritySignature } from '../signatures';
import type { DemoGateway } from './demo-gateway';
import { checkoutPage, demoPagePolicy, problemPage, resultPage, type CheckoutFields } from './demo-pages';
import { DEMO_PATH, DEMO_PUBLIC_KEY } from './demo-paths';

export interface DemoRouteDeps {
  readonly gateway: DemoGateway;
  readonly integritySecret: string;
  readonly log: Logger;
}

const Cents = z.coerce.number().int().positive().max(100_000_000_00);
const Reference = z.string().min(1).max(100);
const Hex = z.string().regex(/^[0-9a-fA-F]{64}$/);

/** What Wompi's checkout URL carries (`?public-key=…&signature:integrity=…`), under our names once read. */
const CheckoutQuery = z.object({
  'public-key': z.literal(DEMO_PUBLIC_KEY),
  currency: z.literal('COP'),
  'amount-in-cents': Cents,
  reference: Reference,
  'signature:integrity': Hex,
  'redirect-url': z.string().max(500).optional(),
});

const PayForm = z.object({
  reference: Reference,
  'amount-in-cents': Cents,
  currency: z.literal('COP'),
  signature: Hex,
  'redirect-url': z.string().max(500).optional(),
  token: z.string().min(1).max(100),
  decision: z.enum(['aprobar', 'rechazar', 'pendiente']),
});

const SettleForm = z.object({
  token: z.string().min(1).max(100),
  'redirect-url': z.string().max(500).optional(),
  decision: z.enum(['aprobar', 'rechazar']),
});

/**
 * The demo gateway's routes (docs/payment-gateway.md), served by the central server itself
 * when no Wompi keys are configured:
 *
 * - `GET  /pasarela-demo/checkout?…`: the checkout page, for a link whose integrity signature holds.
 * - `POST /pasarela-demo/pagar`: the citizen's choice → a transaction and its signed event.
 * - `POST /pasarela-demo/transacciones/:id/decision`: settles one left pending.
 * - `GET  /pasarela-demo/transacciones/:id` and `?reference=`: the poll's answers, in Wompi's shape.
 *
 * Forms carry a token only our page holds (an HMAC of the checkout), and a cross-site POST is
 * refused, so another site cannot approve or decline on a citizen's behalf.
 */
export function demoGatewayRoutes(deps: DemoRouteDeps): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 8 * 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    app.get(`${DEMO_PATH}/checkout`, async (request, reply) => {
      const query = CheckoutQuery.safeParse(request.query);
      if (!query.success) return html(reply, 400, linkProblem());
      const fields: CheckoutFields = {
        reference: query.data.reference,
        amountInCents: query.data['amount-in-cents'],
        currency: query.data.currency,
        signature: query.data['signature:integrity'],
        redirectUrl: safeRedirect(query.data['redirect-url']),
      };
      if (!signatureHolds(fields, deps.integritySecret)) return html(reply, 400, linkProblem());
      return html(reply, 200, checkoutPage(fields, deps.gateway.formToken(checkoutSubject(fields))));
    });

    app.post(`${DEMO_PATH}/pagar`, async (request, reply) => {
      if (crossSite(request)) return html(reply, 403, formProblem());
      const form = PayForm.safeParse(request.body);
      if (!form.success) return html(reply, 400, formProblem());
      const fields: CheckoutFields = {
        reference: form.data.reference,
        amountInCents: form.data['amount-in-cents'],
        currency: form.data.currency,
        signature: form.data.signature,
        redirectUrl: safeRedirect(form.data['redirect-url']),
      };
      if (
        !signatureHolds(fields, deps.integritySecret) ||
        !deps.gateway.checkFormToken(checkoutSubject(fields), form.data.token)
      )
        return html(reply, 403, formProblem());
      const outcome = deps.gateway.pay(fields, form.data.decision);
      if (!outcome.ok) return html(reply, 409, alreadyPaid());
      deps.log.info(
        { transaction: outcome.transaction.id, reference: fields.reference, status: outcome.transaction.status },
        'demo gateway transaction',
      );
      return html(
        reply,
        200,
        resultPage(outcome.transaction, deps.gateway.formToken(`tx:${outcome.transaction.id}`), fields.redirectUrl),
      );
    });

    app.post<{ Params: { id: string } }>(`${DEMO_PATH}/transacciones/:id/decision`, async (request, reply) => {
      if (crossSite(request)) return html(reply, 403, formProblem());
      const form = SettleForm.safeParse(request.body);
      if (!form.success || !deps.gateway.checkFormToken(`tx:${request.params.id}`, form.data.token))
        return html(reply, 403, formProblem());
      const outcome = deps.gateway.settle(request.params.id, form.data.decision);
      if (!outcome.ok)
        return html(
          reply,
          409,
          outcome.reason === 'already-paid'
            ? alreadyPaid()
            : problemPage('Este pago ya se resolvió', 'La transacción ya no está pendiente.'),
        );
      deps.log.info(
        { transaction: outcome.transaction.id, status: outcome.transaction.status },
        'demo gateway transaction settled',
      );
      return html(
        reply,
        200,
        resultPage(outcome.transaction, form.data.token, safeRedirect(form.data['redirect-url'])),
      );
    });

    app.get<{ Params: { id: string } }>(`${DEMO_PATH}/transacciones/:id`, async (request, reply) => {
      const transaction = deps.gateway.get(request.params.id);
      reply.header('cache-control', 'no-store');
      if (transaction === undefined)
        return reply.code(404).send({ error: { type: 'NOT_FOUND_ERROR', reason: 'La transacción no existe.' } });
      return reply.send({ data: transaction });
    });

    app.get<{ Querystring: { reference?: string } }>(`${DEMO_PATH}/transacciones`, async (request, reply) => {
      const reference = Reference.safeParse(request.query.reference);
      reply.header('cache-control', 'no-store');
      if (!reference.success)
        return reply.code(422).send({ error: { type: 'INPUT_VALIDATION_ERROR', reason: 'Falta la referencia.' } });
      return reply.send({ data: deps.gateway.byReference(reference.data) });
    });
  };
}

const checkoutSubject = (fields: CheckoutFields): string =>
  `checkout:${fields.reference}:${fields.amountInCents}:${fields.currency}`;

function signatureHolds(fields: CheckoutFields, integritySecret: string): boolean {
  const expected = integritySignature(
    { reference: fields.reference, amountInCents: fields.amountInCents, currency: fields.currency },
    integritySecret,
  );
  return expected === fields.signature.toLowerCase();
}

/** Only an http(s) address is offered as the way back; anything else (javascript:, data:) is dropped. */
function safeRedirect(value: string | undefined): string | null {
  if (value === undefined || value === '' || !URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
}

/** A browser says where a form came from; another site's page is refused before the token is even read. */
function crossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return true;
  // `Origin: null` comes from privacy settings as well as from sandboxes: the token decides those.
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || origin === 'null') return false;
  return !URL.canParse(origin) || new URL(origin).host !== request.host;
}

const linkProblem = () =>
  problemPage(
    'Este enlace de pago no es válido',
    'El enlace está incompleto o fue modificado. Vuelva al kiosco y abra el pago otra vez desde el código QR.',
  );

const formProblem = () =>
  problemPage(
    'No se pudo registrar la elección',
    'Esta página de pago no es la que abrió el kiosco o fue modificada. Vuelva a abrir el pago desde el código QR.',
  );

const alreadyPaid = () =>
  problemPage('Esta referencia ya fue pagada', 'El pago de esta referencia ya fue aprobado; no se cobra otra vez.');

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', demoPagePolicy)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('x-frame-options', 'DENY')
    .header('cross-origin-opener-policy', 'same-origin')
    .send(body);
}
