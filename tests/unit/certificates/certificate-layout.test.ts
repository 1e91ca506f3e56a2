import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateSection } from '../../../src-node/certificates/certificate-blocks';
import { embedCertificateFonts, type CertificateFonts } from '../../../src-node/certificates/certificate-fonts';
import { layoutBody, type BodyArea } from '../../../src-node/certificates/certificate-layout';
import { linesAsText } from '../../../src-node/certificates/certificate-text-lines';

/**
 * Page breaking on a tiny body area (60 pt: four or five lines), where each rule decides what
 * lands on which page.
 */
let fonts: CertificateFonts;
beforeAll(async () => {
  fonts = await embedCertificateFonts(await PDFDocument.create());
});

const area: BodyArea = { left: 50, width: 500, top: 100, bottom: 40 };
const texts = (sections: readonly CertificateSection[]): string[][] =>
  layoutBody(sections, fonts, area).map((page) => linesAsText(page.lines));

describe('certificate body layout', () => {
  it('moves a section title to the next page when the line it introduces does not fit under it', () => {
    const pages = texts([
      {
        id: 'matricula',
        blocks: [
          { type: 'paragraph', text: 'Uno' },
          { type: 'paragraph', text: 'Dos' },
        ],
      },
      {
        id: 'ubicacion',
        blocks: [
          { type: 'heading', text: 'UBICACIÓN' },
          { type: 'paragraph', text: 'Tres' },
        ],
      },
    ]);
    expect(pages).toEqual([
      ['Uno', 'Dos'],
      ['UBICACIÓN', 'Tres'],
    ]);
  });

  it('keeps the room for the signature, the name, the post and the seat on one page', () => {
    const pages = texts([
      { id: 'tamano-empresarial', blocks: [{ type: 'paragraph', text: 'Uno' }] },
      {
        id: 'firma',
        blocks: [
          { type: 'gap', height: 10, keepWithNext: true },
          { type: 'paragraph', text: 'LUZ ÁNGELA MUÑOZ PEÑA', keepWithNext: true },
          { type: 'paragraph', text: 'SECRETARIO(A)', keepWithNext: true },
          { type: 'paragraph', text: 'Ibagué. Firma mecánica.' },
        ],
      },
    ]);
    expect(pages).toEqual([['Uno'], ['LUZ ÁNGELA MUÑOZ PEÑA', 'SECRETARIO(A)', 'Ibagué. Firma mecánica.']]);
  });

  it('repeats the titles of a table where it continues, and keeps every row once', () => {
    const rows = Array.from({ length: 9 }, (_, i) => [`Cargo ${i + 1}`, `Persona ${i + 1}`]);
    const pages = texts([
      {
        id: 'nombramientos',
        blocks: [
          {
            type: 'table',
            columns: [
              { title: 'CARGO', share: 1 },
              { title: 'NOMBRE', share: 1 },
            ],
            rows,
          },
        ],
      },
    ]);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page[0]).toBe('CARGO  NOMBRE');
    expect(pages.flatMap((page) => page.slice(1))).toEqual(rows.map(([a, b]) => `${a}  ${b}`));
  });

  it('wraps a long paragraph onto as many pages as it needs, in reading order', () => {
    const words = Array.from({ length: 400 }, (_, i) => `palabra${i}`);
    const pages = texts([{ id: 'objeto-social', blocks: [{ type: 'paragraph', text: words.join(' ') }] }]);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.flat().join(' ').split(' ')).toEqual(words);
  });
});
