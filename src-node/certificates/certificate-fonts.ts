import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { certificateFontBytes, type CertificateFontWeight } from './certificate-font-files';

/**
 * The certificate's two fonts, embedded as subsets. A certificate is a document others must
 * trust and print anywhere, so its letters travel inside the file (PDF/A and the chambers'
 * signed PDFs do the same) instead of relying on the reader's Helvetica.
 *
 * A line's width is the sum of its glyphs' advances, cached per character: the word wrap
 * measures thousands of candidates per certificate.
 */
export interface CertificateFace {
  readonly pdf: PDFFont;
  /** Width of `text` (already printable) at `size`, in points. */
  widthOf(text: string, size: number): number;
  /** `text` with what the font cannot draw replaced (see `printableIn`). */
  printable(text: string): string;
  /** Height of capitals above the baseline at `size`. */
  capHeight(size: number): number;
}

export interface CertificateFonts {
  readonly regular: CertificateFace;
  readonly bold: CertificateFace;
}

/**
 * fontkit with layout reduced to the cmap: one glyph per code point, no shaping. pdf-lib uses
 * only the glyphs of a layout (it writes glyph ids and lets the widths array place them, so
 * the kerning fontkit computes is thrown away), and shaping Latin text with the OpenType tables
 * of a font made for many scripts costs about a millisecond a line, most of a certificate's
 * time. Without ligatures every
 * glyph maps back to one character, which also keeps the text layer exact. The parsed fonts
 * are shared by every document of the process (pdf-lib makes a fresh subset per document).
 */
const parsed = new Map<Uint8Array, fontkit.Font>();

function unshapedFont(bytes: Uint8Array): fontkit.Font {
  const known = parsed.get(bytes);
  if (known !== undefined) return known;
  const font = fontkit.create(bytes);
  const glyphs = new Map<number, fontkit.Glyph>();
  const glyphOf = (codePoint: number): fontkit.Glyph => {
    let glyph = glyphs.get(codePoint);
    if (glyph === undefined) {
      glyph = font.glyphForCodePoint(codePoint);
      glyphs.set(codePoint, glyph);
    }
    return glyph;
  };
  Object.defineProperty(font, 'layout', {
    value: (text: string) => ({ glyphs: Array.from(text, (ch) => glyphOf(ch.codePointAt(0) ?? 0)) }),
  });
  parsed.set(bytes, font);
  return font;
}

const unshapedFontkit = { create: (bytes: Uint8Array) => unshapedFont(bytes) };

/**
 * `value` with every character the font has no glyph for reduced to its base letter, or `?`,
 * and control characters turned into spaces. DejaVu Sans covers Latin, Greek and Cyrillic, so
 * this only touches a registry name written in another script.
 */
export function printableIn(value: string, charset: ReadonlySet<number>): string {
  let out = '';
  for (const ch of value.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) {
      out += ' ';
    } else if (charset.has(code)) {
      out += ch;
    } else {
      const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
      out += base.length > 0 && [...base].every((c) => charset.has(c.codePointAt(0) ?? 0)) ? base : '?';
    }
  }
  return out;
}

function face(pdf: PDFFont, weight: CertificateFontWeight): CertificateFace {
  const font = unshapedFont(certificateFontBytes(weight));
  const charset: ReadonlySet<number> = new Set(font.characterSet);
  const advances = new Map<number, number>();
  const advance = (codePoint: number): number => {
    let width = advances.get(codePoint);
    if (width === undefined) {
      width = font.glyphForCodePoint(codePoint).advanceWidth;
      advances.set(codePoint, width);
    }
    return width;
  };
  // DejaVu's OS/2 table predates sCapHeight; its capitals stand 0.73 em.
  const capUnits = Number.isFinite(font.capHeight) && font.capHeight > 0 ? font.capHeight : 0.73 * font.unitsPerEm;
  return {
    pdf,
    widthOf: (text, size) => {
      let units = 0;
      for (const ch of text) units += advance(ch.codePointAt(0) ?? 0);
      return (units * size) / font.unitsPerEm;
    },
    printable: (text) => printableIn(text, charset),
    capHeight: (size) => (capUnits * size) / font.unitsPerEm,
  };
}

/**
 * The fonts' names in the PDF: a subset carries a six-letter tag before its PostScript name
 * (ISO 32000-1 §9.6.4), which readers and `pdffonts` use to tell it is partial. pdf-lib would
 * add a random suffix instead, so the same certificate would not give the same bytes twice.
 */
const subsetNames = { regular: 'VTNLRG+DejaVuSans', bold: 'VTNLBD+DejaVuSans-Bold' } as const;

export async function embedCertificateFonts(pdf: PDFDocument): Promise<CertificateFonts> {
  pdf.registerFontkit(unshapedFontkit);
  const [regular, bold] = await Promise.all([
    pdf.embedFont(certificateFontBytes('regular'), { subset: true, customName: subsetNames.regular }),
    pdf.embedFont(certificateFontBytes('bold'), { subset: true, customName: subsetNames.bold }),
  ]);
  return { regular: face(regular, 'regular'), bold: face(bold, 'bold') };
}
