import type { FastifyInstance } from 'fastify';
import { attachmentDisposition } from '../../../src-shared/api/document';
import { err } from '../../../src-shared/api/result';
import { DocumentId, documentPathPrefix } from '../../../src-shared/api/web-documents';
import type { DocumentShelf } from './document-shelf';

/** The route the web host's guard checks like the API (Host, Origin, session token). */
export const documentRoute = `${documentPathPrefix}:id`;

/**
 * `GET /documents/<id>`: a document an operation just answered with a ticket, once, as bytes.
 * The request guard has already checked Host, Origin and the session token (web-host.ts), so a
 * page of another origin, or a plain navigation without the token, never gets here. The answer
 * is never cached or sniffed, and it is a download if a browser ever renders the response itself.
 */
export function registerDocumentsRoute(app: FastifyInstance, shelf: DocumentShelf): void {
  // HEAD would spend the document without sending it.
  app.get<{ Params: { id: string } }>(documentRoute, { exposeHeadRoute: false }, async (request, reply) => {
    const id = DocumentId.safeParse(request.params.id);
    const document = id.success ? shelf.take(id.data) : null;
    if (document === null)
      return reply.code(404).send(err('not-found', 'Ese documento ya no está disponible. Ábralo de nuevo.'));
    return reply
      .code(200)
      .header('content-type', document.contentType)
      .header('content-length', String(document.bytes.byteLength))
      .header('content-disposition', attachmentDisposition(document.fileName))
      .send(Buffer.from(document.bytes.buffer, document.bytes.byteOffset, document.bytes.byteLength));
  });
}
