import type { FastifyInstance } from 'fastify';

/**
 * The console's forms are plain HTML forms (no script): `application/x-www-form-urlencoded`
 * for every action, `multipart/form-data` for the bank file. Both parsers are registered inside
 * the console's plugin only; the device API keeps accepting JSON alone.
 */

/** A parsed form: each field's first value, or a file's bytes and name. */
export type FormFields = Readonly<Record<string, string>>;
export interface UploadedFile {
  readonly fileName: string;
  readonly bytes: Buffer;
}
export interface MultipartForm {
  readonly fields: FormFields;
  /** Each file field's first file. */
  readonly files: Readonly<Record<string, UploadedFile>>;
  /** Every file of each field, in order (an `<input type="file" multiple>` sends one part per file). */
  readonly fileLists: Readonly<Record<string, readonly UploadedFile[]>>;
}

export function acceptForms(app: FastifyInstance, uploadMaxBytes: number): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => {
      const fields: Record<string, string> = {};
      for (const [key, value] of new URLSearchParams(String(body))) if (!(key in fields)) fields[key] = value;
      done(null, fields);
    },
  );
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: uploadMaxBytes },
    (request, body, done) => {
      const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(request.headers['content-type'] ?? '');
      const value = boundary?.[1] ?? boundary?.[2];
      const parsed = value === undefined ? null : parseMultipart(body as Buffer, value.trim());
      if (parsed === null) {
        done(Object.assign(new Error('malformed multipart body'), { statusCode: 400 }), undefined);
        return;
      }
      done(null, parsed);
    },
  );
}

/** Is this a form body our parsers made? (A body of another type never reaches a handler as one.) */
export const isFormFields = (body: unknown): body is FormFields =>
  typeof body === 'object' && body !== null && !Buffer.isBuffer(body) && !('files' in body);

export const isMultipartForm = (body: unknown): body is MultipartForm =>
  typeof body === 'object' && body !== null && 'files' in body && 'fields' in body;

/**
 * RFC 7578, as much of it as a browser's file form sends: parts separated by `--boundary`, each
 * with headers, a blank line and its bytes. A part with a `filename` is a file; others are text
 * fields. Anything that does not read cleanly is null (answered 400), never guessed at.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartForm | null {
  if (boundary === '' || boundary.length > 200) return null;
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const fields: Record<string, string> = {};
  const files: Record<string, UploadedFile> = {};
  const fileLists: Record<string, UploadedFile[]> = {};
  let at = body.indexOf(delimiter);
  if (at !== 0) return null;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString('latin1') === '--') return { fields, files, fileLists };
    if (body.subarray(at, at + 2).toString('latin1') !== '\r\n') return null;
    const headersEnd = body.indexOf('\r\n\r\n', at + 2, 'latin1');
    if (headersEnd < 0) return null;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n', 'latin1'), delimiter]), headersEnd + 4);
    if (next < 0) return null;
    const headers = body.subarray(at + 2, headersEnd).toString('utf8');
    const content = body.subarray(headersEnd + 4, next);
    const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1] ?? null;
    if (disposition === null) return null;
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    const fileName = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return null;
    if (fileName !== undefined) {
      const file = { fileName, bytes: Buffer.from(content) };
      if (!(name in files)) files[name] = file;
      (fileLists[name] ??= []).push(file);
    } else if (!(name in fields)) fields[name] = content.toString('utf8');
    at = next + 2;
  }
}
