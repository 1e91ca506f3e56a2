import { ticketStateLabels } from '../../src-shared/tickets/ticket-states';
import { consolePage, consolePaths, type PageFrame } from './console-layout';
import { formatBogotaShortDate } from '../../src-shared/domain/bogota-time';
import { html, type Html } from './html';
import type { TicketAgent } from './ticket-console-queries';
import { dashboardDays, openStates, type TicketDashboard } from './ticket-dashboard-queries';
import { duration } from './ticket-format';
import { ticketTabs } from './ticket-queue-page';

const count = (n: number): string => n.toLocaleString('es-CO');

/** «Resumen»: open tickets by state, the overdue, each agent's load, and the last 30 days' figures. */
export function ticketSummaryPage(
  frame: Omit<PageFrame, 'title' | 'active'>,
  d: TicketDashboard,
  agents: readonly TicketAgent[],
): Html {
  const fullName = new Map(agents.map((a) => [a.username, a.fullName]));
  const stateCards = openStates.map(
    (s) =>
      html`<li class="card">
        <a href="${consolePaths.tickets}?estado=${s}">
          <span class="figure" data-testid="abiertos-${s}">${count(d.openByState.get(s) ?? 0)}</span>
          <span>${ticketStateLabels[s]}</span>
        </a>
      </li>`,
  );
  const load = d.byAssignee.map(
    (a) =>
      html`<tr>
        <td>
          ${
            a.assignee === null
              ? html`<a href="${consolePaths.tickets}?asignado=sin">Sin asignar</a>`
              : html`<a href="${consolePaths.tickets}?asignado=u:${encodeURIComponent(a.assignee)}"
                  >${fullName.get(a.assignee) ?? a.assignee} (${a.assignee})</a
                >`
          }
        </td>
        <td class="num" data-testid="carga-${a.assignee ?? 'sin-asignar'}">${count(a.count)}</td>
      </tr>`,
  );
  const waiting = d.created - d.replied;
  return consolePage(
    { ...frame, title: 'Resumen de tickets', active: 'tickets' },
    html`${ticketTabs('summary')}
      <h1>Resumen de tickets</h1>
      <h2>Abiertos por estado</h2>
      <ul class="cards">
        ${stateCards}
        <li class="card ${d.overdue > 0 ? 'alert' : ''}">
          <a href="${consolePaths.tickets}?vencidos=1&amp;orden=vencimiento">
            <span class="figure" data-testid="vencidos">${count(d.overdue)}</span>
            <span>Vencidos sin primera respuesta</span>
          </a>
        </li>
      </ul>
      <h2>Últimos ${dashboardDays} días</h2>
      <p class="hint">
        ${count(d.created)} ${d.created === 1 ? 'ticket creado' : 'tickets creados'} desde el
        ${formatBogotaShortDate(d.since)}.
      </p>
      <ul class="cards">
        <li class="card">
          <span class="figure" data-testid="mediana">
            ${d.medianFirstReplyMs === null ? '—' : duration(d.medianFirstReplyMs)}
          </span>
          <span>Mediana hasta la primera respuesta</span>
          <span class="hint" data-testid="respondidos">
            de ${count(d.replied)}
            ${d.replied === 1 ? 'ticket respondido' : 'tickets respondidos'}${
              waiting > 0
                ? html`; <strong>${count(waiting)}</strong> ${waiting === 1 ? 'espera' : 'esperan'} todavía`
                : ''
            }
          </span>
        </li>
        <li class="card">
          <span class="figure" data-testid="satisfaccion">
            ${
              d.ratingAverage === null
                ? '—'
                : `${d.ratingAverage.toLocaleString('es-CO', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} de 5`
            }
          </span>
          <span>Satisfacción promedio</span>
          <span class="hint">${count(d.rated)} ${d.rated === 1 ? 'calificación' : 'calificaciones'}</span>
        </li>
      </ul>
      <h2>Por atender, por agente</h2>
      ${
        load.length === 0
          ? html`<p class="notice ok" role="status">No hay tickets por atender.</p>`
          : html`<table class="narrow">
              <thead>
                <tr>
                  <th scope="col">Asignado a</th>
                  <th scope="col" class="num">Tickets por atender</th>
                </tr>
              </thead>
              <tbody>
                ${load}
              </tbody>
            </table>`
      }`,
  );
}
