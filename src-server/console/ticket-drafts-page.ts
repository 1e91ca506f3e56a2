import type { TicketCategory } from '../../src-shared/tickets/ticket-categories';
import { consolePage, consolePaths, type PageFrame } from './console-layout';
import { when } from './console-format';
import { html, type Html } from './html';
import type { PendingDraft } from './ticket-console-queries';
import { categoryLabel, maskEmail } from './ticket-format';
import { ticketTabs } from './ticket-queue-page';

/**
 * «Solicitudes sin código»: requests whose emailed code was never typed, for the phone path. The
 * agent sees only what lets them tell the caller is the one who made it — the name, part of the
 * address (the caller says it whole), the subject and when — and creates the ticket with a note
 * saying how the identity was checked.
 */
export function ticketDraftsPage(
  frame: Omit<PageFrame, 'title' | 'active'>,
  v: {
    drafts: readonly PendingDraft[];
    email: string;
    categories: readonly TicketCategory[];
    supportPhone: string;
    /** The note typed for a draft whose creation was refused, kept. */
    typed?: { draftId: string; note: string };
  },
): Html {
  const rows = v.drafts.map((d) => {
    const note = v.typed?.draftId === d.id ? v.typed.note : '';
    return html`<li class="draft">
      <dl class="facts">
        <dt>Nombre</dt>
        <dd data-testid="nombre">${d.name}</dd>
        <dt>Correo</dt>
        <dd data-testid="correo">${maskEmail(d.email)}</dd>
        <dt>Asunto</dt>
        <dd>${d.subject}</dd>
        <dt>Categoría</dt>
        <dd>${categoryLabel(v.categories, d.category)}</dd>
        <dt>Creada</dt>
        <dd>${when(d.createdAt)} en ${d.channel === 'kiosk' ? 'un kiosco' : 'la página web'}</dd>
        <dt>Código</dt>
        <dd>
          ${
            d.codeLive
              ? 'El código enviado todavía sirve: si el ciudadano lo tiene, puede escribirlo él mismo.'
              : 'El código ya no sirve (venció o se usaron los intentos).'
          }
        </dd>
      </dl>
      <form method="post" action="${consolePaths.tickets}/pendientes/${d.id}/crear" class="action">
        <input type="hidden" name="csrf" value="${frame.csrf}" />
        <label
          >Cómo verificó la identidad (obligatorio)
          <textarea name="nota" required minlength="5" maxlength="500" rows="2">${note}</textarea>
        </label>
        <button type="submit">Crear el ticket</button>
      </form>
    </li>`;
  });
  return consolePage(
    { ...frame, title: 'Solicitudes sin código', active: 'tickets' },
    html`${ticketTabs('drafts')}
      <h1>Solicitudes sin código</h1>
      <p class="hint">
        Solicitudes de ticket de las últimas 24 horas cuyo código de correo nadie escribió. Si un ciudadano llama a la
        línea ${v.supportPhone} porque no le llegó el código: pídale el correo con el que la hizo y búsquela; confirme
        con él su nombre y el asunto, y cree el ticket escribiendo cómo verificó su identidad. El ciudadano recibe el
        número del ticket por correo.
      </p>
      <form method="get" action="${consolePaths.tickets}/pendientes" class="filters" role="search">
        <label
          >Correo que dicta el ciudadano
          <input name="correo" type="email" value="${v.email}" maxlength="254" autocomplete="off" autofocus
        /></label>
        <button type="submit">Buscar</button>
        ${v.email === '' ? '' : html`<a href="${consolePaths.tickets}/pendientes">Ver todas</a>`}
      </form>
      ${
        rows.length === 0
          ? html`<p class="notice ok" role="status">
              ${
                v.email === ''
                  ? 'No hay solicitudes esperando su código.'
                  : 'No hay solicitudes de las últimas 24 horas sin código con ese correo.'
              }
            </p>`
          : html`<ol class="drafts">
              ${rows}
            </ol>`
      }`,
  );
}
