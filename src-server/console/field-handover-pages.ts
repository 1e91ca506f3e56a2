import { formatBogotaDay } from '../../src-shared/domain/bogota-time';
import { consolePage, consolePaths, type PageFrame } from './console-layout';
import { pesos, when } from './console-format';
import type { HandoverDetail, HandoverPage, HandoverRow } from './field-handover-queries';
import { handoverListHref, type HandoverSearch } from './field-handover-search';
import { html, type Html } from './html';

/**
 * «Entregas de recaudo» (docs/staff-console.md): the field collectors' handovers at the office,
 * newest first, and one handover's days beside the server's figures and the saldo a favor of
 * their payments. Supervisors and admins only (routes/field-handover-routes.ts).
 */

type Frame = Omit<PageFrame, 'title' | 'active'>;

/** A difference in words as well as colour: «Faltante $ 5.000», «Sobrante $ 2.000», «Sin diferencia». */
export function differenceCell(difference: number): Html {
  if (difference < 0) return html`<td class="num short"><strong>Faltante</strong> ${pesos(-difference)}</td>`;
  if (difference > 0) return html`<td class="num over">Sobrante ${pesos(difference)}</td>`;
  return html`<td class="num">Sin diferencia</td>`;
}

const person = (username: string, fullName: string | null): string =>
  fullName === null ? username : `${fullName} (${username})`;

const mismatch = html`<strong class="short">No coincide con el servidor</strong>`;

export function handoversPage(
  frame: Frame,
  search: HandoverSearch,
  collectors: ReadonlyArray<{ username: string; fullName: string | null }>,
  page: HandoverPage | null,
): Html {
  const options = collectors.map(
    (c) =>
      html`<option value="${c.username}" ${c.username === search.collector ? html` selected` : ''}>
        ${person(c.username, c.fullName)}
      </option>`,
  );
  return consolePage(
    { ...frame, title: 'Entregas de recaudo', active: 'handovers' },
    html`<h1>Entregas de recaudo</h1>
      <p class="hint">
        Cada entrega de un recaudador de campo en la oficina: lo que el portátil esperaba, lo que contó el supervisor
        que la recibió y la diferencia. Si los pagos de algún día no coinciden con los que recibió el servidor, la
        entrega lo dice. La más reciente primero, de a 50.
      </p>
      <form method="get" action="${consolePaths.handovers}" class="filters">
        <label>Desde <input type="date" name="desde" value="${search.from}" /></label>
        <label>Hasta <input type="date" name="hasta" value="${search.to}" /></label>
        <label
          >Recaudador
          <select name="recaudador">
            <option value="">Todos</option>
            ${options}
          </select></label
        >
        <button type="submit">Filtrar</button>
      </form>
      ${page === null ? '' : listOf(search, page)}`,
  );
}

function listOf(search: HandoverSearch, page: HandoverPage): Html {
  if (page.rows.length === 0) return html`<p class="hint">No hay entregas con estos filtros.</p>`;
  return html`<table>
      <thead>
        <tr>
          <th>Fecha y hora</th>
          <th>Equipo</th>
          <th>Recaudador</th>
          <th>Recibió</th>
          <th class="num">Días</th>
          <th class="num">Esperado</th>
          <th class="num">Contado</th>
          <th class="num">Diferencia</th>
          <th>Servidor</th>
        </tr>
      </thead>
      <tbody>
        ${page.rows.map(rowOf)}
      </tbody>
    </table>
    ${
      page.next === null
        ? ''
        : html`<p><a href="${handoverListHref(consolePaths.handovers, search, page.next)}">Entregas anteriores</a></p>`
    }`;
}

const rowOf = (h: HandoverRow): Html =>
  html`<tr>
    <td><a href="${consolePaths.handovers}/${h.id}">${when(h.handedAt)}</a></td>
    <td>${h.deviceName}${h.office === null ? '' : html`<br /><span class="hint">${h.office}</span>`}</td>
    <td>${h.collectorName ?? h.collector}</td>
    <td>${h.supervisorName ?? h.supervisor}</td>
    <td class="num">${h.days}</td>
    <td class="num">${pesos(h.expected)}</td>
    <td class="num">${pesos(h.counted)}</td>
    ${differenceCell(h.difference)}
    <td>${h.matchesServer ? 'Coincide' : mismatch}</td>
  </tr>`;

