import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerDatabase } from '../../db/open';
import { findMailboxAttachment, findMailboxMail, listMailbox } from '../../mail/mailbox-queries';
import { mailboxListPage, mailboxMailPage } from '../../mail/mailbox-pages';
import { HttpError } from '../errors';
import { isLoopbackRequest } from '../loopback';

/**
 * The local mailbox of a demo (no SMTP_URL): where a developer on this machine reads the mail
 * the server would have sent, initial passwords included. Registered only for a demo start
 * (`npm start`, or VENTANILLA_DEMO_MAILBOX=1), and each request must pass three checks:
 *
 * 1. It comes from loopback (the socket's address, never a header).
 * 2. Its Host names this server as the machine itself — 127.0.0.1, localhost or [::1] with the
 *    port it arrived on — so a page on another site that rebinds its DNS name to 127.0.0.1
 *    cannot read the mailbox through the browser.
 * 3. It carries this start's token (`?token=…`), printed in the start-up log with the URL.
 *
 * A request failing 1 or 2 gets the 404 of any unknown route (the LAN cannot tell the mailbox
 * is there); one failing only 3 is told where to find the address.
 */
export function mailboxRoutes(database: ServerDatabase, token: string): (app: FastifyInstance) => Promise<void> {
  const expected = digest(token);
  return async (app) => {
    app.addHook('onRequest', async (request) => {
      if (!isLoopbackRequest(request) || !namesThisMachine(request)) {
        throw new HttpError(404, {
          code: 'not-found',
          message: `No existe la ruta ${request.method} ${request.url.split('?')[0]}.`,
        });
      }
      const given = (request.query as Record<string, unknown> | undefined)?.token;
      if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
        throw new HttpError(403, {
          code: 'forbidden',
          message:
            'Falta la clave del buzón local o no es la de este arranque: abra la dirección completa del buzón que muestra el registro de arranque del servidor.',
        });
      }
    });

    app.get('/mailbox', async (_request, reply) =>
      html(reply, mailboxListPage(await listMailbox(database.exec), token)),
    );

    app.get<{ Params: { id: string } }>('/mailbox/:id', async (request, reply) => {
      const mail = await findMailboxMail(database.exec, request.params.id);
      if (mail === null) {
        throw new HttpError(404, {
          code: 'not-found',
          message: 'No hay un correo con ese identificador en el buzón local.',
        });
      }
      return html(reply, mailboxMailPage(mail, token));
    });

    // A mail's attached file (a soporte del pago's PDF), downloaded, never shown inline.
    app.get<{ Params: { id: string; index: string } }>('/mailbox/:id/adjuntos/:index', async (request, reply) => {
      const file = /^\d{1,3}$/.test(request.params.index)
        ? await findMailboxAttachment(database.exec, request.params.id, Number(request.params.index))
        : null;
      if (file === null) {
        throw new HttpError(404, { code: 'not-found', message: 'No hay ese adjunto en el buzón local.' });
      }
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.bytes);
    });
  };
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Host is this machine by a loopback name, with the port the request arrived on. */
function namesThisMachine(request: FastifyRequest): boolean {
  const host = (request.headers.host ?? '').toLowerCase();
  const port = request.socket.localPort;
  if (port === undefined) return false;
  return ['127.0.0.1', 'localhost', '[::1]'].some((name) => host === `${name}:${port}`);
}

function html(reply: FastifyReply, body: string): FastifyReply {
  return (
    reply
      .type('text/html; charset=utf-8')
      // Mails hold passwords: never cached, never framed by another page, no script at all.
      .header('cache-control', 'no-store')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      )
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .send(body)
  );
}
