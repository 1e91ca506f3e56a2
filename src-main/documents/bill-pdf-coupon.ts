import type { BillDocument } from '../../src-shared/domain/bill-document';
import { formatCop } from '../../src-shared/domain/money';
import { barcodeHeight, drawGs1Barcode } from '../../src-node/pdf/barcode-drawing';
import { bands, page } from './bill-pdf-layout';
import { colors, paragraph, text, type Pen } from '../../src-node/pdf/pdf-text';

/**
 * The lower part of the bill: where to pay, the payment coupon (cupón de pago) with the GS1-128
 * barcode — or, when the bill must not be paid with it, the reason instead — and the entity's
 * customer-service and legal lines.
 */

export const cashierNote = 'Señor cajero: por favor no coloque el sello sobre el código de barras.';

export function drawPaymentPoints(pen: Pen, doc: BillDocument): void {
  if (doc.entity.paymentPoints.length === 0) return;
  const x = page.margin;
  let y = bands.paymentPointsTop - 9;
  text(pen, 'Dónde pagar', x, y, { size: 9, font: pen.fonts.bold, color: colors.brand });
  y -= 12;
  for (const point of doc.entity.paymentPoints) {
    // The band holds about six lines; more would run into the coupon.
    if (y < bands.couponTop + 8) break;
    text(pen, '•', x + 2, y, { size: 7.5, color: colors.brand });
    y = paragraph(pen, point, x + 10, y, page.contentWidth - 10, { size: 7.5, leading: 9 });
  }
}

export function drawCoupon(pen: Pen, doc: BillDocument): void {
  const top = bands.couponTop;
  const left = page.margin;
  const right = page.width - page.margin;
  const payable = doc.payment.kind === 'barcode';
  // A cut line only where there is a coupon to cut off and hand in.
  pen.page.drawLine({
    start: { x: left, y: top },
    end: { x: right, y: top },
    thickness: 0.7,
    color: colors.muted,
    dashArray: payable ? [4, 3] : undefined,
  });
  text(pen, payable ? 'CUPÓN DE PAGO' : 'RESUMEN DE LA FACTURA', left, top - 11, {
    size: 8,
    font: pen.fonts.bold,
    color: colors.brand,
  });
  text(pen, `${doc.entity.name} · NIT ${doc.entity.nit}`, right, top - 11, {
    size: 7,
    color: colors.muted,
    align: 'right',
    maxWidth: page.contentWidth - 90,
  });

  const cells: readonly [string, string][] = [
    ['Código interno', doc.subscriber.codigoInterno],
    ['Factura No.', doc.bill.billNumber],
    ['Periodo', doc.bill.periodLabel],
    [payable ? 'Pague hasta' : 'Fecha límite', doc.bill.dueOn],
    [payable ? 'Total a pagar' : 'Total', formatCop(doc.bill.total)],
  ];
  const cellTop = top - 17;
  const cellHeight = 28;
  const cellWidth = page.contentWidth / cells.length;
  cells.forEach(([label, value], i) => {
    const x = left + i * cellWidth;
    const strong = i === cells.length - 1;
    pen.page.drawRectangle({
      x,
      y: cellTop - cellHeight,
      width: cellWidth,
      height: cellHeight,
      color: strong ? colors.brandLight : undefined,
      borderColor: colors.rule,
      borderWidth: 0.6,
    });
    text(pen, label, x + cellWidth / 2, cellTop - 9, { size: 6.5, color: colors.muted, align: 'center' });
    text(pen, value, x + cellWidth / 2, cellTop - 22, {
      size: strong ? 11 : 9.5,
      font: pen.fonts.bold,
      align: 'center',
      maxWidth: cellWidth - 8,
    });
  });

  const barsBottom = cellTop - cellHeight - 14 - barcodeHeight;
  if (doc.payment.kind === 'barcode') {
    drawGs1Barcode(pen, doc.payment.barcode, { centerX: page.width / 2, y: barsBottom, maxWidth: page.contentWidth });
    text(pen, cashierNote, page.width / 2, barsBottom - 22, { size: 7, align: 'center', color: colors.muted });
    return;
  }
  const boxHeight = barcodeHeight;
  pen.page.drawRectangle({
    x: left + 60,
    y: barsBottom,
    width: page.contentWidth - 120,
    height: boxHeight,
    borderColor: colors.rule,
    borderWidth: 0.8,
    borderDashArray: [3, 2],
  });
  paragraph(pen, doc.payment.message, left + 72, barsBottom + boxHeight - 18, page.contentWidth - 144, {
    size: 9.5,
    font: pen.fonts.bold,
    leading: 12,
  });
}

export function drawFooter(pen: Pen, doc: BillDocument): void {
  let y = bands.footerTop - 8;
  for (const line of doc.entity.footer) {
    if (y < page.margin) break;
    y = paragraph(pen, line, page.margin, y, page.contentWidth, { size: 6.5, color: colors.muted, leading: 8 }) - 3;
  }
}
