import { describe, expect, it } from 'vitest';
import { attachmentDisposition, DocumentFile, megabytesInWords, safeFileName } from '../../../src-shared/api/document';
import { returnsDocument } from '../../../src-shared/api/web-documents';
import { opNames } from '../../../src-shared/api/contract';
import { DocumentShelf } from '../../../src-main/hosts/web/document-shelf';
import { readExactly } from '../../../src-renderer/api/fetch-document';

const sample: DocumentFile = {
  fileName: 'factura-2026-03.pdf',
  contentType: 'application/pdf',
  bytes: new Uint8Array([37, 80, 68, 70]),
};

function streamOf(...chunks: number[][]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
      controller.close();
    },
  });
}

describe('documents: names and headers', () => {
  it('keeps only safe characters in a file name, so no quote, slash or line break reaches a header', () => {
    expect(safeFileName('informe-z-2026-12-03-cajero1.pdf')).toBe('informe-z-2026-12-03-cajero1.pdf');
    expect(safeFileName('informe-z-2026-12-03-María José.pdf')).toBe('informe-z-2026-12-03-Maria-Jose.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('a"\r\nSet-Cookie: x=1.pdf')).toBe('a-Set-Cookie-x-1.pdf');
    expect(safeFileName('"""')).toBe('documento');
    expect(attachmentDisposition("x\"; filename*=UTF-8''evil.html")).toBe(
      'attachment; filename="x-filename-UTF-8-evil.html"',
    );
    expect(DocumentFile.safeParse({ ...sample, fileName: 'a/b.pdf' }).success).toBe(false);
  });

  it('says a size in the words a person reads', () => {
    expect(megabytesInWords(65_536)).toBe('64 KB');
    expect(megabytesInWords(10_485_760)).toBe('10 MB');
    expect(megabytesInWords(2_621_440)).toBe('2,5 MB');
  });

  it('marks exactly the operations whose output is a document', () => {
    expect(opNames.filter(returnsDocument).toSorted()).toEqual([
      'bills.pdf',
      'cashier.sessionReportPdf',
      'certificates.preview',
      'field.handoverPdf',
      'tickets.attachment',
      'wallet.statementPdf',
      'wallet.volante',
    ]);
  });

  it('takes bytes from any realm, and nothing that only looks like them', () => {
    expect(DocumentFile.safeParse({ ...sample, bytes: Buffer.from('%PDF') }).success).toBe(true);
    expect(DocumentFile.safeParse({ ...sample, bytes: 'JVBERi0=' }).success).toBe(false);
    expect(DocumentFile.safeParse({ ...sample, bytes: [37, 80, 68, 70] }).success).toBe(false);
    expect(DocumentFile.safeParse({ ...sample, bytes: new Uint16Array(2) }).success).toBe(false);
  });
});

describe('the web host’s shelf of documents', () => {
  it('gives each document once, under an id of 128 random bits', () => {
    const shelf = new DocumentShelf();
    const ticket = shelf.put(sample);
    expect(ticket).toMatchObject({ fileName: sample.fileName, contentType: 'application/pdf', size: 4 });
    expect(ticket.documentId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(shelf.take(ticket.documentId)).toBe(sample);
    expect(shelf.take(ticket.documentId)).toBeNull();
  });

  it('forgets a document nobody fetched within its minute, and holds a few at most', () => {
    let now = 0;
    const shelf = new DocumentShelf({ ttlMs: 60_000, capacity: 3, now: () => now });
    const late = shelf.put(sample);
    now = 60_000;
    expect(shelf.take(late.documentId)).toBeNull();
    const ids = [1, 2, 3, 4].map(() => shelf.put(sample).documentId);
    expect(shelf.size).toBe(3);
    expect(shelf.take(ids[0] ?? '')).toBeNull();
    expect(shelf.take(ids[3] ?? '')).toBe(sample);
  });
});

describe('the page reads a document’s body', () => {
  it('of exactly the size its ticket says', async () => {
    expect(await readExactly(streamOf([1, 2], [3, 4]), 4)).toEqual(new Uint8Array([1, 2, 3, 4]));
  });

  it('refuses one that runs past that size, without reading the rest, and one that stops short', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    expect(await readExactly(endless, 4096)).toBeNull();
    expect(pulled).toBeLessThan(10);
    expect(await readExactly(streamOf([1, 2]), 4)).toBeNull();
  });
});
