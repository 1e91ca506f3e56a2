import type { FastifyInstance } from 'fastify';
import { ok } from '../../../src-shared/api/result';
import {
  citizenAttachment,
  citizenMessage,
  citizenTicketDetail,
  listCitizenTickets,
  ticketCategories,
  ticketDevice,
  uploadsOf,
} from '../../tickets/device-tickets';
import { confirmTicketCode, resendTicketCode, startTicket } from '../../tickets/ticket-drafts';
import type { TicketContext } from '../../tickets/ticket-context';
import { apiRoutes } from '../api-route';

/**
 * Support tickets for enrolled kiosks and counters (docs/tickets-kiosk.md). Every route checks
 * the device's mode from the server's record first (tickets/device-tickets.ts: field laptops are
 * refused); a draft answers only the device that started it; the citizen's ticket number and
 * email are checked again on every call about existing tickets.
 */
export function ticketDeviceRoutes(ctx: TicketContext): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    const route = apiRoutes(app, { database: ctx.database, now: ctx.now });
    route('tickets.categories', async (_input, { device }) => {
      const origin = ticketDevice(device);
      return origin.ok ? ok(ticketCategories(ctx)) : origin;
    });
    route('tickets.start', async ({ fields, files }, { device }) => {
      const origin = ticketDevice(device);
      if (!origin.ok) return origin;
      const started = await startTicket(ctx, fields, uploadsOf(files), origin.value);
      return started.ok ? ok({ ...started.value, email: fields.email }) : started;
    });
    route('tickets.resend', async ({ draftId }, { device }) => {
      const origin = ticketDevice(device);
      return origin.ok ? resendTicketCode(ctx, draftId, origin.value) : origin;
    });
    route('tickets.confirm', async ({ draftId, code }, { device }) => {
      const origin = ticketDevice(device);
      if (!origin.ok) return origin;
      const created = await confirmTicketCode(ctx, draftId, code, origin.value);
      if (!created.ok) return created;
      const { number, subject, categoryLabel, createdAt, email } = created.value;
      return ok({ number, subject, categoryLabel, createdAt, email });
    });
    route('tickets.list', async (pair, { device }) => {
      const origin = ticketDevice(device);
      return origin.ok ? listCitizenTickets(ctx, pair, origin.value) : origin;
    });
    route('tickets.detail', async (request, { device }) => {
      const origin = ticketDevice(device);
      return origin.ok ? citizenTicketDetail(ctx, request, origin.value) : origin;
    });
    route('tickets.message', async (request, { device }) => {
      const origin = ticketDevice(device);
      return origin.ok ? citizenMessage(ctx, request, origin.value) : origin;
    });
    route('tickets.attachment', async (request, { device }) => {
      const origin = ticketDevice(device);
      return origin.ok ? citizenAttachment(ctx, request, origin.value) : origin;
    });
  };
}
