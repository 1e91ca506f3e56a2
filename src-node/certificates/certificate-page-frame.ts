import { degrees, rgb, type PDFPage } from 'pdf-lib';
import type { CertificateDescription } from './certificate-document';
import type { CertificateFonts } from './certificate-fonts';
import { headerLines, pageLabel, watermarks } from './certificate-wording';
import { wrapText, type PlacedLine } from './certificate-text-lines';
import type { QrBox } from './qr-drawing';

/**
 * What every page of a certificate repeats: the header (chamber, title, Fecha expedición,
 * Recibo No. and Valor, the verification code and text, the renewal reminder when it applies,
 * "Página N de M") with the verification QR at its right, and the watermarks. The header's
 * height depends only on the certificate, never on the page, so the body area is known before
 * the body is laid out.
 */

export const page = { width: 612, height: 792, margin: 50, top: 36, bottom: 52, footerBaseline: 24 } as const;
const qrSide = 84;
const columnGap = 12;

export interface PageFrame {
  readonly lines: readonly PlacedLine[];
  /** The watermarks' plain line(s) at the foot of the page, in red. */
  readonly footer: readonly PlacedLine[];
  readonly qr: QrBox;
  /** A rule under the header, at this y. */
  readonly ruleY: number;
  /** Where the body may start. */
  readonly bodyTop: number;
}

/** The header of page `number` of `pages`. */
export function pageFrame(
  input: CertificateDescription,
  fonts: CertificateFonts,
  number: number,
  pages: number,
): PageFrame {
  const words = headerLines(input);
  const left = page.margin;
  const fullWidth = page.width - 2 * page.margin;
  const columnWidth = fullWidth - qrSide - columnGap;
  const lines: PlacedLine[] = [];
  let y = page.height - page.top;
  const add = (text: string, size: number, weight: 'regular' | 'bold', width: number, leading: number): void => {
    const font = weight === 'bold' ? fonts.bold : fonts.regular;
    for (const line of wrapText(text, font, size, width)) {
      y -= leading;
      lines.push({ text: line, x: left, y, size, weight });
    }
  };
  add(words.chamber, 12, 'bold', columnWidth, 14);
  add(words.title, 10, 'bold', columnWidth, 13);
  y -= 3;
  add(words.issued, 8.5, 'regular', columnWidth, 11);
  add(words.receipt, 8.5, 'regular', columnWidth, 11);
  add(words.code, 10, 'bold', columnWidth, 13);
  const qr: QrBox = { x: page.width - page.margin - qrSide, y: page.height - page.top - qrSide, size: qrSide };
  // The verification text runs under the QR when the column ends above it.
  y = Math.min(y, qr.y + 4);
  add(words.verification, 7.5, 'regular', fullWidth, 9.5);
  if (words.reminder !== null) add(words.reminder, 7.5, 'bold', fullWidth, 9.5);
  const label = pageLabel(number, pages);
  y -= 11;
  lines.push({
    text: label,
    x: page.width - page.margin - fonts.regular.widthOf(label, 8.5),
    y,
    size: 8.5,
    weight: 'regular',
  });
  const ruleY = y - 5;
  // The watermarks again as a plain line at the foot: read on a photocopy whose tint faded,
  // and by text tools, which split diagonal text into letters.
  const footer = activeWatermarks(input).map((mark, i, all): PlacedLine => {
    const text = fonts.bold.printable(mark);
    const size = Math.min(8, (8 * fullWidth) / fonts.bold.widthOf(text, 8));
    return {
      text,
      x: left + (fullWidth - fonts.bold.widthOf(text, size)) / 2,
      y: page.footerBaseline + (all.length - 1 - i) * 10,
      size,
      weight: 'bold',
    };
  });
  return { lines, footer, qr, ruleY, bodyTop: ruleY - 4 };
}

/** The watermarks a certificate carries, preview first. */
export function activeWatermarks(input: Pick<CertificateDescription, 'preview' | 'notRenewed'>): string[] {
  return [...(input.preview ? [watermarks.preview] : []), ...(input.notRenewed ? [watermarks.notRenewed] : [])];
}

export const watermarkColor = rgb(0.72, 0.1, 0.1);

/**
 * The certificate's watermarks, big and light along the page's diagonal: real text, so a copy
 * made from the PDF keeps it and `pdftotext` reads it. A preview that is also not renewed gets
 * both, on parallel diagonals.
 */
export function drawWatermarks(target: PDFPage, input: CertificateDescription, fonts: CertificateFonts): void {
  const labels = activeWatermarks(input);
  const angle = Math.atan2(page.height, page.width);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const diagonal = Math.hypot(page.width, page.height);
  labels.forEach((label, i) => {
    const text = fonts.bold.printable(label);
    const size = Math.min(44, (0.7 * diagonal) / fonts.bold.widthOf(text, 1));
    const width = fonts.bold.widthOf(text, size);
    const capHeight = fonts.bold.capHeight(size);
    // Centred on the page's centre, the second one shifted across the diagonal.
    const shift = labels.length === 1 ? 0 : (i === 0 ? 1 : -1) * 60;
    const cx = page.width / 2 - shift * sin;
    const cy = page.height / 2 + shift * cos;
    target.drawText(text, {
      x: cx - (width / 2) * cos + (capHeight / 2) * sin,
      y: cy - (width / 2) * sin - (capHeight / 2) * cos,
      size,
      font: fonts.bold.pdf,
      color: watermarkColor,
      opacity: 0.22,
      rotate: degrees((angle * 180) / Math.PI),
    });
  });
}
