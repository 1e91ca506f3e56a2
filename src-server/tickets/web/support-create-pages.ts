import type { TicketCategory } from '../../../src-shared/tickets/ticket-categories';
import { html, type Html } from '../../console/html';
import { supportDocument, phoneLink, type Notice } from './support-layout';
import { supportPaths } from './support-paths';

/**
 * «Crear ticket» in the guide's steps: the start page, the form, the emailed code, and the ticket
 * number once it exists. Every value from the citizen or the database goes through `html`, which
 * escapes it.
 */

export interface PageWords {
  readonly entity: string;
  readonly supportPhone: string;
}

export function startPage(words: PageWords): Html {
  return supportDocument(
    { ...words, title: 'Soporte' },
    html`<p>Cuéntenos su solicitud, su queja o su problema y siga su respuesta aquí.</p>
      <div class="actions">
        <a class="button" href="${supportPaths.create}">Crear ticket</a>
        <a class="button secondary" href="${supportPaths.lookup}">Ver mi lista de tickets</a>
      </div>
      <p>
        Para ver sus tickets necesita el número de cualquiera de ellos (por ejemplo TK-2026-000123) y el correo con el
        que lo creó.
      </p>
      <p>Si no tiene acceso a su correo electrónico, llame a la línea de soporte ${phoneLink(words.supportPhone)}.</p>`,
  );
}

/** The form's fields as typed, to show them again after a refusal. */
export type TicketFormValues = Partial<
  Record<'name' | 'email' | 'phone' | 'category' | 'subject' | 'description', string>
>;
/** One message per field (and `attachments` for the files), shown beside it. */
export type FieldProblems = Partial<Record<keyof TicketFormValues | 'attachments', string>>;

export interface CreateFormPage extends PageWords {
  readonly csrf: string;
  readonly categories: readonly TicketCategory[];
  readonly attachmentHint: string;
  /** The `accept` list of the file input: the accepted types' MIME types. */
  readonly accept: string;
  readonly values?: TicketFormValues;
  readonly problems?: FieldProblems;
  readonly notice?: Notice | null;
}

export function createFormPage(p: CreateFormPage): Html {
  const v = p.values ?? {};
  const problems = p.problems ?? {};
  const chosen = v.category ?? '';
  return supportDocument(
    { entity: p.entity, supportPhone: p.supportPhone, title: 'Crear ticket', notice: p.notice ?? null },
    html`<p>Escriba sus datos y su solicitud. Le enviaremos un código a su correo para confirmar que es usted.</p>
      <form method="post" action="${supportPaths.create}" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="csrf" value="${p.csrf}" />
        ${textField('name', 'Nombre completo', v.name, problems.name, { autocomplete: 'name', maxlength: 120 })}
        ${textField('email', 'Correo electrónico', v.email, problems.email, {
          type: 'email',
          autocomplete: 'email',
          maxlength: 254,
          hint: 'Allí le llega el código de verificación y las respuestas.',
        })}
        ${textField('phone', 'Teléfono', v.phone, problems.phone, { type: 'tel', autocomplete: 'tel', maxlength: 20 })}
        <label for="category">Categoría</label>
        <select
          id="category"
          name="category"
          required${invalid(problems.category)}${problems.category === undefined ? '' : html` aria-describedby="category-problem"`}
        >
          <option value="" ${chosen === '' ? html` selected` : ''}>Elija una categoría</option>
          ${p.categories.map(
            (c) => html`<option value="${c.code}" ${c.code === chosen ? html` selected` : ''}>${c.label}</option> `,
          )}
        </select>
        ${problemOf('category', problems.category)}
        ${textField('subject', 'Asunto', v.subject, problems.subject, {
          maxlength: 150,
          hint: 'En pocas palabras, por ejemplo: Cobro doble en la factura de octubre.',
        })}
        <label for="description">Descripción</label>
        <span class="hint" id="description-hint">Cuéntenos qué pasa, desde cuándo y qué necesita.</span>
        <textarea
          id="description"
          name="description"
          maxlength="5000"
          required
          aria-describedby="description-hint${problems.description === undefined ? '' : ' description-problem'}"
          ${invalid(problems.description)}
        >
${v.description ?? ''}</textarea>
        ${problemOf('description', problems.description)}
        <label for="attachments">Adjuntos (opcional)</label>
        <span class="hint" id="attachments-hint">${p.attachmentHint}</span>
        <input
          type="file"
          id="attachments"
          name="adjuntos"
          multiple
          accept="${p.accept}"
          aria-describedby="attachments-hint${problems.attachments === undefined ? '' : ' attachments-problem'}"
          ${invalid(problems.attachments)}
        />
        ${problemOf('attachments', problems.attachments)}
        <p class="hint">
          Al crear el ticket, usted autoriza el uso de estos datos solo para atender su solicitud (Ley 1581 de 2012).
        </p>
        <div class="form-actions">
          <button type="submit">Crear ticket</button>
        </div>
      </form>`,
  );
}

