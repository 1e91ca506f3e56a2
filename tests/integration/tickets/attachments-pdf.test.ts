import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  attachmentsInTemp,
  impostors,
  pdfWithDeflatedZeros,
  pdfWithOpenActionScript,
  plainPdf,
} from '../../support/attachment-fixtures';

/**
 * PDFs are kept as sent, so what is kept must be a PDF and nothing more: no script, no program
 * to launch, no file inside, not encrypted, not cut short, and not a deflate bomb. Files named
 * `factura.pdf` that are something else are refused by their bytes.
 */

const setup = attachmentsInTemp('attachments-pdf', { maxBytes: 1024 * 1024 });
afterAll(() => setup.remove());
const { attachments } = setup;

const activeContent =
  '«factura.pdf» contiene contenido activo (JavaScript, archivos incrustados o acciones que abren programas), que no ' +
  'se acepta por seguridad. Imprímalo como PDF (Imprimir → Guardar como PDF) y adjunte esa copia.';
const brokenPdf =
  '«factura.pdf» no es un PDF válido o está incompleto. Guárdelo de nuevo como PDF y adjúntelo otra vez.';
const unusualCompression =
  '«factura.pdf» usa una compresión que no se acepta. Imprímalo como PDF (Imprimir → Guardar como PDF) y adjunte esa copia.';

async function refusal(bytes: Buffer, name = 'factura.pdf'): Promise<string | null> {
  const result = await attachments.accept([{ name, bytes }]);
  return result.ok ? null : result.error.message;
}

/** The file's bytes with one string replaced (same length, so offsets stay right). */
function replaced(bytes: Buffer, from: string, to: string): Buffer {
  expect(to.length).toBe(from.length);
  const text = bytes.toString('latin1');
  expect(text).toContain(from);
  return Buffer.from(text.replaceAll(from, to), 'latin1');
}

