import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../src-shared/api/client';
import { tokenHeader } from '../../../src-shared/api/web-protocol';
import { ok, type Result } from '../../../src-shared/api/result';
import type { Dispatch } from '../../../src-main/api/dispatcher';
import { limitDocuments } from '../../../src-main/documents/document-limit';
import { startWebHost, type WebHost } from '../../../src-main/hosts/web/web-host';
import { createRootLogger } from '../../../src-main/logger';
import { createHttpTransport } from '../../../src-renderer/api/http-transport';
import { tempDir } from '../../support/temp-dir';

/**
 * Documents as bytes through the web host (docs/architecture.md, "Documents"): an operation that
 * returns one answers a ticket, and the page fetches the bytes once from GET /documents/<id>
 * with the API's token. The host runs on a dispatcher that answers `bills.pdf` with a known
 * document (the bills themselves are tested elsewhere; this is the transport).
 */

const maxBytes = 65_536;
/** A "PDF" with every byte value in it, so a text or base64 detour would show. */
const pdf = new Uint8Array(40_000).map((_, index) => (index < 8 ? '%PDF-1.7'.charCodeAt(index) : index % 256));
const oversized = new Uint8Array(maxBytes + 1).fill(0x25);

let requested: Uint8Array = pdf;
const dispatch: Dispatch = async (op): Promise<Result<unknown>> =>
  op === 'bills.pdf'
    ? ok({ fileName: 'factura-2026-03.pdf', contentType: 'application/pdf', bytes: requested })
    : ok({});

let dir: ReturnType<typeof tempDir>;
let host: WebHost;

beforeAll(async () => {
  dir = tempDir('web-documents');
  host = await startWebHost({
    port: 0,
    rendererDir: `${dir.path}/none`,
    dispatch: limitDocuments(dispatch, maxBytes, createRootLogger('silent')),
    log: createRootLogger('silent'),
  });
});
afterAll(async () => {
  await host.stop();
  dir.remove();
});

const input = { accessId: 'a'.repeat(32), billNumber: 20260300000001 };

async function ticket(): Promise<{ documentId: string; fileName: string; contentType: string; size: number }> {
  const response = await fetch(`${host.origin}/api/bills.pdf`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [tokenHeader]: host.token },
    body: JSON.stringify(input),
  });
  const text = await response.text();
  const body = JSON.parse(text) as {
    ok: true;
    value: { documentId: string; fileName: string; contentType: string; size: number };
  };
  expect(body.ok).toBe(true);
  // JSON carries a ticket, not the document: nothing near the document's size.
  expect(text.length).toBeLessThan(300);
  return body.value;
}

const getDocument = (id: string, headers: Record<string, string> = { [tokenHeader]: host.token }, method = 'GET') =>
  fetch(`${host.origin}/documents/${id}`, { method, headers });

function statusWithHost(id: string, hostName: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${host.origin}/documents/${id}`,
      { headers: { host: hostName, [tokenHeader]: host.token } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

describe('web host: documents as bytes', () => {
  it('answers a ticket, then serves the bytes once with the token, never cached or sniffed, as a download', async () => {
    const answer = await ticket();
    expect(answer).toMatchObject({
      fileName: 'factura-2026-03.pdf',
      contentType: 'application/pdf',
      size: pdf.byteLength,
    });
    expect(answer.documentId).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const response = await getDocument(answer.documentId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(pdf.byteLength));
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="factura-2026-03.pdf"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), Buffer.from(pdf))).toBe(0);

    const again = await getDocument(answer.documentId);
    expect(again.status).toBe(404);
  });

  it('refuses the document without the token, with a wrong one, a foreign Host or Origin; refusals do not spend it', async () => {
    const { documentId } = await ticket();
    const refusals: Array<[Record<string, string>, number]> = [
      [{}, 401],
      [{ [tokenHeader]: 'x'.repeat(43) }, 401],
      [{ [tokenHeader]: host.token, origin: 'http://evil.example' }, 403],
    ];
    for (const [headers, status] of refusals) {
      const response = await getDocument(documentId, headers);
      expect(response.status, JSON.stringify(headers)).toBe(status);
      expect(response.headers.get('content-type')).not.toBe('application/pdf');
    }
    // A page on a rebound domain name (DNS rebinding) names another Host; fetch cannot send one.
    expect(await statusWithHost(documentId, 'evil.example')).toBe(421);
    // HEAD would spend it without sending it: not answered.
    expect((await getDocument(documentId, { [tokenHeader]: host.token }, 'HEAD')).status).toBe(404);
    expect((await getDocument(documentId)).status).toBe(200);
  });

  it('answers 404 alike for an unknown and a malformed id', async () => {
    for (const id of ['A'.repeat(22), '..%2F..%2Fpackage.json', 'short']) {
      const response = await getDocument(id);
      expect(response.status, id).toBe(404);
    }
  });

  it('refuses a document over documents.maxBytes before it reaches the page', async () => {
    requested = oversized;
    try {
      const response = await fetch(`${host.origin}/api/bills.pdf`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [tokenHeader]: host.token },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as { ok: false; error: { code: string; message: string } };
      expect(body).toMatchObject({ ok: false, error: { code: 'validation' } });
      expect(body.error.message).toMatch(/El documento pesa 65 KB y este equipo muestra documentos de hasta 64 KB/);
    } finally {
      requested = pdf;
    }
  });

  it('gives the renderer’s client the same document the operation made, bytes and all', async () => {
    const transport = createHttpTransport({
      token: host.token,
      onUnauthorized: () => undefined,
      fetch: (url, init) => fetch(`${host.origin}${String(url)}`, init),
    });
    const result = await createClient(transport).call('bills.pdf', input);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.fileName).toBe('factura-2026-03.pdf');
    expect(result.value.contentType).toBe('application/pdf');
    expect(Buffer.compare(Buffer.from(result.value.bytes), Buffer.from(pdf))).toBe(0);
  });
});
