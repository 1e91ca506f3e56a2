import { readTicketNumber } from '../../../src-shared/tickets/ticket-number';
import type { TicketContext } from '../../tickets/ticket-context';
import { redirect, sendPage } from '../console-http';
import { consolePaths, type Notice } from '../console-layout';
import type { ConsoleRouter } from '../console-routes';
import { ticketAgents, ticketIdByNumber } from '../ticket-console-queries';
import { ticketDashboard } from '../ticket-dashboard-queries';
import { queuePage } from '../ticket-queue-queries';
import { ticketQueuePage } from '../ticket-queue-page';
import { assigneeOf, readQueueSearch, statesOf } from '../ticket-queue-search';
import { ticketSummaryPage } from '../ticket-summary-page';
import { registerTicketDraftRoutes } from './ticket-draft-routes';
import { registerTicketPageRoutes } from './ticket-page-routes';
import { ticketWorkRouter } from './ticket-routing';

/** Rows per page of the queue. */
const pageSize = 50;

/**
 * «Tickets» (docs/staff-console.md): the queue, the summary, the requests waiting for their
 * code, and one ticket's page with its actions. Only support agents, supervisors and admins see
 * any of it (staff-roles.ts); every move goes through moveTicket, which locks the ticket's row
 * and asks the state machine, so two agents acting at once get one outcome and one refusal.
 */
export function registerTicketRoutes(router: ConsoleRouter, tickets: TicketContext): void {
  const gated = ticketWorkRouter(router);
  const { page } = gated;
  const exec = tickets.database.exec;

  page(consolePaths.tickets, async (request, reply, ctx) => {
    const query = request.query as Record<string, unknown>;
    const typedNumber = typeof query.numero === 'string' ? query.numero.trim().slice(0, 30) : '';
    let notice: Notice | null = null;
    if (typedNumber !== '') {
      const number = readTicketNumber(typedNumber);
      if (number !== null && (await ticketIdByNumber(exec, number.text)) !== null)
        return redirect(reply, `${consolePaths.tickets}/${number.text}`);
      notice = {
        kind: 'error',
        text:
          number === null
            ? `«${typedNumber}» no es un número de ticket: se escribe como TK-2026-000123.`
            : `No hay un ticket con el número ${number.text}.`,
      };
    }
    const categories = tickets.config.categories;
    const search = readQueueSearch(
      query,
      categories.map((c) => c.code),
    );
    const now = tickets.now();
    const result = await queuePage(exec, {
      states: statesOf(search),
      category: search.category === '' ? null : search.category,
      olderThanDays: search.age === '' ? null : Number(search.age),
      assignee: assigneeOf(search, ctx.staff.username),
      email: search.email === '' ? null : search.email,
      overdueOnly: search.overdueOnly,
      order: search.order,
      after: search.after,
      limit: pageSize,
      now,
    });
    const frame = ctx.frame();
    return sendPage(
      reply,
      ticketQueuePage(notice === null ? frame : { ...frame, notice }, {
        search,
        page: result,
        categories,
        agents: await ticketAgents(exec),
        now,
        ...(notice === null ? {} : { typedNumber }),
      }),
      notice === null ? 200 : 404,
    );
  });

  page(`${consolePaths.tickets}/resumen`, async (_request, reply, ctx) =>
    sendPage(
      reply,
      ticketSummaryPage(ctx.frame(), await ticketDashboard(exec, tickets.now()), await ticketAgents(exec)),
    ),
  );

  registerTicketDraftRoutes(gated, tickets);
  registerTicketPageRoutes(gated, tickets);
}
