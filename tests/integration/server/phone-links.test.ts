import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expect, it } from 'vitest';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import type { DeviceMode } from '../../../src-shared/domain/device-mode';
import { pdfText } from '../../support/poppler-zbar';
import { describeEachServerDatabase } from '../../support/postgres';
import { tempDir } from '../../support/temp-dir';
import { postJson, startTestServer, type TestServer } from '../../support/server-harness';

/** The smallest upload limit the configuration accepts: the over-limit tests send just past it. */
const uploadMaxBytes = 65_536;

/** A clock the test moves; the server's phone links expire by it. */
function testClock(): { now: () => Date; advance(ms: number): void } {
  let at = Date.now();
  return { now: () => new Date(at), advance: (ms) => (at += ms) };
}

async function start(
  variant: Parameters<typeof startTestServer>[0],
  clock = testClock(),
  phoneLinkMinutes = 10,
): Promise<TestServer> {
  return startTestServer(variant, {
    logLevel: 'warn',
    config: { documents: { publicUrl: null, uploadMaxBytes, phoneLinkMinutes } },
    serverOptions: { now: clock.now },
  });
}

async function enroll(t: TestServer, mode: DeviceMode = 'kiosk'): Promise<string> {
  const { code } = await createEnrollmentCode(t.server.database, {
    deviceName: `Equipo ${mode}`,
    mode,
    office: 'Sede Centro',
  });
  const { body } = await t.request('/v1/enroll', postJson({ code }));
  return (body as { value: { token: string } }).value.token;
}

