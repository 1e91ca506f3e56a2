import type { TicketCategory } from '../../src-shared/tickets/ticket-categories';
import { ticketStateLabels, type TicketState } from '../../src-shared/tickets/ticket-states';
import type { TicketDetail, TicketEventView } from '../tickets/ticket-queries';
import { consolePage, consolePaths, type PageFrame } from './console-layout';
import { when } from './console-format';
import { html, type Html } from './html';
import type { TicketAgent, TicketDevice } from './ticket-console-queries';
import { categoryLabel, channelText, dueStanding, eventTitle, fileSize, stars } from './ticket-format';
import { ticketTabs } from './ticket-queue-page';

/** The forms of a ticket's page, by the name of their text field. */
export type TicketForm = 'mensaje' | 'solucion' | 'nota';

/** What the agent typed, given back when an action was refused (nothing typed is lost). */
export interface TypedTicketForms {
  readonly mensaje?: string;
  readonly solucion?: string;
  readonly nota?: string;
  /** The form that was refused: its text is shown apart when the ticket no longer offers that form. */
  readonly refused?: TicketForm;
}

export interface TicketPageView {
  readonly ticket: TicketDetail;
  readonly device: TicketDevice | null;
  readonly categories: readonly TicketCategory[];
  readonly agents: readonly TicketAgent[];
  readonly now: Date;
  readonly typed?: TypedTicketForms;
  /** Attachment limits, for the reply form's hint. */
  readonly files: { readonly maxCount: number; readonly maxMegabytes: number; readonly accept: string };
}

const formLabel: Record<TicketForm, string> = {
  mensaje: 'Respuesta al ciudadano',
  solucion: 'Solución propuesta',
  nota: 'Nota interna',
};

const typeLabel: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
};

/** Which forms a ticket in this state offers (the state machine, src-shared/tickets/ticket-states.ts). */
function offered(state: TicketState): ReadonlySet<TicketForm | 'asignar'> {
  if (state === 'resuelto') return new Set(['nota']);
  if (state === 'solucion-propuesta') return new Set(['asignar', 'mensaje', 'nota']);
  return new Set(['asignar', 'mensaje', 'solucion', 'nota']);
}

