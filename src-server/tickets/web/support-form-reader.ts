import type { IncomingMessage } from 'node:http';
import { finished } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cleanDisplayName, type AttachmentUpload, type TicketAttachments } from '../attachments';
import { tooLarge } from '../attachments/attachment-limits';
import { formAllowed } from './support-http';

/**
 * Reads a support form: `multipart/form-data` (the forms with files) through @fastify/multipart,
 * one part at a time, each file streamed through the attachments' size limit and never read past
 * it; or `application/x-www-form-urlencoded` (the others). The CSRF field comes first in every
 * form, so a multipart form is checked before its first file is read.
 *
 * After a refusal the rest of the body is still read and thrown away, up to a bound (every file at
 * the size limit, one file past the count): a browser whose upload is cut off shows «connection
 * reset» instead of the page that says what to fix. Past the bound the connection is closed.
 */

/** The field the forms' file input sends its files under. */
export const fileField = 'adjuntos';

export type FormReading =
  | {
      readonly kind: 'read';
      readonly fields: Readonly<Record<string, string>>;
      readonly uploads: readonly AttachmentUpload[];
      /** Whether any file came: after a refusal the citizen must choose them again. */
      readonly filesChosen: boolean;
    }
  /** The CSRF token is missing or wrong, or another site sent the form. */
  | { readonly kind: 'forbidden' }
  /** A file or the form itself was refused; the fields read so far come back to show again. */
  | {
      readonly kind: 'refused';
      readonly fields: Readonly<Record<string, string>>;
      readonly message: string;
      /** The refusal is about the files (their size or count), not the text. */
      readonly aboutFiles: boolean;
      readonly filesChosen: boolean;
    };

/** The parser's limits for the support pages (registered once, with @fastify/multipart). */
export function multipartLimits(attachments: TicketAttachments) {
  return {
    fieldNameSize: 100,
    // The longest text field is 5,000 characters; UTF-8 takes at most 4 bytes each.
    fieldSize: 24 * 1024,
    fields: 20,
    // One byte more than the limit, so readUpload sees the file is too large and says so.
    fileSize: attachments.config.maxBytes + 1,
    // One more than the limit, so the count message can say how many were chosen.
    files: attachments.config.maxCount + 1,
    headerPairs: 20,
    parts: attachments.config.maxCount + 21,
  };
}

const isFields = (body: unknown): body is Record<string, string> =>
  typeof body === 'object' && body !== null && !Buffer.isBuffer(body);

export async function readSupportForm(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  attachments: TicketAttachments,
): Promise<FormReading> {
  if (!request.isMultipart()) {
    const fields = isFields(request.body) ? request.body : {};
    if (!formAllowed(request, fields.csrf)) return { kind: 'forbidden' };
    return { kind: 'read', fields, uploads: [], filesChosen: false };
  }
  const fields: Record<string, string> = {};
  const uploads: AttachmentUpload[] = [];
  let filesChosen = false;
  let csrfChecked = false;
  let refusal: 'forbidden' | { message: string; aboutFiles: boolean } | null = null;
  let fileName = '';
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !(part.fieldname in fields)) fields[part.fieldname] = part.value;
        if (part.valueTruncated) refusal ??= { message: tooLongField, aboutFiles: false };
        continue;
      }
      if (!csrfChecked) {
        csrfChecked = true;
        if (!formAllowed(request, fields.csrf)) refusal = 'forbidden';
      }
      // No file chosen: browsers still send the input, empty and nameless.
      const named = typeof part.filename === 'string' && part.filename !== '';
      if (refusal !== null || part.fieldname !== fileField || !named) {
        if (part.fieldname === fileField && named) filesChosen = true;
        await finished(part.file.resume());
        continue;
      }
      filesChosen = true;
      fileName = part.filename;
      const read = await attachments.readUpload(part.file, part.filename);
      if (!read.ok) {
        refusal = { message: read.error.message, aboutFiles: true };
        // readUpload stopped at the limit; what busboy still holds of this file is dropped.
        if (!part.file.destroyed) await finished(part.file.resume());
        continue;
      }
      uploads.push({ name: part.filename, bytes: read.value });
    }
  } catch (error) {
    const errors = app.multipartErrors;
    if (error instanceof errors.RequestFileTooLargeError)
      // The parser saw the file pass the limit before readUpload did: the same refusal.
      refusal ??= {
        message: tooLarge(cleanDisplayName(fileName, null), attachments.config.maxBytes),
        aboutFiles: true,
      };
    else if (error instanceof errors.FilesLimitError)
      refusal ??= {
        message: `Puede adjuntar hasta ${attachments.config.maxCount} archivos por envío. Elija menos archivos e inténtelo de nuevo.`,
        aboutFiles: true,
      };
    else if (error instanceof errors.FieldsLimitError || error instanceof errors.PartsLimitError)
      refusal ??= { message: unreadable, aboutFiles: false };
    else throw error;
  }
  if (refusal !== null) {
    const { maxBytes, maxCount } = attachments.config;
    const drained = await drain(request.raw, (maxCount + 1) * (maxBytes + 1) + 256 * 1024);
    // Past that, the client is not a browser sending a form: the answer ends the connection.
    if (!drained) reply.header('connection', 'close');
  }
  if (refusal === 'forbidden' || (!csrfChecked && !formAllowed(request, fields.csrf))) return { kind: 'forbidden' };
  if (refusal !== null) return { kind: 'refused', fields, ...refusal, filesChosen };
  return { kind: 'read', fields, uploads, filesChosen };
}

const tooLongField = 'Uno de los textos es demasiado largo. Acórtelo e inténtelo de nuevo.';
const unreadable = 'El formulario llegó incompleto. Vuelva a abrir la página e inténtelo de nuevo.';

/** Reads what is left of a request body and drops it; false when it goes on past `cap` bytes. */
function drain(raw: IncomingMessage, cap: number): Promise<boolean> {
  if (raw.readableEnded || raw.destroyed) return Promise.resolve(raw.readableEnded);
  return new Promise((resolve) => {
    let seen = 0;
    const done = (whole: boolean): void => {
      raw.off('data', onData).off('end', onEnd).off('close', onClose);
      if (!whole) raw.pause();
      resolve(whole);
    };
    const onData = (chunk: Buffer): void => {
      seen += chunk.byteLength;
      if (seen > cap) done(false);
    };
    const onEnd = (): void => done(true);
    const onClose = (): void => done(raw.readableEnded);
    raw.on('data', onData).once('end', onEnd).once('close', onClose);
    raw.resume();
  });
}
