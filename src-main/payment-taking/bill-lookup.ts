import { and, desc, eq } from 'drizzle-orm';
import { bills, cashierPayments, settings, subscribers } from '../../db/local/schema';
import type { FoundBills, PayableBill } from '../../src-shared/api/ops/cashier';
import { err, ok, type Result } from '../../src-shared/api/result';
import { isOwed, type BillWarning } from '../../src-shared/cashier/bill-warning';
import { isBillState } from '../../src-shared/domain/bill-state';
import { bogotaDate, formatDateEs, periodLabel } from '../../src-shared/domain/calendar-es';
import { entitySettingKey, parseEntitySetting, type EntitySetting } from '../../src-shared/domain/entity-setting';
import { parseScannedPayment } from '../../src-shared/domain/gs1-128-scan';
import type { Store } from '../store/open-store';
import { paymentMessages } from './payment-messages';

type BillRow = typeof bills.$inferSelect;
type SubscriberRow = typeof subscribers.$inferSelect;

/** The bill a payment is being taken for, as the replica has it, and whether it is still owed. */
export interface PaymentTarget {
  readonly bill: BillRow;
  readonly subscriber: SubscriberRow;
  readonly warning: BillWarning | null;
  readonly owed: boolean;
}

export interface BillLookupOptions {
  readonly store: Store;
  readonly now: () => Date;
  /** Refuse a scanned barcode after its due date (the convenio's rule). */
  readonly refuseExpiredBarcodes: boolean;
  /** Told to the screen so it shows the change the payment will record. */
  readonly cashRoundingStep: number;
}

/**
 * Finding what a payment is for, from the device's replica (so it works offline): a scanned
 * GS1-128 barcode, checked against the entity's convenio, the bill's amount and its due date,
 * or a typed código interno. Each bill carries a warning code when it needs attention; a bill
 * this device already took a payment for counts as paid before the replica knows it.
 */
export class BillLookup {
  constructor(private readonly options: BillLookupOptions) {}

  find(query: { readonly scan: string } | { readonly codigoInterno: number }): Result<FoundBills> {
    return 'scan' in query ? this.fromScan(query.scan) : this.billsOf(query.codigoInterno);
  }

  /** The bill of that código interno a payment is about to be taken for. */
  target(codigoInterno: number, billNumber: number): Result<PaymentTarget> {
    const db = this.options.store.db;
    const bill = db.select().from(bills).where(eq(bills.billNumber, billNumber)).get();
    const subscriber = this.subscriber(codigoInterno);
    if (bill === undefined || subscriber === undefined || bill.codigoInterno !== codigoInterno)
      return err('not-found', paymentMessages.billNotFound);
    const warning = this.warningFor(bill);
    return ok({ bill, subscriber, warning, owed: isOwed(warning) });
  }

  subscriber(codigoInterno: number): SubscriberRow | undefined {
    return this.options.store.db.select().from(subscribers).where(eq(subscribers.codigoInterno, codigoInterno)).get();
  }

  private fromScan(scan: string): Result<FoundBills> {
    const entity = this.entity();
    if (entity?.paymentBarcode === undefined || entity.paymentBarcode === null)
      return err('validation', paymentMessages.notConfigured);
    const read = parseScannedPayment(scan, entity.paymentBarcode);
    if (!read.ok) return read;
    const found = this.billsOf(Number(read.value.reference));
    if (!found.ok) return found;
    const byDate = found.value.bills.filter((b) => b.dueOn === read.value.dueOn && b.state !== 'anulada');
    const exact = byDate.find((b) => b.total === read.value.amountPesos);
    if (exact === undefined) {
      const sameDate = byDate[0];
      return err(
        'validation',
        sameDate === undefined
          ? paymentMessages.noBillForScan
          : paymentMessages.amountTampered(read.value.amountPesos, sameDate.total),
      );
    }
    if (this.options.refuseExpiredBarcodes && read.value.dueOn < this.today()) {
      return err('validation', paymentMessages.expired(formatDateEs(read.value.dueOn)));
    }
    return ok({ ...found.value, scannedBillNumber: exact.billNumber });
  }

  private billsOf(codigoInterno: number): Result<FoundBills> {
    const subscriber = this.subscriber(codigoInterno);
    if (subscriber === undefined) return err('not-found', paymentMessages.unknownCode(codigoInterno));
    const rows = this.options.store.db
      .select()
      .from(bills)
      .where(eq(bills.codigoInterno, codigoInterno))
      .orderBy(desc(bills.period), desc(bills.billNumber))
      .limit(6)
      .all();
    if (rows.length === 0) return err('not-found', paymentMessages.noBills(codigoInterno));
    const payable = rows.map((row): PayableBill => {
      const warning = this.warningFor(row);
      return {
        billNumber: row.billNumber,
        period: row.period,
        periodLabel: periodLabel(row.period),
        total: row.total,
        dueOn: row.dueOn,
        // A state this version does not know is shown as owed.
        state: isBillState(row.state) ? row.state : 'pendiente',
        warning,
        owed: isOwed(warning),
      };
    });
    return ok({
      codigoInterno,
      holderName: subscriber.holderName,
      address: subscriber.address,
      bills: payable,
      scannedBillNumber: null,
      cashRoundingStep: this.options.cashRoundingStep,
    });
  }

  private warningFor(bill: Pick<BillRow, 'billNumber' | 'state' | 'dueOn'>): BillWarning | null {
    const paidHere = this.options.store.db
      .select({ receiptNumber: cashierPayments.receiptNumber })
      .from(cashierPayments)
      .where(and(eq(cashierPayments.billNumber, bill.billNumber), eq(cashierPayments.state, 'valid')))
      .get();
    const words = paymentMessages.warnings;
    if (paidHere !== undefined) return { code: 'paid-here', message: words.paidHere(paidHere.receiptNumber) };
    if (bill.state === 'pagada') return { code: 'paid', message: words.paid };
    if (bill.state === 'anulada') return { code: 'annulled', message: words.annulled };
    if (bill.dueOn < this.today()) return { code: 'overdue', message: words.overdue(formatDateEs(bill.dueOn)) };
    return null;
  }

  private today(): string {
    return bogotaDate(this.options.now().toISOString());
  }

  private entity(): EntitySetting | null {
    const row = this.options.store.db
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, entitySettingKey))
      .get();
    const parsed = parseEntitySetting(row?.value);
    return parsed.ok ? parsed.value : null;
  }
}
