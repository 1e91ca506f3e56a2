import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import { err, ok, type Result } from '../../src-shared/api/result';
import { paidElsewhereRisk } from '../../src-shared/field/field-words';
import type { CounterStaff } from '../cashier/staff-sessions';
import type { DeviceMeta } from '../device/device-meta';
import type { PrintedReceipt } from '../devices/receipt-printer/print-receipt';
import type { ReceiptPrinting } from '../devices/receipt-printer/receipt-printing';
import type { Logger } from '../logger';
import type { BillLookup } from '../payment-taking/bill-lookup';
import { printPaymentReceipt } from '../payment-taking/payment-receipt';
import type { PaymentRecorder } from '../payment-taking/payment-recorder';
import type { PaymentRow } from '../payment-taking/payment-rows';
import { deviceName } from '../payment-taking/receipt-numbers';
import type { Store } from '../store/open-store';
import type { DeviceClock } from '../sync/clock';
import { commit } from '../store/write-path';
import { auditLog } from '../../db/local/schema';
import type { FieldDays } from './field-days';
import { fieldMessages } from './field-messages';
import { voidFlagAction, type FieldRecords } from './field-records';

type Out<K extends 'field.collect' | 'field.reprint' | 'field.flagVoid'> = Promise<Result<OpOutput<K>>>;

export interface FieldCollectionsDeps {
  readonly store: Store;
  readonly meta: DeviceMeta;
  readonly records: FieldRecords;
  readonly days: FieldDays;
  readonly bills: BillLookup;
  /** The counter's payment code, with channel `campo`. */
  readonly recorder: PaymentRecorder;
  readonly receipts: ReceiptPrinting;
  readonly clock: Pick<DeviceClock, 'checkForMoney'>;
  readonly entity: { readonly name: string; readonly nit: string; readonly city: string };
  readonly deviceName: string;
  readonly now: () => Date;
  readonly log: Logger;
}

/**
 * Collecting in the field: only an owed bill of the routes (one already paid, here or as the
 * replica says, is refused — never re-collected), after the collector confirmed asking when it
 * may have been paid elsewhere since the last sync, and any amount above the bill confirmed as
 * saldo a favor. The record is the counter's (PaymentRecorder): payment, receipt number,
 * outbox event and audit line in one commit, then the receipt, which may fail without harm.
 */
export class FieldCollections {
  constructor(private readonly deps: FieldCollectionsDeps) {}

  async collect(staff: CounterStaff, input: OpParsedInput<'field.collect'>): Out<'field.collect'> {
    // The clock first: with a clock known to be wrong, «open the day» would be the wrong advice.
    const clock = this.deps.clock.checkForMoney();
    if (!clock.ok) return clock;
    const day = this.deps.days.forCollecting(staff);
    if (!day.ok) return day;
    if (this.deps.bills.subscriber(input.codigoInterno) === undefined)
      return err('not-found', fieldMessages.notInRoutes(input.codigoInterno));
    const target = this.deps.bills.target(input.codigoInterno, input.billNumber);
    if (!target.ok) return err('not-found', fieldMessages.billNotInRoutes);
    const { bill } = target.value;
    if (!target.value.owed) {
      const warning = target.value.warning;
      const here = warning?.code === 'paid-here' ? this.deps.records.validPaymentOf(bill.billNumber) : undefined;
      const why =
        here !== undefined
          ? fieldMessages.collectedHere(here.receiptNumber)
          : warning === null
            ? ''
            : (fieldMessages.settled[warning.code] ?? warning.message);
      return err('conflict', fieldMessages.notOwed(why));
    }
    const risk = paidElsewhereRisk(bill.dueOn, this.deps.meta.get('lastPullAt'), this.deps.now());
    if (risk !== null && input.notPaidElsewhere !== true) return err('conflict', fieldMessages.askPaidElsewhere(risk));
    if (input.amount > bill.total && input.aboveBillConfirmed !== true)
      return err('conflict', fieldMessages.aboveBill(input.amount - bill.total));
    const recorded = this.deps.recorder.record({
      till: { sessionId: day.value.id, cashier: staff.username },
      target: target.value,
      tenders: [input.tender],
      notOwedConfirmed: false,
      amount: input.amount,
    });
    if (!recorded.ok) return recorded;
    const printed = await this.print(recorded.value, staff.fullName, false);
    return ok({ payment: this.deps.records.paymentView(recorded.value), ...printed });
  }

  async reprint(staff: CounterStaff, paymentId: string): Out<'field.reprint'> {
    const payment = this.deps.records.payment(paymentId);
    if (payment === undefined) return err('not-found', fieldMessages.paymentNotFound);
    const day = this.deps.records.day(payment.sessionId);
    return ok(await this.print(payment, day?.cashierName ?? staff.fullName, true));
  }

  /**
   * A field laptop never voids (the central server takes voids from counters only, signed by
   * a supervisor there): the collector flags the payment with a reason, an audit line the day's
   * list and the handover show, and the office voids it at a counter.
   */
  flag(staff: CounterStaff, input: OpParsedInput<'field.flagVoid'>): Out<'field.flagVoid'> {
    const payment = this.deps.records.payment(input.paymentId);
    if (payment === undefined) return Promise.resolve(err('not-found', fieldMessages.paymentNotFound));
    if (payment.state === 'voided') return Promise.resolve(err('conflict', fieldMessages.alreadyVoided));
    const day = this.deps.records.day(payment.sessionId);
    if (day !== undefined && day.cashier !== staff.username && staff.role !== 'supervisor')
      return Promise.resolve(err('forbidden', fieldMessages.notYourPayment(day.cashierName)));
    if (this.deps.records.flags().has(payment.id))
      return Promise.resolve(err('conflict', fieldMessages.alreadyFlagged));
    const at = this.deps.now().toISOString();
    commit(this.deps.store, (tx) => {
      tx.insert(auditLog)
        .values({
          at,
          action: voidFlagAction,
          actor: staff.username,
          details: { paymentId: payment.id, receiptNumber: payment.receiptNumber, reason: input.reason },
        })
        .run();
      return { result: null, events: [] };
    });
    this.deps.log.info({ paymentId: payment.id }, 'payment flagged to void at the office');
    return Promise.resolve(ok({ payment: this.deps.records.paymentView(payment) }));
  }

  private print(row: PaymentRow, collectorName: string, copy: boolean): Promise<PrintedReceipt> {
    const issuer = {
      entity: this.deps.entity,
      deviceName: deviceName(this.deps.meta, this.deps.deviceName),
      cashierName: collectorName,
    };
    return printPaymentReceipt(
      this.deps.receipts,
      row,
      this.deps.records.holder(row.codigoInterno),
      issuer,
      copy,
      this.deps.log,
    );
  }
}
