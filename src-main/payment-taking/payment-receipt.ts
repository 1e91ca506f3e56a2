import { paymentReceipt, type ReceiptFacts } from '../../src-shared/cashier/receipt-layout';
import { formatBogotaDateTime, periodLabel } from '../../src-shared/domain/calendar-es';
import { printReceipt, type PrintedReceipt } from '../devices/receipt-printer/print-receipt';
import type { ReceiptPrinting } from '../devices/receipt-printer/receipt-printing';
import type { Logger } from '../logger';
import { paymentRounding, type PaymentRow } from './payment-rows';

/** Who issues the receipt: the entity, the device and the staff member who took the payment. */
export interface ReceiptIssuer {
  readonly entity: ReceiptFacts['entity'];
  readonly deviceName: string;
  readonly cashierName: string;
}

/** What a payment's recibo de caja says, from its row (the same for the original and a copy). */
export function paymentReceiptFacts(row: PaymentRow, holderName: string, issuer: ReceiptIssuer): ReceiptFacts {
  const tenders = row.tenders;
  return {
    ...issuer,
    receiptNumber: row.receiptNumber,
    takenAt: formatBogotaDateTime(row.takenAt),
    codigoInterno: row.codigoInterno,
    holderName,
    billNumber: row.billNumber,
    periodLabel: periodLabel(row.period),
    amount: row.amount,
    cash: row.cash,
    cashReceived: tenders.reduce((sum, t) => sum + (t.kind === 'cash' ? t.received : 0), 0),
    // The card column also holds a field collector's transfers (payment-recorder.ts): the tenders tell them apart.
    card: tenders.reduce((sum, t) => sum + (t.kind === 'card' ? t.amount : 0), 0),
    cardVouchers: tenders.flatMap((t) => (t.kind === 'card' ? [t.voucher] : [])),
    check: row.checkAmount,
    checks: tenders.flatMap((t) => (t.kind === 'check' ? [`${t.bank} Nº ${t.number}`] : [])),
    transfers: tenders.flatMap((t) =>
      t.kind === 'transfer' ? [{ via: t.via, reference: t.reference, amount: t.amount }] : [],
    ),
    change: row.change,
    rounding: paymentRounding(row),
    warning: row.warning,
    voided: row.state === 'voided',
  };
}

/**
 * Queues a payment's receipt on the device's receipt printer (a counter's, or a field laptop's
 * portable one) as a persisted job; `copy` marks a reprint, which never opens the drawer.
 */
export function printPaymentReceipt(
  receipts: ReceiptPrinting,
  row: PaymentRow,
  holderName: string,
  issuer: ReceiptIssuer,
  copy: boolean,
  log: Logger,
): Promise<PrintedReceipt> {
  const model = paymentReceipt(paymentReceiptFacts(row, holderName, issuer), copy);
  return printReceipt(
    receipts,
    copy ? 'receipt-copy' : 'receipt',
    `${copy ? 'Copia recibo' : 'Recibo'} ${row.receiptNumber}`,
    model,
    log,
  );
}
