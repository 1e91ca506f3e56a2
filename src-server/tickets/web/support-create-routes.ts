import type { FastifyReply, FastifyRequest } from 'fastify';
import { TicketCode, TicketFields } from '../../../src-shared/tickets/ticket-fields';
import { statusFor } from '../../http/errors';
import type { TicketOrigin } from '../ticket-context';
import { confirmTicketCode, resendTicketCode, startTicket } from '../ticket-drafts';
import { issueTicketLink } from '../ticket-links';
import { ticketDetail } from '../ticket-queries';
import {
  codePage,
  createdPage,
  createFormPage,
  type FieldProblems,
  type TicketFormValues,
} from './support-create-pages';
import { readSupportForm, type FormReading } from './support-form-reader';
import { formToken, redirect } from './support-http';
import type { Notice } from './support-layout';
import { supportPaths, webLinkMs } from './support-paths';
import { pendingWebDraftEmail } from './support-queries';
import type { SupportSite } from './support-site';

const web: TicketOrigin = { channel: 'web' };
const fieldNames = ['name', 'email', 'phone', 'category', 'subject', 'description'] as const;

/** What the citizen is told when the form comes back and the files they chose are gone. */
const chooseFilesAgain = 'Los archivos que había elegido no se guardaron: elíjalos de nuevo antes de enviar.';

/**
 * «Crear ticket»: the form (GET, POST with its files), the code page (GET, POST the code,
 * «Reenviar el código»), and the page with the new ticket's number.
 */
