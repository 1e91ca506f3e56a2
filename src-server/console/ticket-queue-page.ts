import type { TicketCategory } from '../../src-shared/tickets/ticket-categories';
import { ticketStateLabels, ticketStates } from '../../src-shared/tickets/ticket-states';
import { consolePage, consolePaths, type PageFrame } from './console-layout';
import { html, type Html } from './html';
import type { TicketAgent } from './ticket-console-queries';
import { categoryLabel, duration, dueStanding, shortWhen } from './ticket-format';
import { cursorText, type QueuePage } from './ticket-queue-queries';
import { ageChoices, queueHref, type QueueSearch } from './ticket-queue-search';

/** The ticket pages' own tabs: the queue, the figures, the requests waiting for their code. */
export function ticketTabs(active: 'queue' | 'summary' | 'drafts'): Html {
  const tab = (key: typeof active, href: string, label: string) =>
    html`<li><a href="${href}" ${key === active ? html`aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav class="subnav" aria-label="Tickets">
    <ul>
      ${tab('queue', consolePaths.tickets, 'Cola de tickets')}
      ${tab('summary', `${consolePaths.tickets}/resumen`, 'Resumen')}
      ${tab('drafts', `${consolePaths.tickets}/pendientes`, 'Solicitudes sin código (por teléfono)')}
    </ul>
  </nav>`;
}

/** «Tickets»: the queue an agent works from, filtered, 50 at a time. */
export function ticketQueuePage(
  frame: Omit<PageFrame, 'title' | 'active'>,
  view: {
    search: QueueSearch;
    page: QueuePage;
    categories: readonly TicketCategory[];
    agents: readonly TicketAgent[];
    now: Date;
    /** What was typed in «Ir al ticket» when no ticket has that number. */
    typedNumber?: string;
  },
): Html {
  const { search, page, categories, agents, now } = view;
  const me = frame.staff.username;
  const option = (value: string, label: string, selected: string) =>
    html`<option value="${value}" ${value === selected ? html`selected` : ''}>${label}</option>`;
  const fullName = new Map(agents.map((a) => [a.username, a.fullName]));
  const rows = page.rows.map((t) => {
    const due = dueStanding(t, now);
    const level = due.kind === 'overdue' ? 'down' : due.kind === 'soon' ? 'warn' : 'ok';
    return html`<tr class="standing-${level}">
      <td><a href="${consolePaths.tickets}/${t.number}" class="ticket-number">${t.number}</a></td>
      <td>${t.subject}<br /><span class="hint">${t.name}</span></td>
      <td>${categoryLabel(categories, t.category)}</td>
      <td>${ticketStateLabels[t.state]}</td>
      <td>
        ${
          t.assignee === null
            ? html`<span class="hint">Sin asignar</span>`
            : t.assignee === me
              ? html`<strong>Usted</strong>`
              : (fullName.get(t.assignee) ?? t.assignee)
        }
      </td>
      <td>
        hace ${duration(now.getTime() - t.createdAt.getTime())}<br /><span class="hint">${shortWhen(t.createdAt)}</span>
      </td>
      <td class="due due-${due.kind}" data-testid="vence">
        ${due.mark === null ? '' : html`<strong class="mark">${due.mark}</strong>`} ${due.text}
      </td>
    </tr>`;
  });
  const first = queueHref(consolePaths.tickets, search);
  const next = page.next === null ? null : queueHref(consolePaths.tickets, search, cursorText(page.next));
  return consolePage(
    { ...frame, title: 'Tickets', active: 'tickets' },
    html`${ticketTabs('queue')}
      <div class="queue-head">
        <h1>Cola de tickets</h1>
        <p class="quick">
          <a href="${consolePaths.tickets}?asignado=mios">Mis tickets</a> ·
          <a href="${consolePaths.tickets}?asignado=sin">Sin asignar</a> ·
          <a href="${consolePaths.tickets}?vencidos=1&amp;orden=vencimiento">Vencidos, el más atrasado primero</a> ·
          <a href="${consolePaths.tickets}?estado=solucion-propuesta">Esperando al ciudadano</a>
        </p>
        <form method="get" action="${consolePaths.tickets}" class="goto" role="search" aria-label="Ir a un ticket">
          <label class="inline"
            >Ir al ticket <span class="hint">(<kbd>Alt</kbd>+<kbd>B</kbd>)</span>
            <input
              name="numero"
              accesskey="b"
              placeholder="TK-2026-000123"
              maxlength="30"
              autocomplete="off"
              value="${view.typedNumber ?? ''}"
          /></label>
          <button type="submit">Abrir</button>
        </form>
      </div>
      <form
        method="get"
        action="${consolePaths.tickets}"
        class="filters compact"
        role="search"
        aria-label="Filtrar la cola"
      >
        <label
          >Estado
          <select name="estado">
            ${option('por-atender', 'Por atender', search.state)}
            ${ticketStates.map((s) => option(s, ticketStateLabels[s], search.state))}
            ${option('todos', 'Todos', search.state)}
          </select></label
        >
        <label
          >Categoría
          <select name="categoria">
            ${option('', 'Todas', search.category)} ${categories.map((c) => option(c.code, c.label, search.category))}
          </select></label
        >
        <label
          >Antigüedad
          <select name="antiguedad">
            ${option('', 'Cualquiera', search.age)} ${ageChoices.map((a) => option(a.value, a.label, search.age))}
          </select></label
        >
        <label
          >Asignado a
          <select name="asignado">
            ${option('', 'Cualquiera', search.assignee)} ${option('mios', 'Míos', search.assignee)}
            ${option('sin', 'Sin asignar', search.assignee)}
            ${agents.map((a) => option(`u:${a.username}`, a.fullName, search.assignee))}
          </select></label
        >
        <label
          >Correo del ciudadano
          <input name="correo" type="email" size="22" value="${search.email}" maxlength="254" autocomplete="off"
        /></label>
        <label class="radio"
          ><input type="checkbox" name="vencidos" value="1" ${search.overdueOnly ? html`checked` : ''} /> Solo
          vencidos</label
        >
        <label
          >Orden
          <select name="orden">
            ${option('recientes', 'Más recientes primero', search.order === 'due' ? 'vencimiento' : 'recientes')}
            ${option('vencimiento', 'Más vencidos primero', search.order === 'due' ? 'vencimiento' : 'recientes')}
          </select></label
        >
        <button type="submit">Filtrar</button>
        <a href="${consolePaths.tickets}">Quitar filtros</a>
      </form>
      ${
        rows.length === 0
          ? html`<p class="notice ok" role="status">
              ${search.after === null ? 'No hay tickets con estos filtros.' : 'No hay más tickets con estos filtros.'}
            </p>`
          : html`<table class="queue">
              <caption class="hint">
                ${
                  search.order === 'due'
                    ? 'Primero los que esperan su primera respuesta, el más vencido arriba; después los ya respondidos.'
                    : 'Los más recientes primero.'
                }
                «Por atender»: abierto, en atención o reabierto. «Vencido»: sin primera respuesta a tiempo. 50 por
                página.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Ticket</th>
                  <th scope="col">Asunto y ciudadano</th>
                  <th scope="col">Categoría</th>
                  <th scope="col">Estado</th>
                  <th scope="col">Asignado a</th>
                  <th scope="col">Creado</th>
                  <th scope="col">Primera respuesta</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`
      }
      <nav class="pages" aria-label="Páginas">
        ${search.after === null ? '' : html`<a href="${first}">← Primera página</a>`}
        ${next === null ? '' : html`<a href="${next}" rel="next">Siguientes 50 →</a>`}
      </nav>`,
  );
}
