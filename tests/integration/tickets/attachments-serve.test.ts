import { writeFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendApiError } from '../../../src-server/http/errors';
import type { StoredAttachment } from '../../../src-server/tickets/attachments';
import { attachmentsInTemp, plainPdf, sidewaysJpegWithGps } from '../../support/attachment-fixtures';

/**
 * Serving through a real Fastify server on 127.0.0.1, read with fetch as a browser would: the
 * bytes as stored, and headers that make the file a download of its sniffed type, with a name
 * that cannot break the header, and that no browser may sniff, run or cache.
 */

const setup = attachmentsInTemp('attachments-serve');
let app: FastifyInstance;
let base: string;
const rows = new Map<string, Pick<StoredAttachment, 'sha256' | 'displayName'>>();

beforeAll(async () => {
  app = Fastify();
  // The lead's route decides who may see the ticket; this one serves whatever row it is given.
  app.get<{ Params: { id: string } }>('/adjuntos/:id', async (request, reply) => {
    const row = rows.get(request.params.id);
    if (row === undefined) return sendApiError(reply, { code: 'not-found', message: 'No existe.' });
    const served = await setup.attachments.serve(reply, row);
    return served.ok ? served.value : sendApiError(reply, served.error);
  });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app.close();
  setup.remove();
});

async function stored(name: string, bytes: Buffer): Promise<StoredAttachment> {
  const result = await setup.attachments.accept([{ name, bytes }]);
  if (!result.ok) throw new Error(result.error.message);
  return result.value[0]!;
}

describe('ticket attachments: serving', () => {
  it('serves a PDF with its bytes, its sniffed type and safe headers', async () => {
    const bytes = await (await plainPdf()).bytes();
    const attachment = await stored('Factura de agua – noviembre.pdf', bytes);
    rows.set('pdf', attachment);

    const response = await fetch(`${base}/adjuntos/pdf`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      'content-disposition':
        'attachment; filename="Factura-de-agua-noviembre.pdf"; filename*=UTF-8\'\'Factura%20de%20agua%20%E2%80%93%20noviembre.pdf',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
      'cross-origin-resource-policy': 'same-origin',
    });
  });

  it('takes the type from the stored bytes, not from the row, and fixes the extension to match', async () => {
    const photo = await sidewaysJpegWithGps();
    const attachment = await stored('foto.jpg', photo);
    // A row that claims a PDF named .pdf: the bytes are a JPEG, so it goes out as one.
    rows.set('lying-row', { sha256: attachment.sha256, displayName: 'foto.pdf' });
    const response = await fetch(`${base}/adjuntos/lying-row`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="foto.jpg"; filename*=UTF-8\'\'foto.jpg',
    );
    await response.arrayBuffer();
  });

  it('gives a name with quotes, CR/LF, semicolons and non-ASCII letters a header that holds', async () => {
    const bytes = await (await plainPdf()).bytes();
    const attachment = await stored('x.pdf', bytes);
    const name = 'Cédula "Juan";\r\nSet-Cookie: a=b; filename=evil.html\u202E.pdf';
    rows.set('odd-name', { sha256: attachment.sha256, displayName: name });
    const response = await fetch(`${base}/adjuntos/odd-name`);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    const disposition = response.headers.get('content-disposition')!;
    const match = /^attachment; filename="([A-Za-z0-9._-]+)"; filename\*=UTF-8''([A-Za-z0-9%!#$&+.^_`|~-]+)$/.exec(
      disposition,
    );
    expect(match).not.toBeNull();
    expect(decodeURIComponent(match![2]!)).toBe('Cédula _Juan_;Set-Cookie_ a=b; filename=evil.html.pdf');
    expect(match![1]).toBe('Cedula-_Juan_-Set-Cookie_-a-b-filename-evil.html.pdf');
    await response.arrayBuffer();
  });

  it('sends no byte of a damaged file: a 500 with a Spanish message instead', async () => {
    const bytes = await (await plainPdf()).bytes();
    const attachment = await stored('acta.pdf', bytes);
    rows.set('damaged', attachment);
    const damaged = Buffer.from(bytes);
    damaged[100]! ^= 0xff;
    writeFileSync(setup.attachments.store.pathOf(attachment.sha256)!, damaged);

    const response = await fetch(`${base}/adjuntos/damaged`);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(await response.json()).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message:
          'Este adjunto no se puede entregar: la copia guardada en el servidor está dañada. Avise a la entidad para que lo revise.',
      },
    });
  });

  it('answers 404 for a file that is gone', async () => {
    rows.set('gone', { sha256: 'f'.repeat(64), displayName: 'x.pdf' });
    const response = await fetch(`${base}/adjuntos/gone`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
