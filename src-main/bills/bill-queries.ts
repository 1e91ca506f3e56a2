import { and, desc, eq, lte, ne, sql } from 'drizzle-orm';
import { bills, payments, settings, subscribers } from '../../db/local/schema';
import type { BillRow, SubscriberRow } from '../../src-shared/domain/bill-rows';
import type { Store } from '../store/open-store';

/**
 * The replica's rows are the shapes of src-shared/domain/bill-rows.ts (one definition of a
 * bill row for the documents, the views and the queries); the drizzle tables must give them.
 */
export type { BillRow, SubscriberRow };
export type PaymentRow = typeof payments.$inferSelect;
type GivesShared = [typeof bills.$inferSelect extends BillRow ? true : never, typeof subscribers.$inferSelect extends SubscriberRow ? true : never];
/** Compile-time: a replica table that stopped giving the shared row would make this a type error. */
export const replicaRowsMatch: GivesShared = [true, true];

/** Bills shown with their consumption history: the current one and the five before it. */
export const consumptionPeriods = 6;
export const paymentHistoryLength = 12;
export const previousBillsLength = 5;

const code = sql.placeholder('code');

/**
 * Read-only queries on the replica, prepared once. Each is answered from an index:
 * subscribers by primary key, bills by (codigo_interno, period), payments by
 * (codigo_interno, paid_at); none reads more than a dozen rows.
 */
export class BillQueries {
  private readonly subscriberByCode;
  private readonly validBills;
  private readonly lastPayment;
  private readonly recentPayments;
  private readonly billsUpTo;
  private readonly validUpTo;
  private readonly setting;

  constructor(store: Store) {
    const db = store.db;
    this.subscriberByCode = db.select().from(subscribers).where(eq(subscribers.codigoInterno, code)).prepare();
    this.validBills = db
      .select()
      .from(bills)
      .where(and(eq(bills.codigoInterno, code), ne(bills.state, 'anulada')))
      .orderBy(desc(bills.period), desc(bills.billNumber))
      .limit(consumptionPeriods)
      .prepare();
    this.lastPayment = db
      .select({ period: payments.period })
      .from(payments)
      .where(eq(payments.codigoInterno, code))
      .orderBy(desc(payments.paidAt))
      .limit(1)
      .prepare();
    this.recentPayments = db
      .select()
      .from(payments)
      .where(eq(payments.codigoInterno, code))
      .orderBy(desc(payments.paidAt), desc(payments.id))
      .limit(paymentHistoryLength)
      .prepare();
    // Annulled bills count: the citizen may want one, and it prints with FACTURA ANULADA.
    this.billsUpTo = db
      .select()
      .from(bills)
      .where(and(eq(bills.codigoInterno, code), lte(bills.period, sql.placeholder('period'))))
      .orderBy(desc(bills.period), desc(bills.billNumber))
      .limit(previousBillsLength)
      .prepare();
    this.validUpTo = db
      .select()
      .from(bills)
      .where(and(eq(bills.codigoInterno, code), ne(bills.state, 'anulada'), lte(bills.period, sql.placeholder('period'))))
      .orderBy(desc(bills.period), desc(bills.billNumber))
      .limit(consumptionPeriods)
      .prepare();
    this.setting = db.select({ value: settings.value }).from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare();
  }

  subscriber(codigoInterno: number): SubscriberRow | undefined {
    return this.subscriberByCode.get({ code: codigoInterno });
  }

  /** The latest valid (not annulled) bills, newest first; the first is the current bill. */
  latestValidBills(codigoInterno: number): BillRow[] {
    return this.validBills.all({ code: codigoInterno });
  }

  /** The valid bills of the six periods ending at `period`, newest first (a previous bill's chart). */
  validBillsUpTo(codigoInterno: number, period: string): BillRow[] {
    return this.validUpTo.all({ code: codigoInterno, period });
  }

  /** The last 12 payments, newest first. */
  payments(codigoInterno: number): PaymentRow[] {
    return this.recentPayments.all({ code: codigoInterno });
  }

  /**
   * The five bills before the last payment (guide 000 §6: "las 5 facturas anteriores, a partir
   * del último pago realizado"): the bill that payment settled and the four before it, newest
   * first. Empty when the code has never paid.
   */
  previousBills(codigoInterno: number): BillRow[] {
    const last = this.lastPayment.get({ code: codigoInterno });
    if (last === undefined) return [];
    return this.billsUpTo.all({ code: codigoInterno, period: last.period });
  }

  /** A settings value, JSON-decoded; undefined when the row is missing. */
  settingValue(key: string): unknown {
    return this.setting.get({ key })?.value;
  }
}