export function registerCreateRoutes(site: SupportSite): void {
  const { app, tickets } = site;
  const exec = tickets.database.exec;

  app.get(supportPaths.create, async (request, reply) => showForm(request, reply, 200, {}));

  app.post(supportPaths.create, async (request, reply) => {
    if (!(await site.takeUpload(request, reply))) return reply;
    const form = await readSupportForm(app, request, reply, tickets.attachments);
    if (form.kind === 'forbidden') return formExpired(reply);
    const values = valuesOf(form);
    if (form.kind === 'refused')
      return showForm(request, reply, 400, {
        values,
        problems: form.aboutFiles ? { attachments: form.message } : {},
        notice: { kind: 'error', text: form.filesChosen ? `${form.message} ${chooseFilesAgain}` : form.message },
      });
    const parsed = TicketFields.safeParse(values);
    if (!parsed.success) {
      const problems: FieldProblems = {};
      for (const issue of parsed.error.issues) {
        const field = fieldNames.find((name) => name === issue.path[0]);
        if (field !== undefined) problems[field] ??= issue.message;
      }
      const text = 'Revise los datos marcados.';
      return showForm(request, reply, 400, {
        values,
        problems,
        notice: { kind: 'error', text: form.filesChosen ? `${text} ${chooseFilesAgain}` : text },
      });
    }
    const started = await startTicket(site.ctxFor(request), parsed.data, form.uploads, web);
    if (!started.ok) {
      const { code, message, field } = started.error;
      const problems: FieldProblems =
        field === 'attachments' ? { attachments: message } : code === 'validation' ? { category: message } : {};
      return showForm(request, reply, statusFor(code), {
        values,
        problems,
        notice: { kind: 'error', text: form.filesChosen ? `${message} ${chooseFilesAgain}` : message },
      });
    }
    return redirect(reply, supportPaths.code(started.value.draftId));
  });

  app.get<{ Params: { draft: string }; Querystring: { aviso?: string } }>(
    '/soporte/codigo/:draft',
    async (request, reply) => {
      const notice: Notice | null =
        request.query.aviso === 'reenviado'
          ? { kind: 'ok', text: 'Le enviamos un código nuevo. El anterior ya no sirve.' }
          : null;
      return showCode(request, reply, request.params.draft, 200, { notice });
    },
  );

  app.post<{ Params: { draft: string } }>('/soporte/codigo/:draft', async (request, reply) => {
    const draftId = request.params.draft;
    const form = await readSupportForm(app, request, reply, tickets.attachments);
    if (form.kind !== 'read') return formExpired(reply, codeAgain(draftId));
    const typed = TicketCode.safeParse(form.fields.codigo ?? '');
    if (!typed.success)
      return showCode(request, reply, draftId, 400, {
        problem: typed.error.issues[0]?.message ?? null,
        typed: (form.fields.codigo ?? '').slice(0, 6),
      });
    const created = await confirmTicketCode(site.ctxFor(request), draftId, typed.data, web);
    if (!created.ok) {
      if (created.error.code === 'validation')
        return showCode(request, reply, draftId, 400, { problem: created.error.message });
      return draftGone(reply, created.error.message);
    }
    const token = await issueTicketLink(exec, created.value.id, tickets.now(), webLinkMs);
    return redirect(reply, supportPaths.created(token));
  });

  app.post<{ Params: { draft: string } }>('/soporte/codigo/:draft/reenviar', async (request, reply) => {
    const draftId = request.params.draft;
    const form = await readSupportForm(app, request, reply, tickets.attachments);
    if (form.kind !== 'read') return formExpired(reply, codeAgain(draftId));
    const sent = await resendTicketCode(site.ctxFor(request), draftId, web);
    if (sent.ok) return redirect(reply, `${supportPaths.code(draftId)}?aviso=reenviado`);
    if (sent.error.code === 'not-found') return draftGone(reply, sent.error.message);
    return showCode(request, reply, draftId, statusFor(sent.error.code), {
      notice: { kind: 'error', text: sent.error.message },
    });
  });

  app.get<{ Params: { token: string } }>('/soporte/creado/:token', async (request, reply) => {
    const ticketId = await site.ticketOfToken(request, reply, request.params.token);
    if (ticketId === null) return reply;
    const ticket = await ticketDetail(exec, ticketId, false);
    if (ticket === null) return draftGone(reply, 'No encontramos ese ticket.');
    return site.send(
      reply,
      createdPage({
        ...(await site.words()),
        number: ticket.number,
        subject: ticket.subject,
        email: ticket.email,
        ticketHref: supportPaths.ticket(request.params.token),
      }),
    );
  });

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: { values?: TicketFormValues; problems?: FieldProblems; notice?: Notice },
  ): Promise<FastifyReply> {
    return site.send(
      reply,
      createFormPage({
        ...(await site.words()),
        csrf: formToken(request, reply),
        categories: tickets.config.categories,
        attachmentHint: site.attachmentHint,
        accept: site.accept,
        ...state,
      }),
      status,
    );
  }

  async function showCode(
    request: FastifyRequest,
    reply: FastifyReply,
    draftId: string,
    status: number,
    state: { problem?: string | null; typed?: string; notice?: Notice | null },
  ): Promise<FastifyReply> {
    const email = await pendingWebDraftEmail(exec, draftId, tickets.now(), tickets.config.codeTries);
    if (email === null)
      return draftGone(
        reply,
        state.problem ??
          'Este código ya no sirve: pasaron más de 10 minutos, ya se creó el ticket o el código se escribió mal demasiadas veces.',
      );
    return site.send(
      reply,
      codePage({
        ...(await site.words()),
        csrf: formToken(request, reply),
        draftId,
        email,
        validMinutes: tickets.config.codeMinutes,
        ...state,
      }),
      status,
    );
  }

  function draftGone(reply: FastifyReply, text: string): Promise<FastifyReply> {
    return site.message(reply, 404, 'Vuelva a crear el ticket', text, {
      href: supportPaths.create,
      label: 'Crear ticket',
    });
  }

  function formExpired(
    reply: FastifyReply,
    next: { readonly href: string; readonly label: string } = {
      href: supportPaths.create,
      label: 'Volver a crear el ticket',
    },
  ): Promise<FastifyReply> {
    return site.message(reply, 403, 'No se pudo verificar el formulario', formExpiredText, next);
  }
}

/** The answer to a POST without this browser's CSRF token, or sent from another site. */
export const formExpiredText =
  'La página desde la que envió el formulario venció o no se pudo verificar. No se guardó nada. Vuelva a abrir la página e intente de nuevo.';

const codeAgain = (draftId: string) => ({ href: supportPaths.code(draftId), label: 'Volver a la página del código' });

function valuesOf(form: Exclude<FormReading, { kind: 'forbidden' }>): TicketFormValues {
  const values: Record<string, string> = {};
  for (const name of fieldNames) values[name] = form.fields[name] ?? '';
  return values;
}
