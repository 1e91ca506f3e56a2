import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServerDatabase } from '../../db/open';
import { findMailboxMail, listMailbox } from '../../mail/mailbox-queries';
import { mailboxListPage, mailboxMailPage } from '../../mail/mailbox-pages';
import { HttpError } from '../errors';
import { isLoopbackRequest } from '../loopback';

/**
 * The local mailbox (no SMTP_URL): where a developer or an operator on this machine reads the
 * mail the server would have sent, initial passwords included. Registered only without SMTP,
 * and only for requests from loopback; from anywhere else the pages do not exist (404, the
 * same answer as any unknown route, so the LAN cannot tell the mailbox is there).
 */
export function mailboxRoutes(database: ServerDatabase): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    app.addHook('onRequest', async (request) => {
      if (!isLoopbackRequest(request)) {
        throw new HttpError(404, { code: 'not-found', message: `No existe la ruta ${request.method} ${request.url.split('?')[0]}.` });
      }
    });

    app.get('/mailbox', async (_request, reply) => html(reply, mailboxListPage(await listMailbox(database.exec))));

    app.get<{ Params: { id: string } }>('/mailbox/:id', async (request, reply) => {
      const mail = await findMailboxMail(database.exec, request.params.id);
      if (mail === null) {
        throw new HttpError(404, { code: 'not-found', message: 'No hay un correo con ese identificador en el buzón local.' });
      }
      return html(reply, mailboxMailPage(mail));
    });
  };
}

function html(reply: FastifyReply, body: string): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    // Mails hold passwords: never cached, never framed by another page, no script at all.
    .header('cache-control', 'no-store')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .send(body);
}
