import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateDescription } from '../../../src-node/certificates/certificate-document';
import { certificatePageTexts, renderCertificatePdf } from '../../../src-node/certificates/certificate-pdf';
import {
  sampleCompany,
  sampleEstablishmentCertificate,
  sampleExistencia,
  samplePersonCertificate,
} from '../../support/certificate-fixtures';
import { decodeBarcodes } from '../../support/poppler-zbar';
import { tempDir } from '../../support/temp-dir';

/**
 * The certificate PDF read back the way a recipient's tools read it: poppler's `pdftotext`
 * (the text of each page, diagonal watermark letters left out with -nodiag so the lines stay
 * whole), `pdffonts` (what the file carries), `pdftoppm` + zbar's `zbarimg` (the QR a phone
 * scans at the verification page).
 */

const run = promisify(execFile);
const dir = tempDir('certificate-pdf');
afterAll(() => dir.remove());

async function writeCertificate(name: string, input: CertificateDescription): Promise<string> {
  const file = path.join(dir.path, name);
  writeFileSync(file, await renderCertificatePdf(input));
  return file;
}

/** Each page's text, as `pdftotext -layout` prints it (pages end with a form feed). */
async function pageTexts(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', '-nodiag', '-enc', 'UTF-8', file, '-']);
  const pages = stdout.replaceAll('\u00a0', ' ').split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

interface FontRow {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
  readonly subset: boolean;
}

async function fonts(file: string): Promise<FontRow[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const match = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!match) throw new Error(`pdffonts line not understood: ${line}`);
      return { name: match[1] ?? '', type: match[2] ?? '', embedded: match[4] === 'yes', subset: match[5] === 'yes' };
    });
}

