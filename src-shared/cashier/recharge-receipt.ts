import { formatCop } from '../domain/money';
import { formatNit } from '../domain/nit';
import { copyMark, type ReceiptLine, type ReceiptModel } from '../receipts/receipt-model';

/**
 * What a counter's recibo de caja for a prepaid wallet recharge says (docs/counter-recharge.md):
 * the same header, numbering and tenders as a bill's, the liquidación instead of the bill, and
 * — honestly — when the wallet is credited: the central server credits it when it registers
 * the recharge, whether the counter found the liquidación there or read it from the volante.
 */
export interface RechargeReceiptFacts {
  readonly entity: { readonly name: string; readonly nit: string; readonly city: string };
  readonly deviceName: string;
  readonly cashierName: string;
  readonly receiptNumber: string;
  /** Bogotá, `15/03/2026 10:42`. */
  readonly takenAt: string;
  readonly liquidationNumber: number;
  /** `CC 1020304050` and the holder's name, when the central server answered; null offline and on a copy. */
  readonly holder: { readonly identification: string; readonly name: string } | null;
  /** The central server confirmed the liquidación when it was taken. */
  readonly confirmedOnline: boolean;
  readonly amount: number;
  readonly cash: number;
  readonly cashReceived: number;
  readonly card: number;
  readonly cardVouchers: readonly string[];
  readonly check: number;
  readonly checks: readonly string[];
  readonly change: number;
  readonly rounding: number;
}

/** Printed under the amount of a recharge taken without the central server. */
export const offlineRechargeNote = 'Recarga de prepago — se abonará al saldo cuando el servidor central la registre.';
/** Printed under the amount of a recharge whose liquidación the central server confirmed. */
export const onlineRechargeNote =
  'Liquidación confirmada por el servidor central. El valor se abona al prepago al registrarse este recibo en el servidor central.';

/** The receipt of a recharge; `copy` marks a reprint. The drawer opens for cash on the original only. */
export function rechargeReceipt(facts: RechargeReceiptFacts, copy: boolean): ReceiptModel {
  const lines: ReceiptLine[] = [
    { kind: 'text', text: facts.entity.name, align: 'center', bold: true },
    { kind: 'text', text: `NIT ${formatNit(facts.entity.nit)} · ${facts.entity.city}`, align: 'center' },
    { kind: 'rule' },
    { kind: 'text', text: 'RECIBO DE CAJA', align: 'center', bold: true, large: true },
    { kind: 'text', text: 'RECARGA DE PREPAGO', align: 'center', bold: true },
  ];
  if (copy) lines.push({ kind: 'text', text: copyMark, align: 'center', bold: true });
  lines.push(
    { kind: 'pair', left: 'Recibo Nº', right: facts.receiptNumber, bold: true },
    { kind: 'pair', left: 'Fecha', right: facts.takenAt },
    { kind: 'pair', left: 'Caja', right: facts.deviceName },
    { kind: 'pair', left: 'Cajero', right: facts.cashierName },
    { kind: 'rule' },
    { kind: 'pair', left: 'Liquidación Nº', right: String(facts.liquidationNumber) },
  );
  if (facts.holder !== null)
    lines.push(
      { kind: 'pair', left: 'Identificación', right: facts.holder.identification },
      { kind: 'text', text: facts.holder.name },
    );
  lines.push({ kind: 'rule' }, { kind: 'pair', left: 'VALOR RECARGADO', right: formatCop(facts.amount), bold: true });
  if (facts.cash > 0) lines.push({ kind: 'pair', left: 'Efectivo recibido', right: formatCop(facts.cashReceived) });
  for (const voucher of facts.cardVouchers) lines.push({ kind: 'pair', left: 'Tarjeta, voucher', right: voucher });
  if (facts.card > 0) lines.push({ kind: 'pair', left: 'Total tarjeta', right: formatCop(facts.card) });
  for (const check of facts.checks) lines.push({ kind: 'text', text: `Cheque ${check}` });
  if (facts.check > 0) lines.push({ kind: 'pair', left: 'Total cheques', right: formatCop(facts.check) });
  if (facts.rounding > 0) lines.push({ kind: 'pair', left: 'Redondeo a su favor', right: formatCop(facts.rounding) });
  if (facts.cash > 0) lines.push({ kind: 'pair', left: 'Cambio', right: formatCop(facts.change), bold: true });
  lines.push(
    { kind: 'rule' },
    { kind: 'text', text: facts.confirmedOnline ? onlineRechargeNote : offlineRechargeNote, bold: true },
    { kind: 'rule' },
    { kind: 'code128', data: facts.receiptNumber },
    { kind: 'text', text: 'Gracias por su pago.', align: 'center' },
  );
  return { lines, cut: true, openDrawer: !copy && facts.cash > 0 };
}
