import type { FastifyReply } from 'fastify';
import { err, ok, type Result } from '../../../src-shared/api/result';
import { safeFileName } from '../../../src-shared/api/document';
import type { AttachmentStore } from './attachment-store';
import { cleanDisplayName } from './display-name';
import { contentTypeOf, sniffType, type AttachmentType } from './sniff-type';

/**
 * What serving needs of an attachment's row: which file, and the name to give it. Not its type:
 * that is sniffed again from the stored bytes, so a row that says otherwise changes nothing.
 */
export interface ServedAttachment {
  readonly sha256: string;
  readonly displayName: string;
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987's encoding): an ASCII
 * name for old clients, letters, digits, dots, dashes and underscores only, and the full UTF-8
 * name percent-encoded, which every current browser prefers. Neither form can hold a quote, a
 * semicolon, CR or LF, so nothing in a name can end the header or add a parameter.
 */
export function contentDisposition(displayName: string): string {
  const encoded = encodeURIComponent(displayName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${safeFileName(displayName)}"; filename*=UTF-8''${encoded}`;
}

/**
 * Headers for an attachment's download. The type is the sniffed one, and browsers are told not to
 * guess another (nosniff); the file is always a download, never shown in the server's origin, and
 * if something shows it anyway the policy gives it no script, no plugin, no request and a unique
 * origin (sandbox); nobody on the way keeps a copy (private, no-store).
 */
export function attachmentHeaders(type: AttachmentType, displayName: string, size: number): Record<string, string> {
  return {
    'content-type': contentTypeOf[type],
    'content-length': String(size),
    'content-disposition': contentDisposition(cleanDisplayName(displayName, type)),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
}

/**
 * Streams a stored attachment as the reply, after the store has checked its bytes. Whoever calls
 * this has decided the requester may see the ticket. On an error nothing has been sent: the
 * caller answers it its own way (JSON for a device, a page for the console).
 */
export async function serveAttachment(
  reply: FastifyReply,
  store: AttachmentStore,
  attachment: ServedAttachment,
): Promise<Result<FastifyReply>> {
  const opened = await store.open(attachment.sha256);
  if (!opened.ok) return opened;
  const { size, firstBytes, stream } = opened.value;
  const type = sniffType(firstBytes);
  if (type === null) {
    // Only files this module made are in the store; anything else was put there by hand.
    stream.destroy();
    return err('internal', 'Este adjunto no se puede entregar. Avise a la entidad para que lo revise.');
  }
  return ok(
    reply
      .code(200)
      .headers(attachmentHeaders(type, attachment.displayName, size))
      .send(stream),
  );
}
