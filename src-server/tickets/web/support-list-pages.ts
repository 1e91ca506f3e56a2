import { formatBogotaDay } from '../../../src-shared/domain/bogota-time';
import { ticketStateLabels } from '../../../src-shared/tickets/ticket-states';
import { html, type Html } from '../../console/html';
import type { TicketSummary } from '../ticket-queries';
import type { PageWords } from './support-create-pages';
import { supportDocument, type Notice } from './support-layout';
import { supportPaths } from './support-paths';

/** «Ver mi lista de tickets»: any one ticket number and the email it was created with, then the list. */

export interface LookupPage extends PageWords {
  readonly csrf: string;
  readonly number?: string;
  readonly email?: string;
  readonly notice?: Notice | null;
}

export function lookupPage(p: LookupPage): Html {
  return supportDocument(
    { entity: p.entity, supportPhone: p.supportPhone, title: 'Ver mi lista de tickets', notice: p.notice ?? null },
    html`<p>
        Escriba el número de cualquiera de sus tickets y el correo con el que lo creó: verá todos los tickets de ese
        correo y su estado.
      </p>
      <form method="post" action="${supportPaths.lookup}" novalidate>
        <input type="hidden" name="csrf" value="${p.csrf}" />
        <label for="numero">Número del ticket</label>
        <span class="hint" id="numero-hint">Está en el correo de confirmación, por ejemplo TK-2026-000123.</span>
        <input
          id="numero"
          name="numero"
          value="${p.number ?? ''}"
          maxlength="30"
          autocapitalize="characters"
          autocomplete="off"
          spellcheck="false"
          required
          aria-describedby="numero-hint"
        />
        <label for="correo">Correo electrónico</label>
        <input
          id="correo"
          name="correo"
          type="email"
          value="${p.email ?? ''}"
          maxlength="254"
          autocomplete="email"
          required
        />
        <div class="form-actions">
          <button type="submit">Ver mis tickets</button>
        </div>
      </form>
      <p>¿Aún no tiene un ticket? <a href="${supportPaths.create}">Crear ticket</a></p>`,
  );
}

export interface ListPage extends PageWords {
  readonly listToken: string;
  readonly tickets: readonly TicketSummary[];
  readonly categoryLabel: (code: string) => string;
}

export function listPage(p: ListPage): Html {
  const items = p.tickets.map(
    (t) =>
      html`<li>
        <a href="${supportPaths.listed(p.listToken, t.number)}">
          <span class="number">${t.number}</span>
          <span class="subject">${t.subject}</span>
          <span class="when">${p.categoryLabel(t.category)} · creado el ${formatBogotaDay(new Date(t.createdAt))}</span>
          <span class="state ${t.state}">${ticketStateLabels[t.state]}</span>
        </a>
      </li>`,
  );
  return supportDocument(
    { entity: p.entity, supportPhone: p.supportPhone, title: 'Mis tickets' },
    html`<p>
        Toque el número de un ticket para ver sus detalles, sus documentos y sus mensajes. Por seguridad, esta página
        deja de abrir después de un rato: entonces vuelva a escribir el número de un ticket y su correo.
      </p>
      <ul class="tickets">
        ${items}
      </ul>
      <div class="actions">
        <a class="button secondary" href="${supportPaths.create}">Crear ticket</a>
      </div>`,
  );
}
