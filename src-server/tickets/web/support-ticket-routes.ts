import type { FastifyReply, FastifyRequest } from 'fastify';
import { statusFor } from '../../http/errors';
import { moveTicket, type TicketMove } from '../ticket-actions';
import { attachmentOf, ticketDetail } from '../ticket-queries';
import { formExpiredText } from './support-create-routes';
import { readSupportForm } from './support-form-reader';
import { formToken, redirect } from './support-http';
import type { Notice } from './support-layout';
import { supportPaths } from './support-paths';
import type { SupportSite } from './support-site';
import { ticketPage, type FormState } from './support-ticket-page';

type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

/** What the page says after an action worked (post/redirect/get: `?aviso=`, never free text). */
const notices: Record<string, Notice> = {
  mensaje: { kind: 'ok', text: 'Su mensaje quedó en el histórico del ticket y el equipo de soporte recibió un aviso.' },
  aceptada: { kind: 'ok', text: 'Gracias por su calificación. El ticket quedó resuelto.' },
  rechazada: { kind: 'ok', text: 'Rechazó la solución: el ticket se reabrió y sigue en atención.' },
};

/**
 * A ticket's page and what a citizen does there. Every route finds its ticket from the token in
 * its address and from nothing else, so a link to one ticket can neither show, change nor
 * download from another. Moves go through moveTicket as the citizen; its refusals are shown as
 * they come, in Spanish.
 */
