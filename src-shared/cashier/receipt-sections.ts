import { formatCop } from '../domain/money';
import { formatNit } from '../domain/nit';
import type { ReceiptLine } from '../receipts/receipt-model';

/**
 * The parts every recibo de caja of the counter shares, a bill's (receipt-layout.ts) and a
 * prepaid recharge's (recharge-receipt.ts): one receipt series, one header, one way of showing
 * the tenders, so the two cannot drift apart on paper.
 */
export interface ReceiptIssue {
  readonly entity: { readonly name: string; readonly nit: string; readonly city: string };
  readonly deviceName: string;
  readonly cashierName: string;
  readonly receiptNumber: string;
  /** Bogotá, `15/03/2026 10:42`. */
  readonly takenAt: string;
}

/** How the money was handed over, as settled by settleTenders (src-shared/cashier/tenders.ts). */
export interface ReceiptTenders {
  readonly cash: number;
  readonly cashReceived: number;
  readonly card: number;
  readonly cardVouchers: readonly string[];
  readonly check: number;
  readonly checks: readonly string[];
  /** Bank or wallet app transfers a field collector took (none at a counter). */
  readonly transfers?: readonly { readonly via: string; readonly reference: string; readonly amount: number }[];
  readonly change: number;
  /** Pesos of the amount the cash did not cover because the change was rounded up (cash-rounding.ts). */
  readonly rounding: number;
}

/** The entity, its NIT and city, and the «RECIBO DE CAJA» title. */
export function receiptHeading(entity: ReceiptIssue['entity']): ReceiptLine[] {
  return [
    { kind: 'text', text: entity.name, align: 'center', bold: true },
    { kind: 'text', text: `NIT ${formatNit(entity.nit)} · ${entity.city}`, align: 'center' },
    { kind: 'rule' },
    { kind: 'text', text: 'RECIBO DE CAJA', align: 'center', bold: true, large: true },
  ];
}

/** The receipt's number, date, counter and cashier, then a rule. */
export function receiptIssueLines(issue: ReceiptIssue): ReceiptLine[] {
  return [
    { kind: 'pair', left: 'Recibo Nº', right: issue.receiptNumber, bold: true },
    { kind: 'pair', left: 'Fecha', right: issue.takenAt },
    { kind: 'pair', left: 'Caja', right: issue.deviceName },
    { kind: 'pair', left: 'Cajero', right: issue.cashierName },
    { kind: 'rule' },
  ];
}

/** Cash received, card vouchers, checks, the rounding and the change: only the tenders used. */
export function tenderLines(tenders: ReceiptTenders): ReceiptLine[] {
  const lines: ReceiptLine[] = [];
  if (tenders.cash > 0) lines.push({ kind: 'pair', left: 'Efectivo recibido', right: formatCop(tenders.cashReceived) });
  for (const voucher of tenders.cardVouchers) lines.push({ kind: 'pair', left: 'Tarjeta, voucher', right: voucher });
  if (tenders.card > 0) lines.push({ kind: 'pair', left: 'Total tarjeta', right: formatCop(tenders.card) });
  for (const check of tenders.checks) lines.push({ kind: 'text', text: `Cheque ${check}` });
  if (tenders.check > 0) lines.push({ kind: 'pair', left: 'Total cheques', right: formatCop(tenders.check) });
  for (const transfer of tenders.transfers ?? [])
    lines.push(
      { kind: 'text', text: `Transferencia ${transfer.via}, ref. ${transfer.reference}` },
      { kind: 'pair', left: 'Valor transferido', right: formatCop(transfer.amount) },
    );
  // Received − paid + rounding = change: the line that makes the receipt add up to the peso.
  if (tenders.rounding > 0)
    lines.push({ kind: 'pair', left: 'Redondeo a su favor', right: formatCop(tenders.rounding) });
  if (tenders.cash > 0) lines.push({ kind: 'pair', left: 'Cambio', right: formatCop(tenders.change), bold: true });
  return lines;
}

/** A rule, the receipt number as a Code 128 and the thanks. */
export function receiptClosing(receiptNumber: string): ReceiptLine[] {
  return [
    { kind: 'rule' },
    { kind: 'code128', data: receiptNumber },
    { kind: 'text', text: 'Gracias por su pago.', align: 'center' },
  ];
}
