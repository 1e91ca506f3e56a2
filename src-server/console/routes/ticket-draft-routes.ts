import type { FastifyReply } from 'fastify';
import type { TicketContext } from '../../tickets/ticket-context';
import { confirmByPhone } from '../../tickets/ticket-drafts';
import { sendPage } from '../console-http';
import { consolePaths, type Notice } from '../console-layout';
import type { ConsoleRequestContext, ConsoleRouter } from '../console-routes';
import { pendingDrafts } from '../ticket-console-queries';
import { ticketDraftsPage } from '../ticket-drafts-page';
import { notFound, param, statusOf } from './ticket-routing';

/** Pending requests listed at once (the agent narrows by the caller's address). */
const draftsShown = 50;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The requests waiting for their code, and the agent's confirmation by phone that creates the
 * ticket. `router` is already gated to those who work tickets (ticketWorkRouter).
 */
export function registerTicketDraftRoutes(router: ConsoleRouter, tickets: TicketContext): void {
  const { deps } = router;
  const exec = tickets.database.exec;

  const draftsPath = `${consolePaths.tickets}/pendientes`;
  const showDrafts = async (
    reply: FastifyReply,
    ctx: ConsoleRequestContext,
    email: string,
    opts: { notice?: Notice; typed?: { draftId: string; note: string }; status?: number } = {},
  ) => {
    const drafts = await pendingDrafts(exec, {
      now: tickets.now(),
      email: email === '' ? null : email,
      codeTries: tickets.config.codeTries,
      limit: draftsShown,
    });
    const frame = ctx.frame();
    return sendPage(
      reply,
      ticketDraftsPage(opts.notice === undefined ? frame : { ...frame, notice: opts.notice }, {
        drafts,
        email,
        categories: tickets.config.categories,
        supportPhone: tickets.config.supportPhone,
        ...(opts.typed === undefined ? {} : { typed: opts.typed }),
      }),
      opts.status ?? 200,
    );
  };

  router.page(draftsPath, async (request, reply, ctx) => {
    const typed = (request.query as Record<string, unknown>).correo;
    const email = typeof typed === 'string' && typed.includes('@') ? typed.trim().toLowerCase().slice(0, 254) : '';
    return showDrafts(reply, ctx, email);
  });

  router.action(`${draftsPath}/:id/crear`, async (request, reply, ctx, form) => {
    const draftId = param(request.params, 'id');
    const note = (form.nota ?? '').trim();
    if (!uuidPattern.test(draftId)) return notFound(reply, 'No existe esa solicitud pendiente.');
    if (note.length < 5 || note.length > 500)
      return showDrafts(reply, ctx, '', {
        notice: {
          kind: 'error',
          text: 'Escriba cómo verificó la identidad del ciudadano (por ejemplo: «confirmó cédula, dirección y asunto»), hasta 500 caracteres.',
        },
        typed: { draftId, note },
        status: 400,
      });
    const created = await confirmByPhone(tickets, draftId, { username: ctx.staff.username, note });
    if (!created.ok) {
      deps.log.info(
        { staff: ctx.staff.username, draft: draftId, code: created.error.code },
        'phone confirmation refused',
      );
      return showDrafts(reply, ctx, '', {
        notice: { kind: 'error', text: created.error.message },
        typed: { draftId, note },
        status: statusOf(created.error.code),
      });
    }
    deps.log.info({ staff: ctx.staff.username, ticket: created.value.number }, 'ticket created by phone');
    return ctx.redirectWith(reply, `${consolePaths.tickets}/${created.value.number}`, {
      kind: 'ok',
      text: `Se creó el ticket ${created.value.number}: el ciudadano recibe el número por correo.`,
    });
  });
}