/** A ticket whole for an agent: the citizen's data, the history with internal notes, and the actions. */
export function ticketPage(frame: Omit<PageFrame, 'title' | 'active'>, v: TicketPageView): Html {
  const t = v.ticket;
  const forms = offered(t.state);
  const names = new Map(v.agents.map((a) => [a.username, a.fullName]));
  const agentName = (username: string | null) =>
    username === null ? 'Sin asignar' : `${names.get(username) ?? username} (${username})`;
  const due = dueStanding(
    { dueAt: new Date(t.dueAt), firstReplyAt: t.firstReplyAt === null ? null : new Date(t.firstReplyAt) },
    v.now,
  );
  const base = `${consolePaths.tickets}/${t.number}`;
  const refused = v.typed?.refused;
  const unsent =
    refused !== undefined && !forms.has(refused) && (v.typed?.[refused] ?? '').trim() !== ''
      ? html`<section class="unsent" aria-labelledby="no-enviado">
          <h2 id="no-enviado">Su texto no se envió</h2>
          <p class="hint">
            Cópielo si lo necesita (por ejemplo en una nota interna): este ticket ya no admite «${formLabel[refused]}».
          </p>
          <label
            >${formLabel[refused]} que escribió
            <textarea readonly rows="5" data-testid="no-enviado">${v.typed?.[refused] ?? ''}</textarea>
          </label>
        </section>`
      : '';
  return consolePage(
    { ...frame, title: `Ticket ${t.number}`, active: 'tickets' },
    html`<a class="skip" href="#acciones">Ir a las acciones</a>
      ${ticketTabs('queue')}
      <p>
        <a href="${consolePaths.tickets}" accesskey="v">← Cola de tickets</a>
        <span class="hint">(<kbd>Alt</kbd>+<kbd>V</kbd>)</span>
      </p>
      <h1><span class="ticket-number">${t.number}</span> · ${t.subject}</h1>
      <p class="ticket-status">
        <span class="badge state-${t.state}" data-testid="estado">${ticketStateLabels[t.state]}</span>
        <span class="due due-${due.kind}" data-testid="vence"
          >Primera respuesta: ${due.mark === null ? '' : html`<strong class="mark">${due.mark}</strong>`}
          ${due.text}</span
        >
        <span>Asignado a: <strong data-testid="asignado">${agentName(t.assignee)}</strong></span>
      </p>
      <div class="ticket-grid">
        <section class="ticket-main" aria-label="El ticket">
          <dl class="facts">
            <dt>Ciudadano</dt>
            <dd>${t.name}</dd>
            <dt>Correo</dt>
            <dd>${t.email}</dd>
            <dt>Teléfono</dt>
            <dd>${t.phone}</dd>
            <dt>Categoría</dt>
            <dd>${categoryLabel(v.categories, t.category)}</dd>
            <dt>Canal</dt>
            <dd>${channelText(t.channel, v.device)}</dd>
            <dt>Creado</dt>
            <dd>${when(t.createdAt)}</dd>
            <dt>Primera respuesta</dt>
            <dd>
              vence
              ${when(t.dueAt)}${t.firstReplyAt === null ? ' — sin responder' : html`; respondida ${when(t.firstReplyAt)}`}
            </dd>
            <dt>Última actividad</dt>
            <dd>${when(t.updatedAt)}</dd>
            ${
              t.resolvedAt === null
                ? ''
                : html`<dt>Resuelto</dt>
                    <dd>${when(t.resolvedAt)}</dd>`
            }
            ${
              t.rating === null
                ? ''
                : html`<dt>Calificación</dt>
                    <dd>${stars(t.rating)}${t.ratingComment === null ? '' : html` — «${t.ratingComment}»`}</dd>`
            }
          </dl>
          <h2 id="historial">Historial</h2>
          <ol class="history">
            ${t.events.map((e) => eventItem(e, t, base, names))}
          </ol>
        </section>
        <aside id="acciones" class="ticket-actions" aria-label="Acciones" tabindex="-1">
          <h2>Acciones</h2>
          ${unsent}
          ${
            t.state === 'resuelto'
              ? html`<p class="notice ok" role="status">
                  Este ticket está resuelto y cerrado: no admite respuestas, soluciones ni asignaciones. Puede dejar una
                  nota interna.
                </p>`
              : ''
          }
          ${
            t.state === 'solucion-propuesta'
              ? html`<p class="hint">
                  Hay una solución propuesta: se espera que el ciudadano la acepte o la rechace desde el enlace que
                  recibió.
                </p>`
              : ''
          }
          ${forms.has('asignar') && t.assignee === null ? takeForm(frame, t, base) : ''}
          ${forms.has('mensaje') ? replyForm(frame, t, base, v) : ''}
          ${forms.has('solucion') ? solutionForm(frame, base, v.typed?.solucion ?? '') : ''}
          ${forms.has('nota') ? noteForm(frame, base, v.typed?.nota ?? '') : ''}
          ${forms.has('asignar') ? assignForm(frame, t, base, v.agents) : ''}
        </aside>
      </div>`,
  );
}

function eventItem(e: TicketEventView, t: TicketDetail, base: string, names: ReadonlyMap<string, string>): Html {
  // In the history an agent is their name; the username is for the assignment list.
  const name = (username: string) => names.get(username) ?? username;
  const who =
    e.authorKind === 'citizen' ? t.name : e.authorKind === 'agent' && e.author !== null ? name(e.author) : 'Sistema';
  const title =
    e.kind === 'assigned'
      ? e.body === null
        ? 'Quedó sin asignar'
        : e.body === e.author
          ? 'Tomó el ticket'
          : `Asignado a ${name(e.body)}`
      : e.kind === 'accepted' && t.rating !== null
        ? `${eventTitle(e.kind, e.authorKind)}: ${stars(t.rating)}`
        : eventTitle(e.kind, e.authorKind);
  // The citizen's own request is the ticket's description; its «created» event carries no text.
  const body = e.kind === 'created' ? t.description : e.kind === 'assigned' ? null : e.body;
  const kind = e.internal ? 'internal' : e.authorKind;
  return html`<li class="event ${kind}" data-kind="${e.kind}">
    <p class="event-head">
      <strong>${title}</strong> · ${who} · ${when(e.at)}
      <span class="hint">→ ${ticketStateLabels[e.stateAfter]}</span>
    </p>
    ${body === null ? '' : html`<div class="body">${body}</div>`}
    ${
      e.attachments.length === 0
        ? ''
        : html`<ul class="files">
            ${e.attachments.map(
              (a) =>
                html`<li>
                  <a href="${base}/adjuntos/${a.id}">${a.displayName}</a>
                  <span class="hint">(${typeLabel[a.contentType] ?? a.contentType}, ${fileSize(a.size)})</span>
                </li>`,
            )}
          </ul>`
    }
  </li>`;
}

