import { v7 as uuidv7 } from 'uuid';
import { auditLog, cashierPayments } from '../../db/local/schema';
import { err, ok, type Result } from '../../src-shared/api/result';
import { settleTenders, type Tender } from '../../src-shared/cashier/tenders';
import type { DeviceMeta } from '../device/device-meta';
import type { Pesos } from '../../src-shared/domain/money';
import type { Logger } from '../logger';
import type { Store } from '../store/open-store';
import { attemptCommit } from '../store/write-path';
import type { PaymentTarget } from './bill-lookup';
import { paymentMessages } from './payment-messages';
import type { PaymentRow } from './payment-rows';
import { deviceName, nextReceiptNumber, receiptPrefix } from './receipt-numbers';

/** The cash session a payment goes into and the staff member taking it. */
export interface Till {
  readonly sessionId: string;
  /** Staff username; the central server checks it is the session's (or a supervisor's). */
  readonly cashier: string;
}

export interface PaymentRecorderOptions {
  readonly store: Store;
  readonly meta: DeviceMeta;
  /** The configured device name, for the receipt prefix of a device enrolled before series existed. */
  readonly deviceName: string;
  /** What the device says it is; the central server records the channel its mode implies. */
  readonly channel: 'caja' | 'campo';
  /** Change is rounded up to this many pesos (src-shared/cashier/cash-rounding.ts). */
  readonly cashRoundingStep: number;
  readonly now: () => Date;
  readonly log: Logger;
}

/** What the payment is for and how it is paid. */
export interface PaymentRequest {
  readonly till: Till;
  readonly target: PaymentTarget;
  readonly tenders: readonly Tender[];
  /** The staff member confirmed, apart from the key that charges an owed bill, taking money for one that is not owed. */
  readonly notOwedConfirmed: boolean;
  /**
   * What the payment settles, when more than the bill (a field collector's saldo a favor, the
   * subscriber's choice): the excess becomes saldo a favor on the central server. The bill's
   * total when absent (the counter's only way).
   */
  readonly amount?: Pesos;
}

/**
 * Records a payment (STYLE §8): the tenders settled once, then the payment row, its receipt
 * number, its `payment.taken` event and its audit line in one SQLite transaction, or nothing at
 * all. The payment settles the bill's amount; the money is what the tenders brought in, and the
 * pesos the change was rounded up by are the payment's rounding, which the event carries so
 * the central server never takes them for money received (src-server/sync/payment-taken.ts).
 * Printing is the caller's, after: the payment stands whatever the printer does.
 */
export class PaymentRecorder {
  constructor(private readonly options: PaymentRecorderOptions) {}

  record(request: PaymentRequest): Result<PaymentRow> {
    const { till, target, tenders } = request;
    const { bill } = target;
    if (!target.owed && !request.notOwedConfirmed) return err('conflict', paymentMessages.notOwedUnconfirmed);
    const amount = request.amount ?? bill.total;
    if (amount < bill.total) return err('validation', paymentMessages.belowBill(bill.total));
    const settled = settleTenders(amount, tenders, this.options.cashRoundingStep);
    if (!settled.ok) return settled;
    const { cash, check, change, rounding } = settled.value;
    // One column for money that did not come in cash or check: a card at a counter, a transfer
    // in the field (never both on one device); the tenders say which.
    const card = settled.value.card + settled.value.transfer;
    const at = this.options.now().toISOString();
    const id = uuidv7();
    const prefix = receiptPrefix(this.options.meta, deviceName(this.options.meta, this.options.deviceName));
    const written = attemptCommit(this.options.store, (tx) => {
      const receiptNumber = nextReceiptNumber(tx, prefix);
      const payment: PaymentRow = {
        id,
        sessionId: till.sessionId,
        receiptNumber,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        period: bill.period,
        amount,
        cash,
        card,
        checkAmount: check,
        change,
        tenders,
        takenAt: at,
        warning: target.owed
          ? amount > bill.total
            ? paymentMessages.receiptNotes.above(amount - bill.total)
            : null
          : receiptNote(target),
        state: 'valid',
        voidedAt: null,
        voidedBy: null,
        voidReason: null,
      };
      tx.insert(cashierPayments).values(payment).run();
      tx.insert(auditLog)
        .values({
          at,
          action: auditAction[this.options.channel],
          actor: till.cashier,
          details: { paymentId: id, receiptNumber, amount, rounding },
        })
        .run();
      return {
        result: payment,
        events: [
          {
            type: 'payment.taken',
            payload: {
              paymentId: id,
              codigoInterno: bill.codigoInterno,
              billNumber: bill.billNumber,
              period: bill.period,
              amount,
              cashRounding: rounding,
              paidAt: at,
              channel: this.options.channel,
              reference: receiptNumber,
              cashSessionId: till.sessionId,
              cashier: till.cashier,
            },
          },
        ],
      };
    });
    if (!written.ok) {
      // A full disk left nothing of the payment, not even its number (store-write-failure.ts).
      this.options.log.error({ err: written.error, paymentId: id }, 'payment not recorded: the store could not write');
      return err('internal', paymentMessages.notRecorded[written.failure]);
    }
    this.options.log.info({ paymentId: id, receiptNumber: written.value.receiptNumber, rounding }, 'payment taken');
    return ok(written.value);
  }
}

const auditAction = { caja: 'cashier.payment_taken', campo: 'field.payment_taken' } as const;

/** The receipt's words for a bill that was not owed (the money is saldo a favor). */
function receiptNote(target: PaymentTarget): string {
  return target.warning?.code === 'annulled'
    ? paymentMessages.receiptNotes.annulled
    : paymentMessages.receiptNotes.paid;
}
