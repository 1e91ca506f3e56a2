import type { FastifyInstance } from 'fastify';

/**
 * File uploads (a document for the phone now; ticket attachments next) arrive as the file's own
 * bytes with its content type, not as base64 in JSON. Registered inside a route plugin, so only
 * that plugin's routes accept these types; each route sets its `bodyLimit` from configuration.
 *
 * Fastify reads such a body only after the route's `onRequest` hooks (the device token is
 * checked first), refuses it with 413 as soon as `Content-Length` says it is over the limit,
 * before reading any of it, and stops counting a body without a length (chunked) at the limit;
 * either way it closes the connection instead of reading the rest.
 */
export function acceptBinaryBodies(app: FastifyInstance, contentTypes: readonly string[]): void {
  app.addContentTypeParser([...contentTypes], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}

/** The upload limit when VENTANILLA_UPLOAD_MAX_BYTES is not set: 10 MiB. */
export const defaultUploadMaxBytes = 10 * 1024 * 1024;

/** The first bytes of every PDF file (ISO 32000: the header line `%PDF-1.x`). */
export const looksLikePdf = (bytes: Buffer): boolean => bytes.subarray(0, 5).toString('latin1') === '%PDF-';
