import type { BillDocument } from '../../src-shared/domain/bill-document';
import { bands, page } from './bill-pdf-layout';
import { drawLogoMark } from '../../src-node/pdf/logo-mark';
import { colors, labelled, text, wrap, type Pen } from '../../src-node/pdf/pdf-text';

/** The top of the bill: who bills (entity), which bill, to whom (subscriber), and its dates. */

const boxWidth = 184;

export function drawHeader(pen: Pen, doc: BillDocument): void {
  const top = bands.headerTop;
  const left = page.margin;
  drawLogoMark(pen, left, top, 54);

  const textX = left + 64;
  const textWidth = page.width - page.margin - boxWidth - 12 - textX;
  const nameLines = wrap(doc.entity.name, pen.fonts.bold, 12, textWidth).slice(0, 2);
  let y = top - 11;
  for (const line of nameLines) {
    text(pen, line, textX, y, { size: 12, font: pen.fonts.bold, color: colors.brand, maxWidth: textWidth });
    y -= 14;
  }
  text(pen, `NIT ${doc.entity.nit}`, textX, y, { size: 8.5, font: pen.fonts.bold });
  y -= 10.5;
  for (const line of [doc.entity.address, doc.entity.phone, doc.entity.website]) {
    if (line.length === 0) continue;
    text(pen, line, textX, y, { size: 7.5, color: colors.muted, maxWidth: textWidth });
    y -= 9.5;
  }

  const boxX = page.width - page.margin - boxWidth;
  const boxHeight = 70;
  pen.page.drawRectangle({
    x: boxX,
    y: top - boxHeight,
    width: boxWidth,
    height: boxHeight,
    color: colors.brandLight,
    borderColor: colors.rule,
    borderWidth: 0.8,
  });
  const centre = boxX + boxWidth / 2;
  text(pen, 'FACTURA DE SERVICIOS PÚBLICOS', centre, top - 14, {
    size: 8,
    font: pen.fonts.bold,
    align: 'center',
    color: colors.brand,
  });
  text(pen, `No. ${doc.bill.billNumber}`, centre, top - 34, { size: 11.5, font: pen.fonts.bold, align: 'center' });
  text(pen, `Periodo facturado: ${doc.bill.periodLabel}`, centre, top - 51, { size: 8, align: 'center' });
  text(pen, `Estado: ${doc.bill.stateLabel}`, centre, top - 62, { size: 7.5, align: 'center', color: colors.muted });
}

export function drawSubscriber(pen: Pen, doc: BillDocument): void {
  const top = bands.subscriberTop;
  const height = 66;
  const s = doc.subscriber;
  pen.page.drawRectangle({
    x: page.margin,
    y: top - height,
    width: page.contentWidth,
    height,
    borderColor: colors.rule,
    borderWidth: 0.8,
  });
  const x = page.margin + 8;
  labelled(pen, 'Titular', s.holderName, x, top - 11, { size: 10, font: pen.fonts.bold, maxWidth: 290 });
  labelled(pen, 'Dirección del predio', s.address, x, top - 36, { size: 9, maxWidth: 290 });
  text(pen, s.place, x, top - 58, { size: 8, color: colors.muted, maxWidth: 290 });

  const gridX = page.margin + 318;
  labelled(pen, 'Código interno', s.codigoInterno, gridX, top - 11, {
    size: 15,
    font: pen.fonts.bold,
    color: colors.brand,
  });
  labelled(pen, 'Código de ruta', s.codigoRuta, gridX + 116, top - 11, { size: 9.5, maxWidth: 100 });
  labelled(pen, 'Estrato', String(s.estrato), gridX, top - 42, { size: 9.5 });
  labelled(pen, 'Uso', s.uso, gridX + 46, top - 42, { size: 9.5, maxWidth: 66 });
  labelled(pen, 'Medidor', s.meterSerial, gridX + 116, top - 42, { size: 9.5, maxWidth: 100 });
}

export function drawDates(pen: Pen, doc: BillDocument): void {
  const top = bands.datesTop;
  const height = 30;
  const cells: readonly [string, string, boolean][] = [
    ['Fecha de expedición', doc.bill.issuedOn, false],
    ['Periodo facturado', doc.bill.periodLabel, false],
    ['Pague hasta', doc.bill.dueOn, true],
    ['Fecha de suspensión', doc.bill.suspensionOn, false],
  ];
  const cellWidth = page.contentWidth / cells.length;
  cells.forEach(([label, value, strong], i) => {
    const x = page.margin + i * cellWidth;
    pen.page.drawRectangle({
      x,
      y: top - height,
      width: cellWidth,
      height,
      color: strong ? colors.brand : colors.brandLight,
      borderColor: colors.rule,
      borderWidth: 0.8,
    });
    const ink = strong ? colors.white : colors.ink;
    text(pen, label, x + cellWidth / 2, top - 10, {
      size: 6.5,
      align: 'center',
      color: strong ? colors.white : colors.muted,
    });
    text(pen, value, x + cellWidth / 2, top - 23, {
      size: 10,
      align: 'center',
      font: pen.fonts.bold,
      color: ink,
      maxWidth: cellWidth - 8,
    });
  });
}
