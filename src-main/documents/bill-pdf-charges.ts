import type { BillDocument, BillDocumentLine, BillLineKind } from '../../src-shared/domain/bill-document';
import { formatCop } from '../../src-shared/domain/money';
import { bands, columns } from './bill-pdf-layout';
import { drawConsumptionChart } from './consumption-chart';
import { colors, paragraph, text, type Pen } from '../../src-node/pdf/pdf-text';

/**
 * The middle of the bill: meter readings and the six-month chart on the left; what is charged
 * (line items with subsidies and contributions, previous balance, total) on the right.
 */

const integer = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 0, useGrouping: true });

function title(pen: Pen, label: string, x: number, y: number, width: number): void {
  text(pen, label, x, y, { size: 9, font: pen.fonts.bold, color: colors.brand });
  pen.page.drawLine({ start: { x, y: y - 4 }, end: { x: x + width, y: y - 4 }, thickness: 0.8, color: colors.rule });
}

function row(pen: Pen, label: string, value: string, x: number, y: number, width: number, bold = false): void {
  const font = bold ? pen.fonts.bold : pen.fonts.regular;
  const valueWidth = text(pen, value, x + width, y, { size: 8.5, font, align: 'right' });
  text(pen, label, x, y, { size: 8.5, font, maxWidth: width - valueWidth - 8 });
}

export function drawReadings(pen: Pen, doc: BillDocument): void {
  const { x, width } = columns.left;
  const top = bands.middleTop;
  const b = doc.bill;
  title(pen, 'Lecturas y consumo', x, top - 9, width);
  row(pen, 'Lectura anterior', integer.format(b.previousReading), x, top - 26, width);
  row(pen, 'Lectura actual', integer.format(b.currentReading), x, top - 38, width);
  row(pen, 'Consumo del periodo', `${integer.format(b.consumptionM3)} m³`, x, top - 50, width, true);
  row(
    pen,
    'Promedio de los meses anteriores',
    doc.averageM3 === null ? 'sin datos' : `${integer.format(doc.averageM3)} m³`,
    x,
    top - 62,
    width,
  );

  text(pen, 'Consumo de los últimos 6 meses (m³)', x, top - 84, { size: 7.5, color: colors.muted });
  drawConsumptionChart(pen, doc.consumption, {
    x,
    y: bands.paymentPointsTop + 8,
    width,
    height: top - 92 - bands.paymentPointsTop - 8,
  });
}

const kindColor: Readonly<Record<BillLineKind, typeof colors.ink>> = {
  charge: colors.ink,
  subsidy: colors.brand,
  contribution: colors.ink,
};

/** Room for nine lines; beyond that the rest are added up as one, so the total stays in place. */
const maxLines = 9;

function fitLines(lines: readonly BillDocumentLine[]): readonly BillDocumentLine[] {
  if (lines.length <= maxLines) return lines;
  const rest = lines.slice(maxLines - 1);
  const amount = rest.reduce((sum, line) => sum + line.amount, 0);
  return [...lines.slice(0, maxLines - 1), { label: `Otros conceptos (${rest.length})`, amount, kind: 'charge' }];
}

export function drawCharges(pen: Pen, doc: BillDocument): void {
  const { x, width } = columns.right;
  const top = bands.middleTop;
  const b = doc.bill;
  title(pen, 'Detalle de cobros', x, top - 9, width);
  let y = top - 26;
  for (const line of fitLines(b.lines)) {
    const valueWidth = text(pen, formatCop(line.amount), x + width, y, {
      size: 8.5,
      align: 'right',
      color: kindColor[line.kind],
    });
    text(pen, line.label, x, y, { size: 8.5, color: kindColor[line.kind], maxWidth: width - valueWidth - 8 });
    y -= 12;
  }
  pen.page.drawLine({ start: { x, y: y + 6 }, end: { x: x + width, y: y + 6 }, thickness: 0.5, color: colors.rule });
  y -= 6;
  row(pen, 'Total del periodo', formatCop(b.periodCharges), x, y, width);
  y -= 12;
  row(pen, 'Saldo anterior', formatCop(b.previousBalance), x, y, width);
  y -= 12;

  const boxHeight = 26;
  pen.page.drawRectangle({ x, y: y - boxHeight + 8, width, height: boxHeight, color: colors.brand });
  text(pen, 'TOTAL A PAGAR', x + 8, y - 9, { size: 10, font: pen.fonts.bold, color: colors.white });
  text(pen, formatCop(b.total), x + width - 8, y - 10, {
    size: 14,
    font: pen.fonts.bold,
    color: colors.white,
    align: 'right',
  });
  y -= boxHeight + 4;
  const due =
    doc.payment.kind === 'barcode'
      ? `Pague hasta el ${b.dueOn}`
      : b.paidOn
        ? `Pagada el ${b.paidOn}`
        : `Fecha límite: ${b.dueOn}`;
  text(pen, due, x + width, y, { size: 8.5, font: pen.fonts.bold, align: 'right' });
  y -= 13;
  for (const notice of doc.notices) {
    y = paragraph(pen, notice, x, y, width, { size: 7.5, color: colors.alert, leading: 9 }) - 2;
  }
}