async function billPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  page.drawText(text, { x: 72, y: 700, size: 18, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

function upload(
  t: TestServer,
  token: string,
  bytes: Uint8Array,
  fileName = 'factura-2026-03.pdf',
  contentType = 'application/pdf',
) {
  return t.request(`/v1/documents/phone-links?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: Buffer.from(bytes),
  });
}

async function linkOf(t: TestServer, token: string, bytes: Uint8Array): Promise<{ url: string; expiresAt: string }> {
  const answer = await upload(t, token, bytes);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return (answer.body as { value: { url: string; expiresAt: string } }).value;
}

/** What a phone gets: status, headers and the body's bytes. */
async function open(url: string, method = 'GET'): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(url, { method, redirect: 'manual' });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/**
 * Writes the request head and `sent` bytes of body on a raw socket, and returns the status line
 * the server answers with while the rest of the announced body is still unsent.
 */
function refusedMidBody(port: number, head: string, sent: Buffer): Promise<{ statusLine: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(head);
      socket.write(sent);
    });
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ statusLine: answer.split('\r\n')[0] ?? '', closed: true }));
    socket.setTimeout(15_000, () => {
      socket.destroy();
      reject(new Error(`no answer before the body was complete; got: ${answer}`));
    });
  });
}

describeEachServerDatabase('central server: documents to a phone («Llevar a mi celular»)', (variant) => {
  it('serves a kiosk’s PDF once at its link, as a download nobody caches; then 404 like a link that never existed', async () => {
    const clock = testClock();
    const t = await start(variant, clock);
    const kiosk = await enroll(t);
    const pdf = await billPdf('Factura de prueba marzo 2026');
    const link = await linkOf(t, kiosk, pdf);
    expect(link.url).toMatch(new RegExp(`^${t.server.url}/d/[A-Za-z0-9_-]{22}$`));
    expect(Date.parse(link.expiresAt) - clock.now().getTime()).toBe(10 * 60_000);

    const first = await open(link.url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('content-disposition')).toBe('attachment; filename="factura-2026-03.pdf"');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    expect(Buffer.compare(first.bytes, Buffer.from(pdf))).toBe(0);
    const dir = tempDir('phone-link');
    try {
      const file = path.join(dir.path, 'descargado.pdf');
      writeFileSync(file, first.bytes);
      expect(await pdfText(file)).toContain('Factura de prueba marzo 2026');
    } finally {
      dir.remove();
    }

    const again = await open(link.url);
    const unknown = await open(`${t.server.url}/d/${'A'.repeat(22)}`);
    const malformed = await open(`${t.server.url}/d/..%2F..%2Fetc`);
    for (const gone of [again, unknown, malformed]) {
      expect(gone.status).toBe(404);
      expect(gone.headers.get('cache-control')).toBe('no-store');
      expect(gone.headers.get('content-type')).toBe('text/html; charset=utf-8');
      // The same page for a used, an unknown and a malformed link: nothing tells them apart.
      expect(gone.bytes.toString('utf8')).toBe(again.bytes.toString('utf8'));
    }
    expect(again.bytes.toString('utf8')).toContain('abren una sola vez');
  });

  it('forgets a link when it expires, and HEAD does not spend one', async () => {
    const clock = testClock();
    const t = await start(variant, clock);
    const kiosk = await enroll(t);
    const pdf = await billPdf('Vence');
    const expiring = await linkOf(t, kiosk, pdf);
    const kept = await linkOf(t, kiosk, pdf);

    expect((await open(kept.url, 'HEAD')).status).toBe(404);
    clock.advance(10 * 60_000 - 1_000);
    expect((await open(kept.url)).status).toBe(200);
    clock.advance(2_000);
    expect((await open(expiring.url)).status).toBe(404);
  });

  it('takes uploads from kiosks only, with their token, as PDF bytes', async () => {
    const t = await start(variant);
    const kiosk = await enroll(t);
    const counter = await enroll(t, 'cashier');
    const pdf = await billPdf('Solo kioscos');

    const anonymous = await t.request('/v1/documents/phone-links?fileName=a.pdf', {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: Buffer.from(pdf),
    });
    expect(anonymous.status).toBe(401);
    expect((await upload(t, counter, pdf)).status).toBe(403);
    expect((await upload(t, kiosk, new TextEncoder().encode('<html>no soy un PDF</html>'))).status).toBe(400);
    expect((await upload(t, kiosk, pdf, 'factura.pdf', 'application/octet-stream')).status).toBe(415);
    expect((await upload(t, kiosk, pdf, '../../etc/passwd')).status).toBe(400);
    expect((await upload(t, kiosk, pdf, 'factura "con" comillas\r\n.pdf')).status).toBe(400);
  });

  it('holds ten links of one kiosk at a time: the next waits until one is opened', async () => {
    const t = await start(variant);
    const kiosk = await enroll(t);
    const pdf = await billPdf('Uno de muchos');
    const links = [];
    for (let n = 0; n < 10; n += 1) links.push(await linkOf(t, kiosk, pdf));
    const full = await upload(t, kiosk, pdf);
    expect(full.status).toBe(429);
    expect(full.body).toMatchObject({
      ok: false,
      error: { code: 'locked', message: expect.stringContaining('Espere unos minutos') },
    });
    expect((await open(links[0]?.url ?? '')).status).toBe(200);
    expect((await upload(t, kiosk, pdf)).status).toBe(200);
  });

  it('refuses a body over the upload limit before reading it: by its Content-Length, and mid-stream without one', async () => {
    const t = await start(variant);
    const kiosk = await enroll(t);
    const base = `POST /v1/documents/phone-links?fileName=grande.pdf HTTP/1.1\r\nHost: 127.0.0.1:${t.server.port}\r\nAuthorization: Bearer ${kiosk}\r\nContent-Type: application/pdf\r\n`;

    // 50 MB announced, 1 KB sent: the answer comes at once, and the connection closes.
    const announced = await refusedMidBody(
      t.server.port,
      `${base}Content-Length: ${50 * 1024 * 1024}\r\n\r\n`,
      Buffer.from('%PDF-1.7\n'.padEnd(1024, ' ')),
    );
    expect(announced.statusLine).toBe('HTTP/1.1 413 Payload Too Large');
    expect(announced.closed).toBe(true);

    // Chunked, no length: refused once the limit is passed, while the client is still sending.
    const chunk = Buffer.from('%PDF-1.7\n'.padEnd(uploadMaxBytes + 10, ' '));
    const chunked = `${chunk.length.toString(16)}\r\n`;
    const streamed = await refusedMidBody(
      t.server.port,
      `${base}Transfer-Encoding: chunked\r\n\r\n${chunked}`,
      Buffer.concat([chunk, Buffer.from('\r\n')]),
    );
    expect(streamed.statusLine).toBe('HTTP/1.1 413 Payload Too Large');

    // Without the token, nothing of the body is read at all: 401 first.
    const noToken = `POST /v1/documents/phone-links?fileName=a.pdf HTTP/1.1\r\nHost: 127.0.0.1:${t.server.port}\r\nContent-Type: application/pdf\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n`;
    expect((await refusedMidBody(t.server.port, noToken, Buffer.alloc(16))).statusLine).toBe(
      'HTTP/1.1 401 Unauthorized',
    );

    // Just under the limit goes through.
    const fits = Buffer.from('%PDF-1.7\n'.padEnd(uploadMaxBytes, ' '));
    expect((await upload(t, kiosk, fits)).status).toBe(200);
  });

  it('throttles an address that keeps opening links that do not exist, hits included, until its window ends', async () => {
    const clock = testClock();
    // Links that outlive the throttle's window, to see one still served after it.
    const t = await start(variant, clock, 30);
    const kiosk = await enroll(t);
    const link = await linkOf(t, kiosk, await billPdf('Paciencia'));
    for (let miss = 0; miss < 20; miss += 1) {
      expect((await open(`${t.server.url}/d/${String(miss).padStart(22, 'x')}`)).status).toBe(404);
    }
    const throttled = await open(link.url);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(throttled.bytes.toString('utf8')).toContain('Espere 10 minutos');
    // The throttled request did not spend the link.
    clock.advance(10 * 60_000 - 30_000);
    const stillWaiting = await open(link.url);
    expect(stillWaiting.status).toBe(429);
    expect(stillWaiting.bytes.toString('utf8')).toContain('Espere 30 segundos');
    clock.advance(31_000);
    expect((await open(link.url)).status).toBe(200);
  });
});