async function qrOnPage(file: string, pageNumber: number): Promise<readonly string[]> {
  const prefix = path.join(dir.path, `${path.basename(file, '.pdf')}-p${pageNumber}`);
  const n = String(pageNumber);
  await run('pdftoppm', ['-r', '150', '-png', '-f', n, '-l', n, '-singlefile', file, prefix]);
  return (await decodeBarcodes(`${prefix}.png`)).symbols;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ');

/** Positions of `needles` in `haystack`, each searched after the previous one; -1 when missing. */
function positionsInOrder(haystack: string, needles: readonly string[]): number[] {
  let from = 0;
  return needles.map((needle) => {
    const at = haystack.indexOf(needle, from);
    if (at >= 0) from = at + needle.length;
    return at;
  });
}

const baseFonts = /Helvetica|Times|Courier|Symbol|ZapfDingbats|Arial/i;
const notRenewedMark = 'NO HA CUMPLIDO CON LA OBLIGACIÓN LEGAL DE RENOVAR SU MATRÍCULA MERCANTIL';
const previewMark = 'CERTIFICADO DE SOLO CONSULTA SIN VALIDEZ JURÍDICA';

describe('certificado de existencia y representación legal', () => {
  let file = '';
  let pages: string[] = [];
  beforeAll(async () => {
    file = await writeCertificate('existencia.pdf', sampleExistencia);
    pages = await pageTexts(file);
  });

  it('runs to three pages or more with a long objeto social, and every page has the whole header', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const pdf = await PDFDocument.load(readFileSync(file));
    expect(pdf.getPageCount()).toBe(pages.length);
    pages.forEach((text, i) => {
      expect(text).toContain('CÁMARA DE COMERCIO DE IBAGUÉ');
      expect(text).toContain('CERTIFICADO DE EXISTENCIA Y REPRESENTACIÓN LEGAL');
      expect(text).toContain('Fecha expedición: 03/12/2026 – 15:04:09');
      expect(text).toContain('Recibo No. R-2026-004521, Valor $ 12.100');
      expect(text).toContain('CÓDIGO DE VERIFICACIÓN NA6V1suvZm');
      expect(collapse(text)).toContain(
        'ingrese a https://certificados.ccibague.example/verificar y digite el código de verificación',
      );
      expect(collapse(text)).toContain('durante 60 días calendario contados desde su fecha de expedición');
      expect(text).toMatch(new RegExp(`Página ${i + 1} de ${pages.length}\\b`));
      expect(text.match(/Página \d+ de \d+/g)).toHaveLength(1);
    });
  });

  it('prints the CERTIFICA blocks in the order of the facts file, ending with the signature', () => {
    const all = collapse(pages.join('\n'));
    const order = [
      'con fundamento en las matrículas e inscripciones del registro mercantil',
      'CERTIFICA',
      'NOMBRE, IDENTIFICACIÓN Y DOMICILIO',
      'MATRÍCULA',
      'UBICACIÓN',
      'CONSTITUCIÓN',
      'TÉRMINO DE DURACIÓN',
      'OBJETO SOCIAL',
      'CAPITAL',
      'REPRESENTACIÓN LEGAL',
      'FACULTADES Y LIMITACIONES',
      'NOMBRAMIENTOS: REPRESENTANTES LEGALES',
      'NOMBRAMIENTOS: JUNTA DIRECTIVA',
      'NOMBRAMIENTOS: REVISORES FISCALES',
      'REFORMAS DE ESTATUTOS',
      'ACTIVIDAD ECONÓMICA',
      'ESTABLECIMIENTOS DE COMERCIO',
      'TAMAÑO EMPRESARIAL',
      'LUZ ÁNGELA MUÑOZ PEÑA',
      'Firma mecánica',
      '*** FIN DEL CERTIFICADO ***',
    ];
    const at = positionsInOrder(all, order);
    // A block missing, or printed before the one it should follow, is not found after it.
    expect(order.filter((_, i) => at[i] === -1)).toEqual([]);
    // The verification text stands again in the signature block, after the secretary.
    expect(all.lastIndexOf('Para verificar el contenido')).toBeGreaterThan(all.indexOf('Firma mecánica'));
    expect(pages.at(-1)).toContain('FIN DEL CERTIFICADO');
  });

  it('reads back the registry facts with accents, ñ and the NIT with its check digit', () => {
    const all = collapse(pages.join('\n'));
    expect(all).toContain('Soluciones Tecnológicas del Tolima S.A.S.');
    expect(all).toMatch(/NIT: 900\.543\.217-6/);
    expect(all).toMatch(/Matrícula No\.: 00123456/);
    expect(all).toMatch(/Último año renovado: 2026/);
    expect(all).toMatch(/Fecha de renovación: 28\/03\/2026/);
    expect(all).toContain('Carrera 3 No. 12-45 Oficina 502, Edificio Señorial');
    expect(all).toContain('notificaciones@soltectolima.example');
    expect(all).toMatch(/GERENTE José Ñáñez Ortíz CC 14\.221\.133/);
    expect(all).toMatch(/SUPLENTE RENGLÓN 1 Óscar Iván Muñoz Díaz CC 1\.110\.333\.444/);
    expect(all).toMatch(/Capital suscrito \$ 250\.000\.000/);
    expect(all).toContain('6201 – Actividades de desarrollo de sistemas informáticos');
    expect(all).toContain('PEQUEÑA EMPRESA');
  });

  it('lets the objeto social flow onto the following pages', () => {
    const purposeStarts = pages.findIndex((p) => p.includes('OBJETO SOCIAL'));
    const purposeEnds = pages.findIndex((p) => p.includes('artículo 5 de la Ley 1258 de 2008'));
    expect(purposeStarts).toBeGreaterThanOrEqual(0);
    expect(purposeEnds).toBeGreaterThan(purposeStarts);
    // Paragraph 4 of the objeto sits wholly on a page after the heading.
    expect(pages.slice(purposeStarts + 1).join('\n')).toContain('4. La administración de centros de datos');
  });

  it('carries no watermark when renewed and bought', () => {
    const all = pages.join('\n');
    expect(all).not.toContain('NO HA CUMPLIDO');
    expect(all).not.toContain('SIN VALIDEZ');
  });

  it('embeds every font it uses, none of them a standard PDF font', async () => {
    const rows = await fonts(file);
    expect(rows.map((r) => r.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
    for (const row of rows) {
      expect(row, row.name).toMatchObject({ embedded: true, subset: true, type: 'CID TrueType' });
      expect(row.name).not.toMatch(baseFonts);
    }
  });

  it('has a QR on the first and the last page that decodes to the verification URL of its code', async () => {
    const url = 'https://certificados.ccibague.example/verificar/NA6V1suvZm';
    expect(await qrOnPage(file, 1)).toEqual([url]);
    expect(await qrOnPage(file, pages.length)).toEqual([url]);
  });

  it('gives the same bytes for the same description (what the verification page shows is what was issued)', async () => {
    expect(Buffer.from(await renderCertificatePdf(sampleExistencia)).equals(readFileSync(file))).toBe(true);
  });

  it('holds the same text per page as certificatePageTexts', async () => {
    const expected = await certificatePageTexts(sampleExistencia);
    expect(expected).toHaveLength(pages.length);
    expected.forEach((page, i) => {
      const text = collapse(pages[i] ?? '');
      for (const line of [...page.header, ...page.body]) {
        expect(text, `page ${i + 1}`).toContain(collapse(line).split('  ')[0]);
      }
    });
  });
});

describe('certificados de matrícula mercantil', () => {
  it('persona natural: one page with name, document, matrícula, activity and establishments, no company blocks', async () => {
    const file = await writeCertificate('persona-natural.pdf', samplePersonCertificate);
    const pages = await pageTexts(file);
    expect(pages).toHaveLength(1);
    const text = collapse(pages[0] ?? '');
    expect(text).toContain('CERTIFICADO DE MATRÍCULA MERCANTIL DE PERSONA NATURAL');
    expect(text).toContain('Página 1 de 1');
    const order = [
      'Nombre: Begoña Castañeda Ruíz',
      'Identificación: CC 28.555.666',
      'MATRÍCULA',
      'UBICACIÓN',
      'ACTIVIDAD ECONÓMICA',
      'ESTABLECIMIENTOS DE COMERCIO',
      'Panadería La Española',
      'Cafetería Doña Begoña',
      'TAMAÑO EMPRESARIAL',
      'FIN DEL CERTIFICADO',
    ];
    const at = positionsInOrder(text, order);
    expect(order.filter((_, i) => at[i] === -1)).toEqual([]);
    for (const company of ['OBJETO SOCIAL', 'CAPITAL', 'NOMBRAMIENTOS', 'CONSTITUCIÓN']) {
      expect(text).not.toContain(company);
    }
    expect(await qrOnPage(file, 1)).toEqual(['https://certificados.ccibague.example/verificar/k3P9xQ2mWz']);
  });

  it('establecimiento not renewed: its owner, and the not-renewed watermark on the page', async () => {
    const file = await writeCertificate('establecimiento.pdf', sampleEstablishmentCertificate);
    const pages = await pageTexts(file);
    const text = collapse(pages.join('\n'));
    expect(text).toContain('CERTIFICADO DE MATRÍCULA MERCANTIL DE ESTABLECIMIENTO DE COMERCIO');
    expect(text).toMatch(/PROPIETARIOS.*Begoña Castañeda Ruíz CC 28\.555\.666 00098765/);
    for (const page of pages) expect(collapse(page)).toContain(notRenewedMark);
    expect(text).not.toContain('SIN VALIDEZ');
    // The diagonal watermark is there too: without -nodiag its letters add to the page's text.
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
    expect(stdout.replace(/\s+/g, '').length).toBeGreaterThan(text.replace(/\s+/g, '').length + 40);
  });
});

describe('preview and renewal reminder', () => {
  it('marks every page of a preview as without legal validity, and its QR still reads', async () => {
    const file = await writeCertificate('preview.pdf', { ...sampleExistencia, preview: true, notRenewed: true });
    const pages = await pageTexts(file);
    for (const page of pages) {
      expect(collapse(page)).toContain(previewMark);
      expect(collapse(page)).toContain(notRenewedMark);
    }
    expect(await qrOnPage(file, 1)).toEqual(['https://certificados.ccibague.example/verificar/NA6V1suvZm']);
  });

  it('reminds on every page to renew by 31 March while that year is still unrenewed', async () => {
    const input: CertificateDescription = {
      ...sampleExistencia,
      issuedAt: new Date('2027-02-10T04:30:00Z'), // 9 February 2027, 23:30 in Bogotá
      business: { ...sampleCompany, matricula: { ...sampleCompany.matricula, lastRenewedYear: 2026 } },
    };
    const pages = await pageTexts(await writeCertificate('reminder.pdf', input));
    for (const page of pages) {
      expect(page).toContain('Fecha expedición: 09/02/2027 – 23:30:00');
      expect(collapse(page)).toContain('Recuerde renovar la matrícula mercantil a más tardar el 31 de marzo de 2027.');
    }
    const renewed = await pageTexts(await writeCertificate('renewed.pdf', sampleExistencia));
    expect(renewed.join('\n')).not.toContain('Recuerde renovar');
  });
});

describe('page breaks', () => {
  it('repeats the column titles on the page a table continues on', async () => {
    const board = Array.from({ length: 70 }, (_, i) => ({
      role: `PRINCIPAL RENGLÓN ${i + 1}`,
      name: `Miembro Número ${i + 1} Peña`,
      identification: { type: 'CC' as const, number: String(10_000_000 + i) },
    }));
    const input: CertificateDescription = {
      ...sampleExistencia,
      business: { ...sampleCompany, boardOfDirectors: board },
    };
    const pages = await pageTexts(await writeCertificate('long-board.pdf', input));
    const withBoard = pages.filter((p) => /PRINCIPAL RENGLÓN \d+ +Miembro/.test(p));
    expect(withBoard.length).toBeGreaterThanOrEqual(2);
    for (const page of withBoard) expect(page).toMatch(/CARGO +NOMBRE +IDENTIFICACIÓN/);
    const all = collapse(pages.join('\n'));
    expect(all).toContain('PRINCIPAL RENGLÓN 70 Miembro Número 70 Peña CC 10.000.069');
    expect(await certificatePageTexts(input)).toHaveLength(pages.length);
  });
});

describe('refusals', () => {
  it('makes no certificate with a code the verification page could not find, a bad chamber code or a fractional price', async () => {
    for (const bad of [
      { ...sampleExistencia, verificationCode: 'NA6V1suvZ' },
      { ...sampleExistencia, verificationCode: 'NA6V1suv/m' },
      { ...sampleExistencia, chamber: { ...sampleExistencia.chamber, code: '3' } },
      { ...sampleExistencia, pricePesos: 12_100.5 },
    ]) {
      await expect(renderCertificatePdf(bad)).rejects.toThrow(RangeError);
      await expect(certificatePageTexts(bad)).rejects.toThrow(RangeError);
    }
  });
});

describe('awkward data', () => {
  it('prints letters outside the font as their base letter or ?, and breaks an endless word', async () => {
    const input: CertificateDescription = {
      ...samplePersonCertificate,
      business: {
        ...samplePersonCertificate.business,
        name: 'Ŵang Lì 王力 Ñusta',
        commercialAddress: {
          address: 'Calle 10 No. 4-20',
          city: 'Ibagué',
          email: `${'muy'.repeat(40)}@largo.example`,
        },
      },
    };
    const pages = await pageTexts(await writeCertificate('awkward.pdf', input));
    const text = collapse(pages.join('\n'));
    expect(text).toContain('Ŵang Lì ?? Ñusta');
    expect(text.replace(/\s/g, '')).toContain(`${'muy'.repeat(40)}@largo.example`);
  });
});
