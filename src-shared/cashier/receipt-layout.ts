import { formatNit } from '../domain/nit';
import { formatCop } from '../domain/money';
import { copyMark, type ReceiptLine, type ReceiptModel } from '../receipts/receipt-model';
import {
  receiptClosing,
  receiptHeading,
  receiptIssueLines,
  tenderLines,
  type ReceiptIssue,
  type ReceiptTenders,
} from './receipt-sections';
import type { SessionTotals } from './session-totals';

/** What a recibo de caja says (docs/glossary.md). */
export interface ReceiptFacts extends ReceiptIssue, ReceiptTenders {
  readonly codigoInterno: number;
  readonly holderName: string;
  readonly billNumber: number;
  readonly periodLabel: string;
  readonly amount: number;
  readonly warning: string | null;
  readonly voided: boolean;
}

/** The receipt of a counter payment; `copy` marks a reprint. The drawer opens for cash on the original only. */
export function paymentReceipt(facts: ReceiptFacts, copy: boolean): ReceiptModel {
  const lines: ReceiptLine[] = receiptHeading(facts.entity);
  if (copy) lines.push({ kind: 'text', text: copyMark, align: 'center', bold: true });
  if (facts.voided) lines.push({ kind: 'text', text: '*** PAGO ANULADO ***', align: 'center', bold: true });
  lines.push(
    ...receiptIssueLines(facts),
    { kind: 'pair', left: 'Código interno', right: String(facts.codigoInterno) },
    { kind: 'text', text: facts.holderName },
    { kind: 'pair', left: 'Factura Nº', right: String(facts.billNumber) },
    { kind: 'pair', left: 'Periodo pagado', right: facts.periodLabel },
    { kind: 'rule' },
    { kind: 'pair', left: 'VALOR PAGADO', right: formatCop(facts.amount), bold: true },
    ...tenderLines(facts),
  );
  if (facts.warning !== null) lines.push({ kind: 'rule' }, { kind: 'text', text: facts.warning, bold: true });
  lines.push(...receiptClosing(facts.receiptNumber));
  return { lines, cut: true, openDrawer: !copy && facts.cash > 0 };
}

/** The figures of a session for the X (so far) and Z (close) reports. */
export interface SessionReportFacts {
  readonly entity: { readonly name: string; readonly nit: string };
  readonly deviceName: string;
  readonly cashierName: string;
  readonly openedAt: string;
  readonly printedAt: string;
  readonly openingFloat: number;
  /** The session's payments, summed once (session-totals.ts). */
  readonly totals: SessionTotals;
  /**
   * Money records of this device the central server refused, waiting for a supervisor: the
   * figures above may not match the server's until they are resolved.
   */
  readonly parkedMoneyEvents: number;
  readonly close: null | {
    readonly closedAt: string;
    readonly expectedCash: number;
    readonly countedCash: number;
    readonly expectedCard: number;
    readonly countedCard: number;
    readonly expectedCheck: number;
    readonly countedCheck: number;
    readonly difference: number;
    readonly approvedBy: string | null;
  };
}

export function sessionReport(facts: SessionReportFacts): ReceiptModel {
  const z = facts.close;
  const t = facts.totals;
  const lines: ReceiptLine[] = [
    { kind: 'text', text: facts.entity.name, align: 'center', bold: true },
    { kind: 'text', text: `NIT ${formatNit(facts.entity.nit)}`, align: 'center' },
    { kind: 'rule' },
    { kind: 'text', text: z === null ? 'INFORME X' : 'INFORME Z', align: 'center', bold: true, large: true },
    { kind: 'text', text: z === null ? 'Parcial: la caja sigue abierta' : 'Cierre de caja', align: 'center' },
    { kind: 'pair', left: 'Caja', right: facts.deviceName },
    { kind: 'pair', left: 'Cajero', right: facts.cashierName },
    { kind: 'pair', left: 'Apertura', right: facts.openedAt },
    { kind: 'pair', left: z === null ? 'Impreso' : 'Cierre', right: z === null ? facts.printedAt : z.closedAt },
    { kind: 'rule' },
    { kind: 'pair', left: 'Base inicial', right: formatCop(facts.openingFloat) },
    { kind: 'pair', left: 'Pagos recibidos', right: String(t.payments) },
    { kind: 'pair', left: 'Pagos anulados', right: String(t.voided) },
  ];
  if (t.recharges > 0) {
    // Wallet recharges are money in the drawer too, apart from the bills (docs/counter-recharge.md).
    lines.push(
      { kind: 'pair', left: 'Recargas de prepago', right: String(t.recharges) },
      { kind: 'pair', left: 'Valor de las recargas', right: formatCop(t.recharged) },
    );
  }
  if (t.rounding > 0) {
    // The bills were paid in full; the cash came in short of them by what the change was rounded up.
    lines.push(
      { kind: 'pair', left: 'Valor de las facturas', right: formatCop(t.billed) },
      { kind: 'pair', left: 'Redondeo del efectivo', right: formatCop(-t.rounding) },
    );
  }
  lines.push(
    { kind: 'pair', left: 'Recaudo en efectivo', right: formatCop(t.cash) },
    { kind: 'pair', left: 'Recaudo con tarjeta', right: formatCop(t.card) },
    { kind: 'pair', left: 'Recaudo con cheque', right: formatCop(t.check) },
    { kind: 'pair', left: 'TOTAL RECAUDADO', right: formatCop(t.collected), bold: true },
  );
  if (facts.parkedMoneyEvents > 0) {
    const count =
      facts.parkedMoneyEvents === 1 ? '1 registro de dinero' : `${facts.parkedMoneyEvents} registros de dinero`;
    lines.push(
      { kind: 'rule' },
      { kind: 'text', text: '*** ATENCIÓN ***', align: 'center', bold: true },
      {
        kind: 'text',
        text: `${count} de esta caja rechazado(s) por el servidor central. Un supervisor debe revisarlos en «Registros detenidos».`,
      },
    );
  }
  if (z !== null) {
    lines.push(
      { kind: 'rule' },
      { kind: 'text', text: 'Arqueo', bold: true },
      { kind: 'pair', left: 'Efectivo esperado', right: formatCop(z.expectedCash) },
      { kind: 'pair', left: 'Efectivo contado', right: formatCop(z.countedCash) },
      { kind: 'pair', left: 'Tarjeta esperada', right: formatCop(z.expectedCard) },
      { kind: 'pair', left: 'Tarjeta contada', right: formatCop(z.countedCard) },
      { kind: 'pair', left: 'Cheques esperados', right: formatCop(z.expectedCheck) },
      { kind: 'pair', left: 'Cheques contados', right: formatCop(z.countedCheck) },
      { kind: 'pair', left: 'DIFERENCIA', right: formatCop(z.difference), bold: true },
    );
    if (z.approvedBy !== null) lines.push({ kind: 'pair', left: 'Aprobó la diferencia', right: z.approvedBy });
    lines.push(
      { kind: 'feed', lines: 2 },
      { kind: 'text', text: 'Firma cajero: ____________________' },
      { kind: 'feed', lines: 1 },
      { kind: 'text', text: 'Firma supervisor: ________________' },
    );
  }
  return { lines, cut: true, openDrawer: false };
}
