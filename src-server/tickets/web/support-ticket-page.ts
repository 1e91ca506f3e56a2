import { formatBogotaDay, formatBogotaTime } from '../../../src-shared/domain/bogota-time';
import { ticketStateLabels } from '../../../src-shared/tickets/ticket-states';
import { html, type Html } from '../../console/html';
import type { TicketAttachmentView, TicketDetail, TicketEventView } from '../ticket-queries';
import type { PageWords } from './support-create-pages';
import { noticeOf, supportDocument, type Notice } from './support-layout';
import { supportPaths } from './support-paths';

/**
 * One ticket's page, what the mailed link and the list open (the guide: «Detalles de la
 * solicitud», «Documentos adjuntos», «Histórico de eventos y mensajes»): the solution to accept
 * or reject when there is one, the details, the files, «Agregar o enviar un mensaje», and the
 * history at the foot. Agents' internal notes never reach this page (ticketDetail without them).
 */

/** What a refused form keeps: the text typed, and the message beside it. */
export interface FormState {
  readonly message?: { readonly body: string; readonly problem: string };
  readonly accept?: { readonly rating: string; readonly comment: string; readonly problem: string };
  readonly reject?: { readonly reason: string; readonly problem: string };
}

export interface TicketPage extends PageWords {
  readonly token: string;
  readonly csrf: string;
  readonly ticket: TicketDetail;
  readonly categoryLabel: string;
  readonly attachmentHint: string;
  readonly accept: string;
  readonly notice?: Notice | null;
  readonly form?: FormState;
}

export function ticketPage(p: TicketPage): Html {
  const t = p.ticket;
  const files = t.events.flatMap((e) => e.attachments);
  const form = p.form ?? {};
  return supportDocument(
    { entity: p.entity, supportPhone: p.supportPhone, title: `Ticket ${t.number}`, notice: p.notice ?? null },
    html`<p>Estado: <span class="state ${t.state}" data-testid="estado">${ticketStateLabels[t.state]}</span></p>
      ${t.state === 'solucion-propuesta' ? solutionSection(p, form) : ''}
      ${t.state === 'resuelto' ? resolvedSection(t) : ''}
      <h2>Detalles de la solicitud</h2>
      <dl class="facts">
        <dt>Asunto</dt>
        <dd>${t.subject}</dd>
        <dt>Categoría</dt>
        <dd>${p.categoryLabel}</dd>
        <dt>Descripción</dt>
        <dd class="pre">${t.description}</dd>
        <dt>Creado</dt>
        <dd>${moment(t.createdAt)}</dd>
        <dt>Nombre</dt>
        <dd>${t.name}</dd>
        <dt>Correo</dt>
        <dd>${t.email}</dd>
        <dt>Teléfono</dt>
        <dd>${t.phone}</dd>
      </dl>
      <h2>Documentos adjuntos</h2>
      ${
        files.length === 0
          ? html`<p>Este ticket no tiene documentos adjuntos.</p>`
          : html`<ul class="files">
              ${files.map((f) => fileItem(p.token, f))}
            </ul>`
      }
      ${t.state === 'resuelto' ? '' : messageSection(p, form)}
      <h2>Histórico de eventos y mensajes</h2>
      <ol class="history">
        ${t.events.map((e) => eventItem(p.token, t, e))}
      </ol>
      <div class="actions">
        <a class="button secondary" href="${supportPaths.list(p.token)}">Ver mi lista de tickets</a>
      </div>`,
  );
}

function solutionSection(p: TicketPage, form: FormState): Html {
  const solution = [...p.ticket.events].reverse().find((e) => e.kind === 'solution');
  const rating = form.accept?.rating ?? '';
  const stars = [5, 4, 3, 2, 1].map(
    (n) =>
      html`<input
          type="radio"
          id="estrella-${n}"
          name="estrellas"
          value="${n}"
          ${rating === String(n) ? html` checked` : ''}
        />
        <label for="estrella-${n}"
          ><span aria-hidden="true">★</span><span class="n">${n}</span
          ><span class="sr">${n === 1 ? ' estrella' : ' estrellas'}</span></label
        > `,
  );
  return html`<section class="solution" aria-labelledby="solucion">
<h2 id="solucion">El equipo de soporte propone esta solución</h2>
${solution?.body ? html`<p class="body">${solution.body}</p>` : ''}
<p>¿Resolvió su solicitud? Acéptela y califique el servicio, o recházela y díganos por qué.</p>
<details class="primary"${form.accept ? html` open` : ''}>
<summary>Aceptar solución</summary>
<div class="panel">
${form.accept ? noticeOf({ kind: 'error', text: form.accept.problem }) : ''}
<form method="post" action="${supportPaths.accept(p.token)}" novalidate>
<input type="hidden" name="csrf" value="${p.csrf}">
<fieldset>
<legend>Califique el servicio recibido</legend>
<p class="rating-words">De 1 a 5 estrellas: 1 es la más baja y 5 la más alta.</p>
<div class="stars">
${stars}</div>
</fieldset>
<label for="comentario">Comentario (opcional)</label>
<textarea id="comentario" name="comentario" maxlength="2000">${form.accept?.comment ?? ''}</textarea>
<div class="form-actions"><button type="submit">Enviar calificación</button></div>
</form>
</div>
</details>
<details${form.reject ? html` open` : ''}>
<summary>Rechazar solución</summary>
<div class="panel">
${form.reject ? noticeOf({ kind: 'error', text: form.reject.problem }) : ''}
<form method="post" action="${supportPaths.reject(p.token)}" novalidate>
<input type="hidden" name="csrf" value="${p.csrf}">
<label for="motivo">¿Por qué la rechaza?</label>
<span class="hint" id="motivo-hint">El ticket se reabrirá y seguirá en atención.</span>
<textarea id="motivo" name="motivo" maxlength="5000" required aria-describedby="motivo-hint">${form.reject?.reason ?? ''}</textarea>
<div class="form-actions"><button type="submit">Rechazar y reabrir el ticket</button></div>
</form>
</div>
</details>
</section>`;
}

