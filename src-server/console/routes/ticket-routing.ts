import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../console-http';
import { consolePaths } from '../console-layout';
import type { ConsoleRequestContext, ConsoleRouter } from '../console-routes';
import { messagePage } from '../login-page';
import { mayWorkTickets, refusedTicketsMessage } from '../staff-roles';

// What every «Tickets» route shares: the role gate, the 404 page, a refusal's HTTP status, a path's parameter.

/** Pages and actions for those who work tickets; anyone else gets a 403 page and nothing is read. */
export function ticketWorkRouter(router: ConsoleRouter): ConsoleRouter {
  const { deps } = router;

  function refuse(request: FastifyRequest, reply: FastifyReply, ctx: ConsoleRequestContext) {
    deps.log.warn(
      { staff: ctx.staff.username, role: ctx.staff.role, route: request.routeOptions.url },
      'tickets refused: role',
    );
    return sendPage(
      reply,
      messagePage('Solo para el equipo de soporte', refusedTicketsMessage, {
        href: consolePaths.wallets,
        label: 'Volver a la consola',
      }),
      403,
    );
  }

  return {
    deps,
    page: (path, handler) =>
      router.page(path, async (request, reply, ctx) =>
        mayWorkTickets(ctx.staff.role) ? handler(request, reply, ctx) : refuse(request, reply, ctx),
      ),
    action: (path, handler, opts) =>
      router.action(
        path,
        async (request, reply, ctx, form) =>
          mayWorkTickets(ctx.staff.role) ? handler(request, reply, ctx, form) : refuse(request, reply, ctx),
        opts,
      ),
  };
}

/** The 404 page, with the way back to the queue. */
export function notFound(reply: FastifyReply, text: string) {
  return sendPage(
    reply,
    messagePage('No encontrado', text, { href: consolePaths.tickets, label: 'Volver a la cola de tickets' }),
    404,
  );
}

/** The HTTP status of a refusal, by its code. */
export function statusOf(code: string): number {
  switch (code) {
    case 'conflict':
      return 409;
    case 'not-found':
      return 404;
    case 'forbidden':
      return 403;
    case 'locked':
      return 429;
    case 'validation':
      return 400;
    default:
      return 500;
  }
}

/** A path parameter as text; '' when it is missing. */
export function param(params: unknown, name: string): string {
  const raw = (params as Record<string, unknown> | null)?.[name];
  return typeof raw === 'string' ? raw : '';
}
