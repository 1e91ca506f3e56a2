import { degrees, rgb } from 'pdf-lib';
import { winAnsi, type Pen } from '../../src-node/pdf/pdf-text';

/**
 * The state watermark of a previous bill ("FACTURA PAGADA"…): big, along the page's diagonal,
 * semi-transparent so the bill stays readable under it, and drawn last so no box hides it.
 * It is real text, so a copy made from the PDF cannot drop it and `pdftotext` reads it.
 */

const watermarkColor = rgb(0.75, 0.12, 0.12);

export function drawWatermark(pen: Pen, label: string): void {
  const { width: pageWidth, height: pageHeight } = pen.page.getSize();
  const font = pen.fonts.bold;
  const line = winAnsi(label, font);
  const diagonal = Math.hypot(pageWidth, pageHeight);
  const angle = Math.atan2(pageHeight, pageWidth);
  const size = Math.min(96, (0.72 * diagonal) / Math.max(font.widthOfTextAtSize(line, 1), 1));
  const width = font.widthOfTextAtSize(line, size);
  const capHeight = font.heightAtSize(size, { descender: false });
  // Start so that the middle of the text sits on the page's centre.
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const x = pageWidth / 2 - (width / 2) * cos + (capHeight / 2) * sin;
  const y = pageHeight / 2 - (width / 2) * sin - (capHeight / 2) * cos;
  pen.page.drawText(line, {
    x,
    y,
    size,
    font,
    color: watermarkColor,
    opacity: 0.2,
    rotate: degrees((angle * 180) / Math.PI),
  });
}
