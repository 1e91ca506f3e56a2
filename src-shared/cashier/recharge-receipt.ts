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

/**
 * What a counter's recibo de caja for a prepaid wallet recharge says (docs/counter-recharge.md):
 * the same header, numbering and tenders as a bill's, the liquidación instead of the bill, and
 * — honestly — when the wallet is credited: the central server credits it when it registers
 * the recharge, whether the counter found the liquidación there or read it from the volante.
 */
export interface RechargeReceiptFacts extends ReceiptIssue, ReceiptTenders {
  readonly liquidationNumber: number;
  /** `CC 1020304050` and the holder's name, when the central server answered; null offline and on a copy. */
  readonly holder: { readonly identification: string; readonly name: string } | null;
  /** The central server confirmed the liquidación when it was taken. */
  readonly confirmedOnline: boolean;
  readonly amount: number;
}

/** Printed under the amount of a recharge taken without the central server. */
export const offlineRechargeNote = 'Recarga de prepago — se abonará al saldo cuando el servidor central la registre.';
/** Printed under the amount of a recharge whose liquidación the central server confirmed. */
export const onlineRechargeNote =
  'Liquidación confirmada por el servidor central. El valor se abona al prepago al registrarse este recibo en el servidor central.';

/** The receipt of a recharge; `copy` marks a reprint. The drawer opens for cash on the original only. */
export function rechargeReceipt(facts: RechargeReceiptFacts, copy: boolean): ReceiptModel {
  const lines: ReceiptLine[] = [
    ...receiptHeading(facts.entity),
    { kind: 'text', text: 'RECARGA DE PREPAGO', align: 'center', bold: true },
  ];
  if (copy) lines.push({ kind: 'text', text: copyMark, align: 'center', bold: true });
  lines.push(...receiptIssueLines(facts), {
    kind: 'pair',
    left: 'Liquidación Nº',
    right: String(facts.liquidationNumber),
  });
  if (facts.holder !== null)
    lines.push(
      { kind: 'pair', left: 'Identificación', right: facts.holder.identification },
      { kind: 'text', text: facts.holder.name },
    );
  lines.push(
    { kind: 'rule' },
    { kind: 'pair', left: 'VALOR RECARGADO', right: formatCop(facts.amount), bold: true },
    ...tenderLines(facts),
    { kind: 'rule' },
    { kind: 'text', text: facts.confirmedOnline ? onlineRechargeNote : offlineRechargeNote, bold: true },
    ...receiptClosing(facts.receiptNumber),
  );
  return { lines, cut: true, openDrawer: !copy && facts.cash > 0 };
}