const hidden = (frame: Omit<PageFrame, 'title' | 'active'>) =>
  html`<input type="hidden" name="csrf" value="${frame.csrf}" />`;

/**
 * «Tomar el ticket», offered while nobody has it (another agent's ticket changes hands only by
 * «Asignar a», a choice). The assignee the page showed goes along, so a ticket taken meanwhile is
 * not taken from its agent.
 */
function takeForm(frame: Omit<PageFrame, 'title' | 'active'>, t: TicketDetail, base: string): Html {
  return html`<form method="post" action="${base}/asignar" class="action compact">
    ${hidden(frame)}
    <input type="hidden" name="asignado" value="${frame.staff.username}" />
    <input type="hidden" name="antes" value="${t.assignee ?? ''}" />
    <button type="submit" accesskey="t">Tomar el ticket <span class="key">(Alt+T)</span></button>
  </form>`;
}

function replyForm(frame: Omit<PageFrame, 'title' | 'active'>, t: TicketDetail, base: string, v: TicketPageView): Html {
  return html`<form method="post" action="${base}/responder" enctype="multipart/form-data" class="action">
    ${hidden(frame)}
    <h3>Responder al ciudadano</h3>
    <label
      >Mensaje <span class="hint">(<kbd>Alt</kbd>+<kbd>R</kbd>) — le llega por correo a ${t.email}</span>
      <textarea name="mensaje" accesskey="r" rows="6" required minlength="2" maxlength="5000">
${v.typed?.mensaje ?? ''}</textarea>
    </label>
    <label
      >Adjuntos (opcional)
      <input type="file" name="adjuntos" multiple accept="${v.files.accept}" />
      <span class="hint"
        >Hasta ${v.files.maxCount} archivos de hasta ${v.files.maxMegabytes} MB: PDF o fotos. Si la respuesta no se
        envía, vuelva a elegirlos.</span
      >
    </label>
    <button type="submit">Enviar la respuesta</button>
  </form>`;
}

function solutionForm(frame: Omit<PageFrame, 'title' | 'active'>, base: string, typed: string): Html {
  return html`<form method="post" action="${base}/solucion" class="action">
    ${hidden(frame)}
    <h3>Proponer la solución</h3>
    <label
      >Solución <span class="hint">(<kbd>Alt</kbd>+<kbd>S</kbd>)</span>
      <textarea name="solucion" accesskey="s" rows="5" required minlength="2" maxlength="5000">${typed}</textarea>
    </label>
    <p class="hint">
      El ciudadano recibe un correo con un enlace para aceptarla y calificar el servicio, o rechazarla; el ticket queda
      en «Solución propuesta».
    </p>
    <button type="submit">Proponer la solución</button>
  </form>`;
}

function noteForm(frame: Omit<PageFrame, 'title' | 'active'>, base: string, typed: string): Html {
  return html`<form method="post" action="${base}/nota" class="action internal">
    ${hidden(frame)}
    <h3>Nota interna</h3>
    <label
      >Nota para el equipo <span class="hint">(<kbd>Alt</kbd>+<kbd>N</kbd>) — el ciudadano no la ve</span>
      <textarea name="nota" accesskey="n" rows="3" required minlength="2" maxlength="5000">${typed}</textarea>
    </label>
    <button type="submit">Guardar la nota</button>
  </form>`;
}

function assignForm(
  frame: Omit<PageFrame, 'title' | 'active'>,
  t: TicketDetail,
  base: string,
  agents: readonly TicketAgent[],
): Html {
  const current = t.assignee ?? '';
  return html`<form method="post" action="${base}/asignar" class="action compact">
    ${hidden(frame)}
    <input type="hidden" name="antes" value="${current}" />
    <label
      >Asignar a
      <select name="asignado">
        <option value="" ${current === '' ? html`selected` : ''}>Sin asignar</option>
        ${agents.map(
          (a) =>
            html`<option value="${a.username}" ${a.username === current ? html`selected` : ''}>
              ${a.fullName} (${a.username})
            </option>`,
        )}
      </select>
    </label>
    <button type="submit">Asignar</button>
  </form>`;
}
