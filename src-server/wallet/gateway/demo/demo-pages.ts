import { createHash } from 'node:crypto';
import { formatCop } from '../../../../src-shared/domain/money';
import { escapeHtml } from '../../../mail/html-escape';
import type { GatewayTransaction } from '../gateway-event';

/**
 * The demo gateway's pages (docs/payment-gateway.md): plain HTML forms, no script at all; the
 * one style sheet is allowed by its hash, so the policy needs no 'unsafe-inline'. Every value
 * from the request is escaped.
 */

export const DEMO_BANNER = 'Pasarela de demostración — no se cobra dinero real';

const styles = `body{font-family:system-ui,sans-serif;font-size:1.15rem;line-height:1.5;margin:0;color:#14213a;background:#f4f6fa}
main{max-width:32rem;margin:0 auto;padding:1.5rem}
.banner{background:#7a2e00;color:#fff;padding:1rem 1.5rem;font-weight:700;text-align:center}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0;word-break:break-all}
form{display:grid;gap:.75rem;margin-top:1.5rem}
button{font:inherit;font-weight:600;min-height:64px;border:0;border-radius:.5rem;cursor:pointer;color:#fff}
.aprobar{background:#0b6b2e}.rechazar{background:#a4161a}.pendiente{background:#3d4a63}
a{color:#0b3d91}`;

const styleHash = createHash('sha256').update(styles, 'utf8').digest('base64');

/** Nothing loads but the style above; forms post only here; nobody frames the page. */
export const demoPagePolicy = `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;

export interface CheckoutFields {
  readonly reference: string;
  readonly amountInCents: number;
  readonly currency: string;
  readonly signature: string;
  readonly redirectUrl: string | null;
}

const pesos = (cents: number): string => formatCop(Math.floor(cents / 100));

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="es-CO">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<header><div class="banner" role="note">${DEMO_BANNER}</div></header>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

const hidden = (name: string, value: string): string =>
  `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;

/** The checkout: what is being paid, and the three outcomes a tester can choose. */
export function checkoutPage(fields: CheckoutFields, token: string): string {
  return page(
    'Pagar en línea',
    `<p>Este pago es de prueba: elija qué debe responder la pasarela.</p>
<dl>
<dt>Referencia</dt><dd data-testid="referencia">${escapeHtml(fields.reference)}</dd>
<dt>Valor</dt><dd data-testid="valor">${escapeHtml(pesos(fields.amountInCents))}</dd>
</dl>
<form method="post" action="/pasarela-demo/pagar">
${hidden('reference', fields.reference)}
${hidden('amount-in-cents', String(fields.amountInCents))}
${hidden('currency', fields.currency)}
${hidden('signature', fields.signature)}
${hidden('redirect-url', fields.redirectUrl ?? '')}
${hidden('token', token)}
<button class="aprobar" name="decision" value="aprobar">Aprobar pago</button>
<button class="rechazar" name="decision" value="rechazar">Rechazar pago</button>
<button class="pendiente" name="decision" value="pendiente">Dejar pendiente</button>
</form>`,
  );
}

const statusWords: Record<GatewayTransaction['status'], { title: string; text: string }> = {
  APPROVED: { title: 'Pago aprobado', text: 'La pasarela aprobó el pago. Vuelva al kiosco: allí verá la recarga.' },
  DECLINED: {
    title: 'Pago rechazado',
    text: 'La pasarela rechazó el pago. Puede intentarlo de nuevo desde el kiosco.',
  },
  PENDING: {
    title: 'Pago pendiente',
    text: 'El pago quedó pendiente, como cuando el banco aún no responde. Puede resolverlo aquí.',
  },
  VOIDED: { title: 'Pago anulado', text: 'La pasarela anuló el pago.' },
  ERROR: { title: 'Error en el pago', text: 'La pasarela no pudo procesar el pago.' },
};

/** After a choice: the transaction's status, and for a pending one the two ways to settle it. */
export function resultPage(transaction: GatewayTransaction, token: string, redirectUrl: string | null): string {
  const words = statusWords[transaction.status];
  const settle =
    transaction.status === 'PENDING'
      ? `<form method="post" action="/pasarela-demo/transacciones/${encodeURIComponent(transaction.id)}/decision">
${hidden('token', token)}
${hidden('redirect-url', redirectUrl ?? '')}
<button class="aprobar" name="decision" value="aprobar">Aprobar pago</button>
<button class="rechazar" name="decision" value="rechazar">Rechazar pago</button>
</form>`
      : '';
  const back = redirectUrl === null ? '' : `<p><a href="${escapeHtml(redirectUrl)}">Volver al comercio</a></p>`;
  return page(
    words.title,
    `<p data-testid="estado">${escapeHtml(words.text)}</p>
<dl>
<dt>Referencia</dt><dd>${escapeHtml(transaction.reference)}</dd>
<dt>Valor</dt><dd>${escapeHtml(pesos(transaction.amount_in_cents))}</dd>
<dt>Transacción</dt><dd>${escapeHtml(transaction.id)}</dd>
</dl>
${settle}${back}`,
  );
}

/** A refusal: a tampered or expired link, a form not from our page, a reference already paid. */
export function problemPage(title: string, text: string): string {
  return page(title, `<p>${escapeHtml(text)}</p>`);
}
