import type { FastifyReply, FastifyRequest } from 'fastify';
import { statusFor } from '../../http/errors';
import { openCitizenTickets } from '../ticket-access';
import { issueTicketLink } from '../ticket-links';
import { ticketIdFor, ticketsOfEmail } from '../ticket-queries';
import { formExpiredText } from './support-create-routes';
import { readSupportForm } from './support-form-reader';
import { clientKey, formToken, redirect } from './support-http';
import type { Notice } from './support-layout';
import { listPage, lookupPage } from './support-list-pages';
import { supportPaths, webLinkMs } from './support-paths';
import { ticketEmail } from './support-queries';
import type { SupportSite } from './support-site';

/**
 * «Ver mi lista de tickets». The number and email are posted (never put in an address) and
 * checked by openCitizenTickets, which throttles and answers a wrong pair like an unknown one.
 * A right pair gets a ticket link for that ticket, good for an hour, and a redirect to the list
 * under it: reloading and the back button work, and the address holds only the random token.
 * The list's entries lead through /soporte/lista/<token>/<number>, which gives that ticket a
 * link of its own only when it is opened (no row per ticket per view).
 *
 * A ticket's link opens the list of its address: whoever holds one sees the ticket's number and
 * email on its page, which open the same list through the form.
 */
export function registerListRoutes(site: SupportSite): void {
  const { app, tickets } = site;
  const exec = tickets.database.exec;

  app.get(supportPaths.lookup, async (request, reply) => showLookup(request, reply, 200, {}));

  app.post(supportPaths.lookup, async (request, reply) => {
    const form = await readSupportForm(app, request, reply, tickets.attachments);
    if (form.kind !== 'read')
      return site.message(reply, 403, 'No se pudo verificar el formulario', formExpiredText, {
        href: supportPaths.lookup,
        label: 'Ver mi lista de tickets',
      });
    const number = (form.fields.numero ?? '').slice(0, 40);
    const email = (form.fields.correo ?? '').slice(0, 254);
    const found = await openCitizenTickets(site.ctxFor(request), number, email, { channel: 'web' }, clientKey(request));
    if (!found.ok)
      return showLookup(request, reply, statusFor(found.error.code), {
        number,
        email,
        notice: { kind: 'error', text: found.error.message },
      });
    const token = await issueTicketLink(exec, found.value.ticketId, tickets.now(), webLinkMs);
    return redirect(reply, supportPaths.list(token));
  });

  app.get<{ Params: { token: string } }>('/soporte/lista/:token', async (request, reply) => {
    const { token } = request.params;
    const ticketId = await site.ticketOfToken(request, reply, token);
    if (ticketId === null) return reply;
    const email = await ticketEmail(exec, ticketId);
    const list = email === null ? [] : await ticketsOfEmail(exec, email);
    return site.send(
      reply,
      listPage({ ...(await site.words()), listToken: token, tickets: list, categoryLabel: site.categoryLabel }),
    );
  });

  app.get<{ Params: { token: string; number: string } }>('/soporte/lista/:token/:number', async (request, reply) => {
    const { token, number } = request.params;
    const listed = await site.ticketOfToken(request, reply, token);
    if (listed === null) return reply;
    const email = await ticketEmail(exec, listed);
    const ticketId = email === null ? null : await ticketIdFor(exec, number, email);
    if (ticketId === null)
      return site.message(reply, 404, 'No encontramos ese ticket', 'Ese ticket no está en su lista.', {
        href: supportPaths.list(token),
        label: 'Volver a mi lista de tickets',
      });
    // The list's own ticket already has this link.
    if (ticketId === listed) return redirect(reply, supportPaths.ticket(token));
    const link = await issueTicketLink(exec, ticketId, tickets.now(), webLinkMs);
    return redirect(reply, supportPaths.ticket(link));
  });

  async function showLookup(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: { number?: string; email?: string; notice?: Notice },
  ): Promise<FastifyReply> {
    return site.send(reply, lookupPage({ ...(await site.words()), csrf: formToken(request, reply), ...state }), status);
  }
}