describe('ticket attachments: PDFs', () => {
  it('accepts a PDF made by pdf-lib, with a web link, and keeps its bytes as sent', async () => {
    for (const objectStreams of [true, false]) {
      const bytes = await (await plainPdf({ objectStreams })).bytes();
      const result = await attachments.accept([{ name: 'Factura noviembre.pdf', bytes }]);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value[0]).toMatchObject({
        type: 'pdf',
        contentType: 'application/pdf',
        displayName: 'Factura noviembre.pdf',
        size: bytes.length,
      });
      expect(readFileSync(attachments.store.pathOf(result.value[0]!.sha256)!).equals(bytes)).toBe(true);
    }
  });

  it.each(impostors)('refuses $what named factura.pdf', async ({ bytes }) => {
    expect(await refusal(bytes)).toBe(
      '«factura.pdf» no es un archivo PDF, JPEG o PNG. Adjunte documentos en PDF y fotos o capturas de pantalla en JPEG o PNG.',
    );
  });

  it('refuses a PDF that runs JavaScript when opened, also when the script sits in a compressed object stream', async () => {
    const plain = await pdfWithOpenActionScript(false);
    expect(plain.toString('latin1')).toContain('/JavaScript');
    expect(await refusal(plain)).toBe(activeContent);

    const compressed = await pdfWithOpenActionScript(true);
    // Not in the bytes as written: only the parsed objects show it.
    expect(compressed.toString('latin1')).not.toContain('JavaScript');
    expect(compressed.toString('latin1')).toContain('/ObjStm');
    expect(await refusal(compressed)).toBe(activeContent);
  });

  it('refuses active names hidden with #xx escapes, upper and lower case', async () => {
    const plain = await pdfWithOpenActionScript(false);
    expect(await refusal(replaced(plain, '/Action\n/S /JavaScript', '/Action/S/J#61vaScript'))).toBe(activeContent);

    // Only `/JS`, its J escaped with a lower-case hex digit (which pdf-lib itself does not decode).
    const pdf = await plainPdf({ objectStreams: false });
    pdf.doc.catalog.set(PDFName.of('AA'), pdf.doc.context.obj({ WC: { JS: PDFString.of('app.alert(1)') } }));
    const escaped = replaced(await pdf.bytes(), '/JS (app.alert(1))', '/#4aS (app.alert1)');
    expect(escaped.toString('latin1')).not.toMatch(/JavaScript|\/JS\b/);
    expect(await refusal(escaped)).toBe(activeContent);
  });

  it('refuses a PDF with a launch action or an embedded file', async () => {
    const launch = await plainPdf();
    launch.doc.catalog.set(
      PDFName.of('OpenAction'),
      launch.doc.context.obj({ S: 'Launch', F: PDFString.of('C:\\Windows\\System32\\cmd.exe') }),
    );
    expect(await refusal(await launch.bytes())).toBe(activeContent);

    const embedded = await plainPdf();
    await embedded.doc.attach(Buffer.from('MZ programa'), 'leame.exe', { mimeType: 'application/octet-stream' });
    expect(await refusal(await embedded.bytes())).toBe(activeContent);
  });

  it('refuses an encrypted PDF', async () => {
    const pdf = await plainPdf({ objectStreams: false });
    // The Standard security handler's dictionary in the trailer is what makes a PDF encrypted to
    // every reader (ISO 32000-1, 7.6); its strings are not needed to be refused.
    pdf.doc.context.trailerInfo.Encrypt = pdf.doc.context.register(
      pdf.doc.context.obj({
        Filter: 'Standard',
        V: 1,
        R: 2,
        O: PDFString.of('x'.repeat(32)),
        U: PDFString.of('y'.repeat(32)),
        P: -44,
      }),
    );
    const bytes = await pdf.bytes();
    expect(bytes.toString('latin1')).toMatch(/trailer[\s\S]*\/Encrypt \d+ 0 R/);
    expect(await refusal(bytes)).toBe(
      '«factura.pdf» está protegido con contraseña o cifrado. Guarde una copia sin protección (Imprimir → Guardar como ' +
        'PDF) y adjúntela.',
    );
  });

  it('refuses a PDF cut short, or one that only looks like a PDF at both ends', async () => {
    const bytes = await (await plainPdf()).bytes();
    expect(await refusal(bytes.subarray(0, Math.floor(bytes.length * 0.6)))).toBe(brokenPdf);
    expect(await refusal(bytes.subarray(0, bytes.length - 8))).toBe(brokenPdf);
    expect(await refusal(Buffer.from('%PDF-1.7\nnada que ver aquí\n%%EOF\n'))).toBe(brokenPdf);
  });

  it('refuses a PDF whose streams inflate past the budget, before pdf-lib inflates them', async () => {
    // 1 MiB limit: the budget is 64 MiB. 100 MiB of zeros deflate to about 100 KB.
    const bomb = await pdfWithDeflatedZeros(100 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal(bomb)).toBe(unusualCompression);
    // The same stream a thousand times smaller is an ordinary PDF.
    expect(await refusal(await pdfWithDeflatedZeros(100 * 1024))).toBeNull();
  });

  it('refuses filters whose output cannot be counted: LZW, a chain, an indirect filter', async () => {
    const withStream = async (filter: 'LZW' | 'chain' | 'indirect'): Promise<Buffer> => {
      const pdf = await plainPdf({ objectStreams: false });
      const context = pdf.doc.context;
      const data = deflateSync(Buffer.from('q Q\n'));
      const Filter =
        filter === 'LZW'
          ? PDFName.of('LZWDecode')
          : filter === 'chain'
            ? context.obj(['ASCII85Decode', 'FlateDecode'])
            : context.register(PDFName.of('FlateDecode'));
      const stream = PDFRawStream.of(context.obj({ Filter, Length: data.length }), data);
      pdf.doc.catalog.set(PDFName.of('Extra'), context.register(stream));
      return pdf.bytes();
    };
    expect(await refusal(await withStream('LZW'))).toBe(unusualCompression);
    expect(await refusal(await withStream('chain'))).toBe(unusualCompression);
    expect(await refusal(await withStream('indirect'))).toBe(unusualCompression);
  });
});