export function handoverPage(frame: Frame, detail: HandoverDetail): Html {
  const h = detail.handover;
  const days = detail.days;
  const sum = (pick: (d: (typeof days)[number]) => number): number => days.reduce((s, d) => s + pick(d), 0);
  const credits = detail.credits.filter((c) => !c.voided);
  const creditTotal = credits.reduce((s, c) => s + c.amount, 0);
  return consolePage(
    { ...frame, title: 'Entrega de recaudo', active: 'handovers' },
    html`<p><a href="${consolePaths.handovers}">← Entregas de recaudo</a></p>
      <h1>Entrega de recaudo del ${when(h.handedAt)}</h1>
      ${
        h.matchesServer
          ? ''
          : html`<p class="notice error" role="alert">
              <strong>No coincide con el servidor:</strong> en algún día los pagos o el valor que dice el portátil no
              son los que recibió el servidor. Revise los días marcados.
            </p>`
      }
      <dl class="facts">
        <dt>Equipo</dt>
        <dd>${h.deviceName}${h.office === null ? '' : ` — ${h.office}`}</dd>
        <dt>Recaudador</dt>
        <dd>${person(h.collector, h.collectorName)}</dd>
        <dt>Recibió</dt>
        <dd>${person(h.supervisor, h.supervisorName)}</dd>
        <dt>Registrada en el servidor</dt>
        <dd>${when(h.recordedAt)}</dd>
      </dl>
      <h2>Dinero</h2>
      <table class="narrow">
        <thead>
          <tr>
            <th></th>
            <th class="num">Esperado</th>
            <th class="num">Contado</th>
            <th class="num">Diferencia</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>Efectivo</th>
            <td class="num">${pesos(h.expectedCash)}</td>
            <td class="num">${pesos(h.countedCash)}</td>
            ${differenceCell(h.countedCash - h.expectedCash)}
          </tr>
          <tr>
            <th>Transferencias</th>
            <td class="num">${pesos(h.expectedTransfer)}</td>
            <td class="num">${pesos(h.countedTransfer)}</td>
            ${differenceCell(h.countedTransfer - h.expectedTransfer)}
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th>Total</th>
            <th class="num">${pesos(h.expected)}</th>
            <th class="num">${pesos(h.counted)}</th>
            ${differenceCell(h.difference)}
          </tr>
        </tfoot>
      </table>
      <h2>Días entregados</h2>
      <table>
        <thead>
          <tr>
            <th>Día</th>
            <th class="num">Pagos (portátil)</th>
            <th class="num">Pagos (servidor)</th>
            <th class="num">Valor (portátil)</th>
            <th class="num">Valor (servidor)</th>
            <th class="num">Efectivo</th>
            <th class="num">Transferencias</th>
            <th>Servidor</th>
          </tr>
        </thead>
        <tbody>
          ${days.map(
            (d) =>
              html`<tr>
                <td>${formatBogotaDay(d.openedAt)}</td>
                <td class="num">${d.payments}</td>
                <td class="num">${d.serverPayments}</td>
                <td class="num">${pesos(d.amount)}</td>
                <td class="num">${pesos(d.serverAmount)}</td>
                <td class="num">${pesos(d.cash)}</td>
                <td class="num">${pesos(d.transfer)}</td>
                <td>${d.payments === d.serverPayments && d.amount === d.serverAmount ? 'Coincide' : mismatch}</td>
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th>Total (${days.length} ${days.length === 1 ? 'día' : 'días'})</th>
            <th class="num">${sum((d) => d.payments)}</th>
            <th class="num">${sum((d) => d.serverPayments)}</th>
            <th class="num">${pesos(sum((d) => d.amount))}</th>
            <th class="num">${pesos(sum((d) => d.serverAmount))}</th>
            <th class="num">${pesos(sum((d) => d.cash))}</th>
            <th class="num">${pesos(sum((d) => d.transfer))}</th>
            <th></th>
          </tr>
        </tfoot>
      </table>
      <h2>Saldo a favor</h2>
      ${
        credits.length === 0
          ? html`<p class="hint">Ningún pago de estos días dejó saldo a favor.</p>`
          : html`<p class="hint">
                Lo que los pagos de estos días recibieron de más y quedó como saldo a favor del suscriptor.
              </p>
              <table>
                <thead>
                  <tr>
                    <th>Recibo</th>
                    <th>Código interno</th>
                    <th>Periodo</th>
                    <th class="num">Valor</th>
                    <th>Motivo</th>
                  </tr>
                </thead>
                <tbody>
                  ${credits.map(
                    (c) =>
                      html`<tr>
                        <td>${c.reference}</td>
                        <td>${c.codigoInterno}</td>
                        <td>${c.period}</td>
                        <td class="num">${pesos(c.amount)}</td>
                        <td>${c.reason}</td>
                      </tr>`,
                  )}
                </tbody>
                <tfoot>
                  <tr>
                    <th colspan="3">Total</th>
                    <th class="num">${pesos(creditTotal)}</th>
                    <th></th>
                  </tr>
                </tfoot>
              </table>`
      }`,
  );
}
