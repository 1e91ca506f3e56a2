import { z } from 'zod';
import type { cashierPayments } from '../../db/local/schema';
import type { CashierPaymentView } from '../../src-shared/api/ops/cashier';
import { Tender } from '../../src-shared/cashier/tenders';
import type { Pesos } from '../../src-shared/domain/money';

type StoredPayment = typeof cashierPayments.$inferSelect;

/**
 * A payment as `cashier_payments` holds it, its JSON column typed: the tenders as typed
 * (vouchers, banks and check numbers), checked as they are read back.
 */
export type PaymentRow = Omit<StoredPayment, 'tenders'> & { readonly tenders: readonly Tender[] };

const StoredTenders = z.array(Tender);

export function readPaymentRow(stored: StoredPayment): PaymentRow {
  return { ...stored, tenders: StoredTenders.parse(stored.tenders) };
}

/**
 * Pesos of the bill the money did not cover because the change was rounded up: the payment
 * keeps the bill's amount, and the tenders what was received (src-shared/cashier/tenders.ts).
 */
export function paymentRounding(row: Pick<PaymentRow, 'amount' | 'cash' | 'card' | 'checkAmount'>): Pesos {
  return row.amount - row.cash - row.card - row.checkAmount;
}

export function paymentView(row: PaymentRow, holderName: string): CashierPaymentView {
  return {
    id: row.id,
    receiptNumber: row.receiptNumber,
    codigoInterno: row.codigoInterno,
    holderName,
    billNumber: row.billNumber,
    period: row.period,
    amount: row.amount,
    cash: row.cash,
    card: row.card,
    check: row.checkAmount,
    change: row.change,
    rounding: paymentRounding(row),
    takenAt: row.takenAt,
    state: row.state === 'voided' ? 'voided' : 'valid',
    warning: row.warning,
    voidReason: row.voidReason,
  };
}
