import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance } from 'fastify';
import { moduleLogger } from '../../logger';
import type { TicketContext } from '../ticket-context';
import { registerCreateRoutes } from './support-create-routes';
import { startPage } from './support-create-pages';
import { multipartLimits } from './support-form-reader';
import { supportHeaders } from './support-http';
import { supportStyles } from './support-layout';
import { registerListRoutes } from './support-list-routes';
import { supportPaths } from './support-paths';
import { supportSite } from './support-site';
import { registerTicketRoutes } from './support-ticket-routes';

export interface SupportPagesDeps {
  /** The server's one ticket context (build-server.ts), shared with the kiosk's routes and the console. */
  readonly tickets: TicketContext;
  /** VENTANILLA_PUBLIC_URL; null: the address each request came to, for links mailed from here. */
  readonly publicUrl: string | null;
}

/**
 * The citizens' support pages at /soporte (docs/tickets.md, «Web pages»): create a ticket with
 * the emailed code, see one's list, open a ticket, add a message with files, accept or reject a
 * proposed solution. Server-rendered HTML with plain forms and no script; every POST carries the
 * browser's CSRF token; the forms' parsers live inside this plugin only.
 */
export function supportPages(deps: SupportPagesDeps): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    const site = supportSite(app, deps.tickets, deps.publicUrl);
    const log = moduleLogger(deps.tickets.log, 'support-pages');
    await app.register(multipart, { limits: multipartLimits(deps.tickets.attachments) });
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 32 * 1024 },
      (_request, body, done) => {
        const fields: Record<string, string> = {};
        for (const [key, value] of new URLSearchParams(String(body))) if (!(key in fields)) fields[key] = value;
        done(null, fields);
      },
    );
    app.setErrorHandler(async (error: FastifyError, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status >= 500) log.error({ reqId: request.id, err: error }, 'support page failed');
      else log.info({ reqId: request.id, code: error.code, status }, 'support request refused');
      return site.message(
        reply,
        status >= 400 && status < 600 ? status : 500,
        status >= 500 ? 'Ocurrió un error' : 'Solicitud no válida',
        status >= 500
          ? 'No pudimos completar la solicitud. Intente de nuevo en un momento; si continúa, llame a la línea de soporte.'
          : 'La solicitud no se pudo leer. No se guardó nada. Vuelva a abrir la página e intente de nuevo.',
      );
    });

    app.get(supportPaths.styles, async (_request, reply) =>
      supportHeaders(reply)
        .header('cache-control', 'public, max-age=3600')
        .type('text/css; charset=utf-8')
        .send(supportStyles.text),
    );
    app.get(supportPaths.start, async (_request, reply) => site.send(reply, startPage(await site.words())));

    registerCreateRoutes(site);
    registerListRoutes(site);
    registerTicketRoutes(site);
    // Any other address under /soporte (a mistyped or cut link) gets a page, not the API's JSON 404.
    app.all(`${supportPaths.start}/*`, async (_request, reply) =>
      site.message(reply, 404, 'No encontramos esa página', 'Esa dirección no existe en la página de soporte.', {
        href: supportPaths.start,
        label: 'Ir al inicio de soporte',
      }),
    );
  };
}
