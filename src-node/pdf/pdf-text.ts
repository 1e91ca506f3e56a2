import { rgb, StandardFonts, type Color, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * Fonts, colours and text helpers shared by the document renderers.
 *
 * The fonts are PDF standard fonts (Helvetica, Courier) with WinAnsi encoding: every reader has
 * them, embedding costs no bytes and no parsing (a TrueType font through fontkit costs tens of
 * milliseconds per document), and WinAnsi covers Spanish — áéíóú ÁÉÍÓÚ ñÑ üÜ ¿¡ ° ³ · – “” … and
 * the no-break space `formatCop` writes (checked in tests/unit/documents/pdf-text.test.ts). Anything
 * else (a name written with another alphabet) is reduced to its base letter or `?` by
 * `winAnsi`, instead of making pdf-lib throw mid-document.
 */

export interface PdfFonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  /** Monospace for the barcode's human-readable line. */
  readonly mono: PDFFont;
}

/** A page and the fonts embedded in its document. */
export interface Pen {
  readonly page: PDFPage;
  readonly fonts: PdfFonts;
}

export const colors = {
  ink: rgb(0.1, 0.1, 0.1),
  muted: rgb(0.33, 0.36, 0.4),
  brand: rgb(0.039, 0.227, 0.431),
  brandLight: rgb(0.93, 0.95, 0.98),
  rule: rgb(0.62, 0.7, 0.8),
  chartBar: rgb(0.55, 0.68, 0.84),
  alert: rgb(0.65, 0.1, 0.1),
  white: rgb(1, 1, 1),
  black: rgb(0, 0, 0),
} as const;

export async function embedStandardFonts(pdf: PDFDocument): Promise<PdfFonts> {
  const [regular, bold, mono] = await Promise.all([
    pdf.embedFont(StandardFonts.Helvetica),
    pdf.embedFont(StandardFonts.HelveticaBold),
    pdf.embedFont(StandardFonts.Courier),
  ]);
  return { regular, bold, mono };
}

/** WinAnsi code points, the same for every standard Latin font: computed once per process. */
let winAnsiSet: ReadonlySet<number> | null = null;

function encodable(font: PDFFont): ReadonlySet<number> {
  winAnsiSet ??= new Set(font.getCharacterSet());
  return winAnsiSet;
}

/** `text` with every character the standard fonts cannot encode replaced by its base letter or `?`. */
export function winAnsi(text: string, font: PDFFont): string {
  const set = encodable(font);
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (set.has(code)) {
      out += ch;
      continue;
    }
    if (code < 0x20) {
      out += ' ';
      continue;
    }
    const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
    out += base.length > 0 && [...base].every((c) => set.has(c.codePointAt(0) ?? 0)) ? base : '?';
  }
  return out;
}

export interface TextStyle {
  readonly size: number;
  readonly font?: PDFFont;
  readonly color?: Color;
  readonly align?: 'left' | 'right' | 'center';
  /** Shrink the size (down to 70 %) and then cut with `…` to stay within this width. */
  readonly maxWidth?: number;
}

/** Draws one line; `x` is the left edge, the right edge or the centre depending on `align`. */
export function text(pen: Pen, value: string, x: number, y: number, style: TextStyle): number {
  const font = style.font ?? pen.fonts.regular;
  let line = winAnsi(value, font);
  let size = style.size;
  let width = font.widthOfTextAtSize(line, size);
  if (style.maxWidth !== undefined && width > style.maxWidth) {
    size = Math.max(style.size * 0.7, (style.size * style.maxWidth) / width);
    width = font.widthOfTextAtSize(line, size);
    while (width > style.maxWidth && line.length > 1) {
      line = `${line.slice(0, -2).trimEnd()}…`;
      width = font.widthOfTextAtSize(line, size);
    }
  }
  const left = style.align === 'right' ? x - width : style.align === 'center' ? x - width / 2 : x;
  pen.page.drawText(line, { x: left, y, size, font, color: style.color ?? colors.ink });
  return width;
}

/** Greedy word wrap of `value` into lines no wider than `width`. */
export function wrap(value: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of winAnsi(value, font)
    .split(/\s+/)
    .filter((w) => w.length > 0)) {
    const candidate = current.length === 0 ? word : `${current} ${word}`;
    if (current.length > 0 && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/** Draws wrapped lines downwards from `y` (the first baseline); returns the baseline after the last. */
export function paragraph(
  pen: Pen,
  value: string,
  x: number,
  y: number,
  width: number,
  style: TextStyle & { leading?: number },
): number {
  const font = style.font ?? pen.fonts.regular;
  const leading = style.leading ?? style.size * 1.25;
  let baseline = y;
  for (const line of wrap(value, font, style.size, width)) {
    pen.page.drawText(line, { x, y: baseline, size: style.size, font, color: style.color ?? colors.ink });
    baseline -= leading;
  }
  return baseline;
}

/** A small grey caption above a value, as printed forms label their boxes. */
export function labelled(pen: Pen, label: string, value: string, x: number, y: number, valueStyle: TextStyle): void {
  text(pen, label, x, y, { size: 6.5, color: colors.muted, align: valueStyle.align, maxWidth: valueStyle.maxWidth });
  text(pen, value, x, y - valueStyle.size - 2, valueStyle);
}