export interface CodePage extends PageWords {
  readonly csrf: string;
  readonly draftId: string;
  readonly email: string;
  readonly validMinutes: number;
  readonly problem?: string | null;
  /** What was typed, shown again beside its problem. */
  readonly typed?: string;
  readonly notice?: Notice | null;
}

export function codePage(p: CodePage): Html {
  return supportDocument(
    { entity: p.entity, supportPhone: p.supportPhone, title: 'Revise su bandeja de entrada', notice: p.notice ?? null },
    html`<p>
        Le enviamos un código de verificación de 6 números a <strong>${p.email}</strong>. Cópielo y escríbalo aquí para
        crear el ticket. El código sirve durante ${p.validMinutes} minutos.
      </p>
      <p class="hint">Si no lo ve, revise también la carpeta de correo no deseado.</p>
      <form method="post" action="${supportPaths.code(p.draftId)}" novalidate>
        <input type="hidden" name="csrf" value="${p.csrf}" />
        <label for="code">Código de verificación</label>
        <input
          id="code"
          name="codigo"
          class="code"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength="6"
          pattern="[0-9]{6}"
          value="${p.typed ?? ''}"
          required${p.problem ? html` aria-invalid="true" aria-describedby="code-problem"` : ''}
        />
        ${p.problem ? html`<p class="field-error" id="code-problem" role="alert">${p.problem}</p>` : ''}
        <div class="form-actions">
          <button type="submit">Confirmar y crear el ticket</button>
        </div>
      </form>
      <form method="post" action="${supportPaths.resend(p.draftId)}" class="inline-form">
        <input type="hidden" name="csrf" value="${p.csrf}" />
        <button type="submit" class="secondary">Reenviar el código</button>
      </form>
      <h2>¿No tiene acceso a ese correo?</h2>
      <p>
        Llame a la línea de soporte ${phoneLink(p.supportPhone)}: verificaremos su identidad por teléfono y crearemos el
        ticket con los datos que ya escribió.
      </p>
      <p>Si el correo está mal escrito, <a href="${supportPaths.create}">vuelva a crear el ticket</a>.</p>`,
  );
}

export interface CreatedPage extends PageWords {
  readonly number: string;
  readonly subject: string;
  readonly email: string;
  readonly ticketHref: string;
}

export function createdPage(p: CreatedPage): Html {
  return supportDocument(
    { entity: p.entity, supportPhone: p.supportPhone, title: 'Su ticket quedó creado', notice: null },
    html`<p>El número de su ticket es:</p>
      <p class="big" data-testid="numero">${p.number}</p>
      <p>
        Guarde este número. Le enviamos un correo de confirmación a <strong>${p.email}</strong> con el número y el
        asunto («${p.subject}»).
      </p>
      <p>Con el número y su correo puede ver el ticket cuando quiera en «Ver mi lista de tickets».</p>
      <div class="actions">
        <a class="button" href="${p.ticketHref}">Ver el ticket</a>
        <a class="button secondary" href="${supportPaths.start}">Volver al inicio de soporte</a>
      </div>`,
  );
}

/** A plain answer with a way on: a link gone, a wait, a form that could not be checked. */
export function messagePage(
  words: PageWords,
  title: string,
  text: string,
  next: { readonly href: string; readonly label: string } = {
    href: supportPaths.start,
    label: 'Ir al inicio de soporte',
  },
): Html {
  return supportDocument(
    { ...words, title },
    html`<p>${text}</p>
      <div class="actions"><a class="button" href="${next.href}">${next.label}</a></div>`,
  );
}

function textField(
  name: keyof TicketFormValues,
  label: string,
  value: string | undefined,
  problem: string | undefined,
  opts: { type?: string; autocomplete?: string; maxlength: number; hint?: string },
): Html {
  const described = [opts.hint === undefined ? null : `${name}-hint`, problem === undefined ? null : `${name}-problem`]
    .filter((id) => id !== null)
    .join(' ');
  return html`<label for="${name}">${label}</label>
    ${opts.hint === undefined ? '' : html`<span class="hint" id="${name}-hint">${opts.hint}</span>`}
    <input
      id="${name}"
      name="${name}"
      type="${opts.type ?? 'text'}"
      value="${value ?? ''}"
      maxlength="${opts.maxlength}"
      required${opts.autocomplete === undefined ? '' : html` autocomplete="${opts.autocomplete}"`}${described === '' ? '' : html` aria-describedby="${described}"`}${invalid(problem)}
    />
    ${problemOf(name, problem)}`;
}

const invalid = (problem: string | undefined): Html | '' => (problem === undefined ? '' : html` aria-invalid="true"`);

const problemOf = (name: string, problem: string | undefined): Html | '' =>
  problem === undefined ? '' : html`<p class="field-error" id="${name}-problem">${problem}</p>`;