export function registerTicketRoutes(site: SupportSite): void {
  const { app, tickets } = site;
  const exec = tickets.database.exec;

  app.get<{ Params: { token: string }; Querystring: { aviso?: string } }>(
    '/soporte/ticket/:token',
    async (request, reply) => {
      const ticketId = await site.ticketOfToken(request, reply, request.params.token);
      if (ticketId === null) return reply;
      const notice = Object.hasOwn(notices, request.query.aviso ?? '') ? notices[request.query.aviso ?? ''] : null;
      return showTicket(request, reply, ticketId, 200, { notice: notice ?? null });
    },
  );

  app.post<{ Params: { token: string } }>('/soporte/ticket/:token/mensaje', async (request, reply) => {
    const ticketId = await site.ticketOfToken(request, reply, request.params.token);
    if (ticketId === null) return reply;
    if (!(await site.takeUpload(request, reply))) return reply;
    const form = await readSupportForm(app, request, reply, tickets.attachments);
    if (form.kind === 'forbidden') return formExpired(request, reply);
    const body = form.fields.mensaje ?? '';
    if (form.kind === 'refused') return refused(request, reply, ticketId, 400, 'message', form.message, { body });
    return act(request, reply, ticketId, { action: 'citizen-message', body, uploads: form.uploads }, 'mensaje', {
      body,
      filesChosen: form.filesChosen,
    });
  });

  app.post<{ Params: { token: string } }>('/soporte/ticket/:token/aceptar', async (request, reply) => {
    const ticketId = await site.ticketOfToken(request, reply, request.params.token);
    if (ticketId === null) return reply;
    const form = await readSupportForm(app, request, reply, tickets.attachments);
    if (form.kind !== 'read') return formExpired(request, reply);
    const stars = form.fields.estrellas ?? '';
    const comment = (form.fields.comentario ?? '').trim();
    // No star chosen is no rating: moveTicket refuses anything but 1 to 5.
    const rating = /^[1-5]$/.test(stars) ? Number(stars) : 0;
    return act(
      request,
      reply,
      ticketId,
      { action: 'accept-solution', rating, comment: comment === '' ? null : comment },
      'aceptada',
      { rating: stars, comment },
    );
  });

  app.post<{ Params: { token: string } }>('/soporte/ticket/:token/rechazar', async (request, reply) => {
    const ticketId = await site.ticketOfToken(request, reply, request.params.token);
    if (ticketId === null) return reply;
    const form = await readSupportForm(app, request, reply, tickets.attachments);
    if (form.kind !== 'read') return formExpired(request, reply);
    const reason = form.fields.motivo ?? '';
    return act(request, reply, ticketId, { action: 'reject-solution', reason }, 'rechazada', { reason });
  });

  app.get<{ Params: { token: string; id: string } }>('/soporte/ticket/:token/adjuntos/:id', async (request, reply) => {
    const ticketId = await site.ticketOfToken(request, reply, request.params.token);
    if (ticketId === null) return reply;
    const file = await attachmentOf(exec, ticketId, request.params.id, false);
    if (file === null)
      return site.message(reply, 404, 'No encontramos ese adjunto', 'Ese documento no está en este ticket.', {
        href: supportPaths.ticket(request.params.token),
        label: 'Volver al ticket',
      });
    // The attachments module's own headers: a download, its sniffed type, a sandbox, no-store.
    const served = await tickets.attachments.serve(reply, file);
    if (served.ok) return served.value;
    return site.message(reply, statusFor(served.error.code), 'No se pudo entregar el adjunto', served.error.message, {
      href: supportPaths.ticket(request.params.token),
      label: 'Volver al ticket',
    });
  });

  type Kept = { body: string; filesChosen: boolean } | { rating: string; comment: string } | { reason: string };

  /** The move, then back to the page with its notice; refused, the page again with the text typed. */
  async function act(
    request: TokenRequest,
    reply: FastifyReply,
    ticketId: string,
    move: TicketMove,
    notice: keyof typeof notices,
    kept: Kept,
  ): Promise<FastifyReply> {
    const moved = await moveTicket(site.ctxFor(request), ticketId, { kind: 'citizen' }, move);
    if (moved.ok) return redirect(reply, `${supportPaths.ticket(request.params.token)}?aviso=${notice}`);
    const status = statusFor(moved.error.code);
    let text = moved.error.message;
    if ('filesChosen' in kept && kept.filesChosen)
      text = `${text} Los archivos que había elegido no se guardaron: elíjalos de nuevo.`;
    if ('body' in kept) return refused(request, reply, ticketId, status, 'message', text, { body: kept.body });
    if ('rating' in kept) return refused(request, reply, ticketId, status, 'accept', text, kept);
    return refused(request, reply, ticketId, status, 'reject', text, kept);
  }

  /** The page again: the refusal beside its form when the form is still there, above the page otherwise. */
  async function refused(
    request: TokenRequest,
    reply: FastifyReply,
    ticketId: string,
    status: number,
    which: 'message' | 'accept' | 'reject',
    problem: string,
    kept: { body: string } | { rating: string; comment: string } | { reason: string },
  ): Promise<FastifyReply> {
    const ticket = await ticketDetail(exec, ticketId, false);
    const formShown =
      ticket !== null && (which === 'message' ? ticket.state !== 'resuelto' : ticket.state === 'solucion-propuesta');
    if (!formShown) return showTicket(request, reply, ticketId, status, { notice: { kind: 'error', text: problem } });
    const form: FormState =
      which === 'message' && 'body' in kept
        ? { message: { body: kept.body, problem } }
        : which === 'accept' && 'rating' in kept
          ? { accept: { ...kept, problem } }
          : 'reason' in kept
            ? { reject: { reason: kept.reason, problem } }
            : {};
    return showTicket(request, reply, ticketId, status, { form });
  }

  async function showTicket(
    request: TokenRequest,
    reply: FastifyReply,
    ticketId: string,
    status: number,
    state: { notice?: Notice | null; form?: FormState },
  ): Promise<FastifyReply> {
    const ticket = await ticketDetail(exec, ticketId, false);
    if (ticket === null) return site.message(reply, 404, 'No encontramos ese ticket', 'Ese ticket no existe.');
    return site.send(
      reply,
      ticketPage({
        ...(await site.words()),
        token: request.params.token,
        csrf: formToken(request, reply),
        ticket,
        categoryLabel: site.categoryLabel(ticket.category),
        attachmentHint: site.attachmentHint,
        accept: site.accept,
        ...state,
      }),
      status,
    );
  }

  function formExpired(request: TokenRequest, reply: FastifyReply): Promise<FastifyReply> {
    return site.message(reply, 403, 'No se pudo verificar el formulario', formExpiredText, {
      href: supportPaths.ticket(request.params.token),
      label: 'Volver al ticket',
    });
  }
}
