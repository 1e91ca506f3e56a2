import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { attachmentDisposition } from '../../../src-shared/api/document';
import { PhoneLinkToken, phoneLinkPathPrefix } from '../../../src-shared/api/phone-link';
import { err, ok } from '../../../src-shared/api/result';
import { serverRoutes } from '../../../src-shared/server-api/routes';
import { takeQuota } from '../../accounts/quotas';
import { waitInWords } from '../../accounts/login-throttle';
import type { ServerDatabase } from '../../db/open';
import type { DocumentConfig } from '../../documents/document-config';
import { countMiss, missWait, phoneLinksPerDevice } from '../../documents/link-throttle';
import { phoneLinkGonePage, phoneLinkPagePolicy, phoneLinkWaitPage } from '../../documents/phone-link-pages';
import type { PhoneDocuments } from '../../documents/phone-documents';
import type { Logger } from '../../logger';
import { apiRoutes } from '../api-route';
import { acceptBinaryBodies, looksLikePdf } from '../binary-body';

export interface PhoneLinkDeps {
  readonly database: ServerDatabase;
  readonly documents: PhoneDocuments;
  readonly config: DocumentConfig;
  readonly log: Logger;
  readonly now: () => Date;
}

/**
 * «Llevar a mi celular» (docs/documents-to-phone.md). A kiosk uploads the PDF a citizen is
 * looking at and gets a single-use link; the citizen's phone opens it from a QR, once.
 */
export function phoneLinkRoutes(deps: PhoneLinkDeps): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    await app.register(uploadRoute(deps));
    publicRoute(app, deps);
  };
}

/** `documents.phoneLink` of the route map: the device's token before a byte of the body is read; kiosks only. */
function uploadRoute(deps: PhoneLinkDeps): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    acceptBinaryBodies(app, serverRoutes['documents.phoneLink'].upload.contentTypes);
    // A refused upload (no token, too large, not a PDF) ends its connection: the rest of its
    // body is never read, not even to be thrown away.
    app.addHook('onSend', async (_request, reply, payload) => {
      if (reply.statusCode >= 400) reply.header('connection', 'close');
      return payload;
    });
    const route = apiRoutes(app, {
      database: deps.database,
      now: deps.now,
      uploadMaxBytes: deps.config.uploadMaxBytes,
    });
    route('documents.phoneLink', async (query, { device, request }) => {
      if (device.mode !== 'kiosk')
        return err('forbidden', 'Solo los kioscos llevan documentos al celular de un ciudadano.');
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || !looksLikePdf(bytes)) return err('validation', 'El documento debe ser un PDF.');
      const now = deps.now();
      const quota = await takeQuota(
        deps.database.exec,
        `${phoneLinksPerDevice.name}:${device.id}`,
        phoneLinksPerDevice,
        now,
      );
      if (!quota.granted)
        return err(
          'locked',
          `Este kiosco pidió muchos enlaces para celular. Espere ${waitInWords(quota.waitMs)} e intente de nuevo.`,
        );
      const held = await deps.documents.hold({
        fileName: query.fileName,
        contentType: 'application/pdf',
        bytes,
        deviceId: device.id,
      });
      if (!held.held) {
        deps.log.warn(
          { device: device.id, ...(await deps.documents.held()) },
          'phone document refused: too many waiting',
        );
        // `locked`, not `offline`: the server is there, and a link will fit once others are opened or expire.
        return err(
          'locked',
          'Hay muchos documentos esperando ser abiertos en un celular. Espere unos minutos e intente de nuevo.',
        );
      }
      deps.log.info(
        { device: device.id, bytes: bytes.byteLength, expiresAt: held.expiresAt.toISOString() },
        'document held for a phone',
      );
      return ok({
        url: `${publicBase(request, deps.config)}${phoneLinkPathPrefix}${held.token}`,
        expiresAt: held.expiresAt.toISOString(),
      });
    });
  };
}

/**
 * `GET /d/<token>`: the document once, as a download, then the same «ya no sirve» page as a
 * link that never existed. Misses are counted per address (link-throttle.ts). Never cached,
 * never sniffed, never framed, no referrer; HEAD is not answered (it would spend the link).
 */
function publicRoute(app: FastifyInstance, deps: PhoneLinkDeps): void {
  app.get<{ Params: { token: string } }>(
    `${phoneLinkPathPrefix}:token`,
    { exposeHeadRoute: false },
    async (request, reply) => {
      noStore(reply);
      const now = deps.now();
      const wait = await missWait(deps.database.exec, request.ip, now);
      if (wait > 0) {
        return reply
          .code(429)
          .header('retry-after', String(Math.ceil(wait / 1000)))
          .type('text/html; charset=utf-8')
          .send(phoneLinkWaitPage(wait));
      }
      const token = PhoneLinkToken.safeParse(request.params.token);
      const document = token.success ? await deps.documents.take(token.data) : null;
      if (document === null) {
        await countMiss(deps.database.exec, request.ip, now);
        return reply.code(404).type('text/html; charset=utf-8').send(phoneLinkGonePage);
      }
      deps.log.info(
        { device: document.deviceId, bytes: document.bytes.byteLength },
        'phone document served and deleted',
      );
      return reply
        .code(200)
        .header('content-type', document.contentType)
        .header('content-disposition', attachmentDisposition(document.fileName))
        .send(document.bytes);
    },
  );
}

function noStore(reply: FastifyReply): void {
  reply
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('cross-origin-resource-policy', 'same-origin')
    .header('content-security-policy', phoneLinkPagePolicy);
}

/** The configured public address, or the one the device reached this server at. */
function publicBase(request: FastifyRequest, config: DocumentConfig): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}
