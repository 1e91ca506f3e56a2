import { PDFDocument, rgb } from 'pdf-lib';
import type { ReceiptModel } from '../../src-shared/receipts/receipt-model';
import { pairLines, wrapText } from '../devices/receipt-printer/receipt-text';
import { embedStandardFonts, winAnsi } from '../../src-node/pdf/pdf-text';

/**
 * A receipt model (a cashier's X or Z report) as a letter page in a monospaced font, line for
 * line what the thermal printer prints, so the paper in the drawer and the file the office
 * keeps say the same. Pages are added as the lines need.
 */
const columns = 64;
const size = 10;
const leading = 13;
const margin = 54;

export async function renderReceiptPdf(model: ReceiptModel, title: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title, { showInWindowTitleBar: true });
  pdf.setCreator('Ventanilla');
  pdf.setLanguage('es-CO');
  const fonts = await embedStandardFonts(pdf);
  const lines: { text: string; bold: boolean; center: boolean; large: boolean }[] = [];
  for (const line of model.lines) {
    switch (line.kind) {
      case 'text':
        for (const text of wrapText(line.text, line.large ? columns / 2 : columns))
          lines.push({ text, bold: line.bold ?? false, center: line.align === 'center', large: line.large ?? false });
        break;
      case 'pair':
        for (const text of pairLines(line.left, line.right, columns))
          lines.push({ text, bold: line.bold ?? false, center: false, large: false });
        break;
      case 'rule':
        lines.push({ text: '-'.repeat(columns), bold: false, center: false, large: false });
        break;
      case 'feed':
        for (let i = 0; i < line.lines; i += 1) lines.push({ text: '', bold: false, center: false, large: false });
        break;
      case 'code128':
        lines.push({ text: line.data, bold: true, center: true, large: false });
        break;
      case 'gs1-128':
        lines.push({ text: line.hri, bold: false, center: true, large: false });
        break;
    }
  }
  let page = pdf.addPage([612, 792]);
  let y = 792 - margin;
  for (const line of lines) {
    const fontSize = line.large ? size * 1.6 : size;
    if (y < margin + fontSize) {
      page = pdf.addPage([612, 792]);
      y = 792 - margin;
    }
    const font = line.bold ? fonts.bold : fonts.mono;
    const text = winAnsi(line.text, font);
    const width = font.widthOfTextAtSize(text, fontSize);
    const x = line.center ? (612 - width) / 2 : margin;
    page.drawText(text, {
      x,
      y,
      size: fontSize,
      font: line.bold && !line.center ? fonts.mono : font,
      color: rgb(0.08, 0.13, 0.23),
    });
    y -= line.large ? leading * 1.6 : leading;
  }
  return pdf.save();
}
