import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { PrintedReceipt } from '../devices/receipt-printer/print-receipt';
import type { ReceiptPrinting } from '../devices/receipt-printer/receipt-printing';
import type { DeviceClock } from '../sync/clock';
import type { BillLookup } from '../payment-taking/bill-lookup';
import { paymentView, type PaymentRow } from '../payment-taking/payment-rows';
import { printPaymentReceipt, type ReceiptIssuer } from '../payment-taking/payment-receipt';
import type { PaymentRecorder } from '../payment-taking/payment-recorder';
import { deviceName } from '../payment-taking/receipt-numbers';
import { rechargeView } from '../counter-recharge/counter-recharges';
import { cashierMessages } from './cashier-messages';
import { sessionView } from './cashier-records';
import { openCounter, type CounterDeps } from './counter-context';
import type { CounterStaff } from './staff-sessions';

type Out<K extends 'cashier.takePayment' | 'cashier.payments' | 'cashier.reprint'> = Promise<Result<OpOutput<K>>>;

/**
 * Payments at the counter: the open session's till, the payment-taking parts (the bill from
 * the replica, the record in one commit, the receipt), the session's list and reprints.
 */
export class CounterPayments {
  constructor(
    private readonly deps: CounterDeps & {
      readonly bills: BillLookup;
      readonly recorder: PaymentRecorder;
      readonly receipts: ReceiptPrinting;
      readonly clock: Pick<DeviceClock, 'checkForMoney'>;
    },
  ) {}

  /** The bills a payment can be taken for, by a scan or a código interno. */
  find(input: OpParsedInput<'cashier.findBills'>): Result<OpOutput<'cashier.findBills'>> {
    return this.deps.bills.find('scan' in input ? { scan: input.scan } : { codigoInterno: input.codigoInterno });
  }

  async take(signedIn: CounterStaff, input: OpParsedInput<'cashier.takePayment'>): Out<'cashier.takePayment'> {
    const counter = openCounter(this.deps.records, signedIn);
    if (!counter.ok) return counter;
    const { staff, session } = counter.value;
    const clock = this.deps.clock.checkForMoney();
    if (!clock.ok) return clock;
    const target = this.deps.bills.target(input.codigoInterno, input.billNumber);
    if (!target.ok) return target;
    const recorded = this.deps.recorder.record({
      till: { sessionId: session.id, cashier: staff.username },
      target: target.value,
      tenders: input.tenders,
      notOwedConfirmed: input.notOwedConfirmed === true,
    });
    if (!recorded.ok) return recorded;
    const holderName = target.value.subscriber.holderName;
    const printed = await this.print(recorded.value, holderName, staff.fullName, false);
    return ok({ payment: paymentView(recorded.value, holderName), ...printed });
  }

  list(signedIn: CounterStaff): Out<'cashier.payments'> {
    const counter = openCounter(this.deps.records, signedIn);
    if (!counter.ok) return Promise.resolve(counter);
    const { session } = counter.value;
    const rows = this.deps.records.payments(session.id);
    const recharges = this.deps.records.rechargesOf(session);
    return Promise.resolve(
      ok({
        session: sessionView(session, rows, recharges),
        payments: rows.map((row) => paymentView(row, this.deps.records.holder(row.codigoInterno))),
        recharges: recharges.map(rechargeView),
      }),
    );
  }

  async reprint(signedIn: CounterStaff, input: OpParsedInput<'cashier.reprint'>): Out<'cashier.reprint'> {
    const counter = openCounter(this.deps.records, signedIn);
    if (!counter.ok) return counter;
    const { session } = counter.value;
    const payment = this.deps.records.payment(input.paymentId);
    if (payment === undefined || payment.sessionId !== session.id)
      return err('not-found', cashierMessages.paymentNotFound);
    return ok(await this.print(payment, this.deps.records.holder(payment.codigoInterno), session.cashierName, true));
  }

  private print(row: PaymentRow, holderName: string, cashierName: string, copy: boolean): Promise<PrintedReceipt> {
    const issuer: ReceiptIssuer = {
      entity: this.deps.config.entity,
      deviceName: deviceName(this.deps.meta, this.deps.config.deviceName),
      cashierName,
    };
    return printPaymentReceipt(this.deps.receipts, row, holderName, issuer, copy, this.deps.log);
  }
}
