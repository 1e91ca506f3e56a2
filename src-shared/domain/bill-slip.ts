import type { ReceiptLine, ReceiptModel } from '../receipts/receipt-model';
import type { BillDocument } from './bill-document';
import { formatCop } from './money';

/**
 * The short thermal version of a bill (docs/user-guides.md, guide 000 §4), for kiosks with only a receipt printer:
 * the same BillDocument the PDF draws, so the two never disagree. It keeps what a citizen
 * needs to pay or to check: who and what, the period's total and due date, and the payment
 * barcode when the full bill would carry one. A previous bill's slip is marked with its state
 * instead (no barcode, as on the PDF).
 */
const grouped = new Intl.NumberFormat('es-CO', { useGrouping: 'always', maximumFractionDigits: 0 });

export function billSlip(doc: BillDocument): ReceiptModel {
  const { entity, subscriber, bill } = doc;
  const lines: ReceiptLine[] = [
    { kind: 'text', text: entity.name, align: 'center', bold: true },
    { kind: 'text', text: `NIT ${entity.nit}`, align: 'center' },
    { kind: 'text', text: entity.phone, align: 'center' },
    { kind: 'rule' },
    {
      kind: 'text',
      text: doc.mode === 'current' ? 'FACTURA DE SERVICIOS PÚBLICOS' : 'COPIA DE FACTURA ANTERIOR',
      align: 'center',
      bold: true,
    },
  ];
  if (doc.watermark !== null)
    lines.push({ kind: 'text', text: doc.watermark, align: 'center', bold: true, large: true });
  lines.push(
    { kind: 'pair', left: 'Factura Nº', right: bill.billNumber },
    { kind: 'pair', left: 'Código interno', right: subscriber.codigoInterno, bold: true },
    { kind: 'text', text: subscriber.holderName },
    { kind: 'text', text: `${subscriber.address}, ${subscriber.place}` },
    { kind: 'pair', left: 'Estrato · uso', right: `${subscriber.estrato} · ${subscriber.uso}` },
    { kind: 'rule' },
    { kind: 'pair', left: 'Periodo', right: bill.periodLabel },
    {
      kind: 'pair',
      left: 'Lectura anterior · actual',
      right: `${grouped.format(bill.previousReading)} · ${grouped.format(bill.currentReading)}`,
    },
    { kind: 'pair', left: 'Consumo', right: `${bill.consumptionM3} m³` },
    { kind: 'pair', left: 'Cobros del periodo', right: formatCop(bill.periodCharges) },
    { kind: 'pair', left: 'Saldo anterior', right: formatCop(bill.previousBalance) },
    { kind: 'pair', left: 'TOTAL A PAGAR', right: formatCop(bill.total), bold: true },
    { kind: 'pair', left: 'Pague hasta', right: bill.dueOn, bold: true },
    { kind: 'pair', left: 'Suspensión desde', right: bill.suspensionOn },
    { kind: 'pair', left: 'Estado', right: bill.stateLabel },
  );
  if (bill.paidOn !== null) lines.push({ kind: 'pair', left: 'Pagada el', right: bill.paidOn });
  for (const notice of doc.notices) lines.push({ kind: 'text', text: notice, bold: true });
  lines.push({ kind: 'rule' });
  if (doc.payment.kind === 'barcode') {
    lines.push(
      { kind: 'text', text: 'Pague con este código de barras en los puntos de pago:', align: 'center' },
      { kind: 'gs1-128', data: doc.payment.barcode.data, hri: doc.payment.barcode.hri },
    );
  } else {
    lines.push({ kind: 'text', text: doc.payment.message, align: 'center', bold: true });
  }
  lines.push({ kind: 'rule' }, { kind: 'text', text: 'Dónde pagar', bold: true });
  for (const point of entity.paymentPoints) lines.push({ kind: 'text', text: `- ${point}` });
  lines.push({ kind: 'feed', lines: 1 });
  return { lines, cut: true, openDrawer: false };
}
