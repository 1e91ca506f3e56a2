import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { takeQuota, type Quota } from '../../accounts/quotas';
import { waitInWords } from '../../accounts/login-throttle';
import type { Html } from '../../console/html';
import { entityWords } from '../../mail/mail-layout';
import { readEntitySetting } from '../../mail/mail-entity';
import { contentTypeOf } from '../attachments';
import { typeList } from '../attachments/sniff-type';
import type { TicketContext } from '../ticket-context';
import { ticketOfLink } from '../ticket-links';
import { messagePage, type PageWords } from './support-create-pages';
import { clientKey, sendPage } from './support-http';
import { supportPaths } from './support-paths';

/** What the support pages' route modules share: the services, the words of every page, the link check. */
export interface SupportSite {
  readonly app: FastifyInstance;
  readonly tickets: TicketContext;
  /** The ticket services' context with this request's public address when VENTANILLA_PUBLIC_URL is unset. */
  ctxFor(request: FastifyRequest): TicketContext;
  /** The entity's name and the support line, for the frame of a page. */
  words(): Promise<PageWords>;
  /** A plain page with a title, a sentence and a way on. */
  message(reply: FastifyReply, status: number, title: string, text: string, next?: Next): Promise<FastifyReply>;
  /** The ticket a link opens; otherwise the miss is counted, the answer sent, and null returned. */
  ticketOfToken(request: FastifyRequest, reply: FastifyReply, token: string): Promise<string | null>;
  /**
   * One more form with files from this client, or the «wait» page sent and false. Creating
   * tickets and adding messages cost storage and mail; this bounds how much one address can make.
   */
  takeUpload(request: FastifyRequest, reply: FastifyReply): Promise<boolean>;
  /** The hint under a file input: the types, the size, the count. */
  readonly attachmentHint: string;
  /** The file input's `accept` list. */
  readonly accept: string;
  categoryLabel(code: string): string;
  send(reply: FastifyReply, page: Html, status?: number): FastifyReply;
}

type Next = { readonly href: string; readonly label: string };

/**
 * Links that open nothing, per client: the tokens' 256 bits keep them from being guessed; this
 * keeps a scanner from costing a lookup per request forever. Only misses count.
 */
const linkMisses: Quota = { name: 'ticket-web-link-miss:ip', limit: 20, windowMs: 10 * 60_000 };
/** Forms with files (new tickets, messages) per client. Generous: a mobile carrier puts many phones behind one address. */
const uploadsPerClient: Quota = { name: 'ticket-web-upload:ip', limit: 30, windowMs: 60 * 60_000 };

export function supportSite(app: FastifyInstance, tickets: TicketContext, publicUrl: string | null): SupportSite {
  const exec = tickets.database.exec;
  const { maxBytes, maxCount, allowedTypes } = tickets.attachments.config;
  const megabytes = (maxBytes / (1024 * 1024)).toLocaleString('es-CO', { maximumFractionDigits: 1 });
  const words = async (): Promise<PageWords> => ({
    entity: entityWords(await readEntitySetting(exec)).display,
    supportPhone: tickets.config.supportPhone,
  });
  const message = async (
    reply: FastifyReply,
    status: number,
    title: string,
    text: string,
    next?: Next,
  ): Promise<FastifyReply> => sendPage(reply, messagePage(await words(), title, text, next), status);
  const keyOf = (quota: Quota, request: FastifyRequest): string => `${quota.name}:${clientKey(request)}`;
  return {
    app,
    tickets,
    ctxFor: (request) =>
      tickets.publicBaseUrl !== ''
        ? tickets
        : { ...tickets, publicBaseUrl: publicUrl ?? `${request.protocol}://${request.host}` },
    words,
    message,
    async ticketOfToken(request, reply, token) {
      const now = tickets.now();
      const ticketId = await ticketOfLink(exec, token, now);
      if (ticketId !== null) return ticketId;
      const quota = await takeQuota(exec, keyOf(linkMisses, request), linkMisses, now);
      if (!quota.granted) {
        reply.header('retry-after', String(Math.ceil(quota.waitMs / 1000)));
        await message(
          reply,
          429,
          'Demasiados intentos',
          `Desde esta conexión se abrieron muchos enlaces que no existen. Espere ${waitInWords(quota.waitMs)} e intente de nuevo.`,
        );
        return null;
      }
      await message(reply, 404, 'Este enlace ya no sirve', linkGone, {
        href: supportPaths.lookup,
        label: 'Ver mi lista de tickets',
      });
      return null;
    },
    async takeUpload(request, reply) {
      const quota = await takeQuota(exec, keyOf(uploadsPerClient, request), uploadsPerClient, tickets.now());
      if (quota.granted) return true;
      reply.header('retry-after', String(Math.ceil(quota.waitMs / 1000)));
      await message(
        reply,
        429,
        'Demasiados envíos',
        `Desde esta conexión se enviaron muchos tickets y mensajes en la última hora. Espere ${waitInWords(quota.waitMs)} e intente de nuevo, o llame a la línea de soporte ${tickets.config.supportPhone}.`,
      );
      return false;
    },
    attachmentHint: `Puede elegir varios archivos a la vez, hasta ${maxCount}, en ${typeList(allowedTypes)}, de hasta ${megabytes} MB cada uno.`,
    accept: allowedTypes.map((t) => contentTypeOf[t]).join(','),
    categoryLabel: (code) => tickets.config.categories.find((c) => c.code === code)?.label ?? code,
    send: sendPage,
  };
}

/** The one answer to a link that opens nothing: unknown, expired or mistyped alike. */
export const linkGone =
  'Los enlaces a un ticket sirven por un tiempo: una hora los de esta página, y los días que dice el correo los de una solución propuesta. Para ver sus tickets, escriba el número de cualquiera de ellos y su correo en «Ver mi lista de tickets».';
