import { PDFDocument } from 'pdf-lib';
import type { BillDocument } from '../../src-shared/domain/bill-document';
import { drawCharges, drawReadings } from './bill-pdf-charges';
import { drawCoupon, drawFooter, drawPaymentPoints } from './bill-pdf-coupon';
import { drawDates, drawHeader, drawSubscriber } from './bill-pdf-header';
import { page } from './bill-pdf-layout';
import { embedStandardFonts, type Pen } from '../../src-node/pdf/pdf-text';
import { drawWatermark } from './watermark-drawing';

/**
 * A bill document (src-shared/domain/bill-document.ts) as a one-page US-letter PDF, with
 * pdf-lib: entity header with the logo mark, subscriber block, dates, readings and the
 * six-month chart, charges and total, where to pay, the payment coupon with its GS1-128
 * barcode (current bills) and the state watermark (previous bills).
 *
 * Everything is vector (text in standard fonts, rectangles, paths), so a bill is small
 * (≈ 10 kB) and fast to make; nothing is cached between calls because nothing is costly to
 * prepare: standard fonts embed no bytes, and the logo is a few path strings.
 */
export async function renderBillPdf(doc: BillDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Factura ${doc.bill.billNumber} · ${doc.bill.periodLabel}`, { showInWindowTitleBar: true });
  pdf.setAuthor(doc.entity.name);
  pdf.setSubject(
    doc.mode === 'current' ? 'Factura de servicios públicos' : 'Copia informativa de factura de servicios públicos',
  );
  pdf.setCreator('Ventanilla');
  pdf.setLanguage('es-CO');

  const pen: Pen = { page: pdf.addPage([page.width, page.height]), fonts: await embedStandardFonts(pdf) };
  drawHeader(pen, doc);
  drawSubscriber(pen, doc);
  drawDates(pen, doc);
  drawReadings(pen, doc);
  drawCharges(pen, doc);
  drawPaymentPoints(pen, doc);
  drawCoupon(pen, doc);
  drawFooter(pen, doc);
  if (doc.watermark !== null) drawWatermark(pen, doc.watermark);
  return pdf.save();
}

/** `factura-104233-2026-03.pdf`: what a saved copy is called. */
export function billPdfFileName(doc: BillDocument): string {
  return `factura-${doc.subscriber.codigoInterno}-${doc.bill.period}${doc.mode === 'previous' ? '-copia' : ''}.pdf`;
}