function resolvedSection(t: TicketDetail): Html {
  return html`<section class="resolved" aria-labelledby="resuelto">
    <h2 id="resuelto">Ticket resuelto</h2>
    ${t.rating === null ? '' : html`<p>Su calificación: <span class="given-stars" aria-hidden="true">${'★'.repeat(t.rating)}${'☆'.repeat(5 - t.rating)}</span> ${t.rating === 1 ? '1 estrella' : `${t.rating} estrellas`}</p>`}
    <p>Este ticket está cerrado. Si necesita algo más, <a href="${supportPaths.create}">cree un ticket nuevo</a>.</p>
  </section>`;
}

function messageSection(p: TicketPage, form: FormState): Html {
  return html`<details${form.message ? html` open` : ''}>
<summary>Agregar o enviar un mensaje</summary>
<div class="panel">
${form.message ? noticeOf({ kind: 'error', text: form.message.problem }) : ''}
<form method="post" action="${supportPaths.message(p.token)}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf" value="${p.csrf}">
<label for="mensaje">Mensaje</label>
<span class="hint" id="mensaje-hint">Quedará en el histórico del ticket y el equipo de soporte recibirá un aviso.</span>
<textarea id="mensaje" name="mensaje" maxlength="5000" required aria-describedby="mensaje-hint">${form.message?.body ?? ''}</textarea>
<label for="adjuntos">Adjuntos (opcional)</label>
<span class="hint" id="adjuntos-hint">${p.attachmentHint}</span>
<input type="file" id="adjuntos" name="adjuntos" multiple accept="${p.accept}" aria-describedby="adjuntos-hint">
<div class="form-actions"><button type="submit">Enviar mensaje</button></div>
</form>
</div>
</details>`;
}

function eventItem(token: string, t: TicketDetail, e: TicketEventView): Html {
  const fromSupport = e.authorKind !== 'citizen';
  return html`<li class="${fromSupport ? 'from-support' : 'from-citizen'}">
    <p class="who">${eventTitle(t, e)}</p>
    <p class="when">${moment(e.at)}</p>
    ${e.kind !== 'assigned' && e.body ? html`<p class="body">${e.body}</p>` : ''}
    ${
      e.attachments.length === 0
        ? ''
        : html`<ul class="files">
            ${e.attachments.map((f) => fileItem(token, f))}
          </ul>`
    }
  </li>`;
}

/** Each event in the citizen's words; agents are «el equipo de soporte», never a username. */
function eventTitle(t: TicketDetail, e: TicketEventView): string {
  switch (e.kind) {
    case 'created':
      return 'Usted creó el ticket';
    case 'verified-by-phone':
      return 'El equipo de soporte verificó su identidad por teléfono';
    case 'message':
      return e.authorKind === 'citizen' ? 'Su mensaje' : 'Mensaje del equipo de soporte';
    case 'solution':
      return 'El equipo de soporte propuso una solución';
    case 'rejected':
      return 'Usted rechazó la solución; el ticket se reabrió. Su motivo:';
    case 'accepted':
      return t.rating === null
        ? 'Usted aceptó la solución; el ticket quedó resuelto'
        : `Usted aceptó la solución y calificó el servicio con ${t.rating === 1 ? '1 estrella' : `${t.rating} estrellas`}; el ticket quedó resuelto`;
    case 'assigned':
      return e.body === null ? 'Su ticket espera a un agente de soporte' : 'Un agente de soporte tomó su ticket';
    default:
      return `Actualización: ${ticketStateLabels[e.stateAfter]}`;
  }
}

function fileItem(token: string, f: TicketAttachmentView): Html {
  return html`<li>
    <a href="${supportPaths.attachment(token, f.id)}" download>${f.displayName}</a> (${size(f.size)})
  </li>`;
}

const moment = (iso: string): string => {
  const at = new Date(iso);
  return `${formatBogotaDay(at)}, ${formatBogotaTime(at)}`;
};

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('es-CO')} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('es-CO', { maximumFractionDigits: 1 })} MB`;
}
