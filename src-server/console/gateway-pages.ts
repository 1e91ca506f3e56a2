import { gatewayStatuses } from '../../src-shared/wallet/liquidation';
import { consolePage, consolePaths, type PageFrame } from './console-layout';
import { pesos, when } from './console-format';
import type { GatewayEventView, GatewayTransactionView } from './gateway-queries';
import { html, type Html } from './html';

const eventOutcomeLabel: Record<string, string> = {
  applied: 'Abonado',
  'status-only': 'Solo cambio de estado',
  mismatch: 'No coincide (en revisión)',
  'unknown-reference': 'Referencia desconocida',
};

/** Cents to pesos for display: COP at the gateway carries two decimals that are always zero. */
const gatewayAmount = (cents: number, currency: string): string =>
  currency === 'COP' && cents % 100 === 0 ? pesos(cents / 100) : `${(cents / 100).toFixed(2)} ${currency}`;

export function transactionsPage(
  frame: Omit<PageFrame, 'title' | 'active'>,
  status: string,
  rows: readonly GatewayTransactionView[],
): Html {
  const statuses = ['CREATED', ...gatewayStatuses].map(
    (s) => html`<option value="${s}" ${s === status ? html` selected` : ''}>${s}</option>`,
  );
  const body = rows.map(
    (t) =>
      html`<tr>
        <td><a href="${consolePaths.transactions}/${encodeURIComponent(t.reference)}">${t.reference}</a></td>
        <td><a href="${consolePaths.liquidations}/${t.liquidationNumber}">${t.liquidationNumber}</a></td>
        <td class="num">${gatewayAmount(t.amountInCents, t.currency)}</td>
        <td>${t.status}</td>
        <td>${t.transactionId ?? '—'}</td>
        <td>${when(t.createdAt)}</td>
        <td>${when(t.updatedAt)}</td>
      </tr>`,
  );
  return consolePage(
    { ...frame, title: 'Transacciones en línea', active: 'transactions' },
    html`<h1>Transacciones en línea</h1>
      <form method="get" action="${consolePaths.transactions}" class="filters">
        <label
          >Estado
          <select name="estado">
            <option value="">Todos</option>
            ${statuses}
          </select></label
        >
        <button type="submit">Filtrar</button>
      </form>
      <p class="hint">Cada intento de pago abierto en la pasarela, el más reciente primero (hasta 200).</p>
      ${
        rows.length === 0
          ? html`<p class="hint">No hay transacciones.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Referencia</th>
                  <th>Liquidación</th>
                  <th class="num">Valor</th>
                  <th>Estado</th>
                  <th>Id. en la pasarela</th>
                  <th>Creada</th>
                  <th>Actualizada</th>
                </tr>
              </thead>
              <tbody>
                ${body}
              </tbody>
            </table>`
      }`,
  );
}

export function transactionPage(
  frame: Omit<PageFrame, 'title' | 'active'>,
  t: GatewayTransactionView,
  events: readonly GatewayEventView[],
): Html {
  const rows = events.map(
    (e) =>
      html`<tr>
        <td>${when(e.receivedAt)}</td>
        <td>${e.status}</td>
        <td>${eventOutcomeLabel[e.outcome] ?? e.outcome}</td>
        <td>${e.source === 'poll' ? 'Consulta a la pasarela' : 'Aviso de la pasarela'}</td>
        <td><code>${e.transactionId}</code></td>
      </tr>`,
  );
  return consolePage(
    { ...frame, title: `Transacción ${t.reference}`, active: 'transactions' },
    html`<p><a href="${consolePaths.transactions}">← Transacciones en línea</a></p>
      <h1>Transacción ${t.reference}</h1>
      <dl class="facts">
        <dt>Liquidación</dt>
        <dd><a href="${consolePaths.liquidations}/${t.liquidationNumber}">${t.liquidationNumber}</a></dd>
        <dt>Valor</dt>
        <dd>${gatewayAmount(t.amountInCents, t.currency)}</dd>
        <dt>Estado</dt>
        <dd>${t.status}</dd>
        <dt>Id. en la pasarela</dt>
        <dd>${t.transactionId ?? '—'}</dd>
        <dt>Creada</dt>
        <dd>${when(t.createdAt)}</dd>
        <dt>Actualizada</dt>
        <dd>${when(t.updatedAt)}</dd>
      </dl>
      <h2>Eventos verificados</h2>
      ${
        rows.length === 0
          ? html`<p class="hint">La pasarela no ha informado nada de esta transacción.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Recibido</th>
                  <th>Estado</th>
                  <th>Resultado</th>
                  <th>Fuente</th>
                  <th>Transacción</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`
      }`,
  );
}
