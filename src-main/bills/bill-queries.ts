import { and, asc, count, desc, eq, exists, gt, lte, max, ne, sql } from 'drizzle-orm';
import { bills, payments, settings, subscribers } from '../../db/local/schema';
import type { ChartBill } from '../../src-shared/domain/bill-document';
import type { BillRow, SubscriberRow } from '../../src-shared/domain/bill-rows';
import type { Store } from '../store/open-store';
import type { PeerMember } from './peer-blocks';

/**
 * The replica's rows are the shapes of src-shared/domain/bill-rows.ts (one definition of a
 * bill row for the documents, the views and the queries); the drizzle tables must give them.
 */
export type { BillRow, SubscriberRow };
export type PaymentRow = typeof payments.$inferSelect;

/** What a validation question may ask of a bill and its subscriber (validation-questions.ts). */
export interface QuestionBillRow extends ChartBill {
  readonly total: number;
  readonly currentReading: number;
  readonly previousReading: number;
  readonly meterSerial: string;
}
type GivesShared = [
  typeof bills.$inferSelect extends BillRow ? true : never,
  typeof subscribers.$inferSelect extends SubscriberRow ? true : never,
];
/** Compile-time: a replica table that stopped giving the shared row would make this a type error. */
export const replicaRowsMatch: GivesShared = [true, true];

/** Bills shown with their consumption history: the current one and the five before it. */
export const consumptionPeriods = 6;
export const paymentHistoryLength = 12;
export const previousBillsLength = 5;
/** Bills after the last payment a debtor is offered besides the five (more than a kiosk's replica keeps). */
export const unpaidBillsLength = 12;

const code = sql.placeholder('code');

/**
 * Read-only queries on the replica, prepared once. Each is answered from an index:
 * subscribers by primary key, bills by (codigo_interno, period), payments by
 * (codigo_interno, paid_at); none reads more than a dozen rows, except the peer directory's
 * pages (peer-directory.ts), which walk the subscribers in código order.
 */
export class BillQueries {
  private readonly subscriberByCode;
  private readonly validBills;
  private readonly lastPayment;
  private readonly recentPayments;
  private readonly billsUpTo;
  private readonly validUpTo;
  private readonly delivered;
  private readonly billsAfter;
  private readonly peers;
  private readonly questionBill;
  private readonly chartBills;
  private readonly subscriberCount;
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
      .where(
        and(eq(bills.codigoInterno, code), ne(bills.state, 'anulada'), lte(bills.period, sql.placeholder('period'))),
      )
      .orderBy(desc(bills.period), desc(bills.billNumber))
      .limit(consumptionPeriods)
      .prepare();
    // Only the period: the questions are about that period, and a whole row would decode its line items.
    this.delivered = db
      .select({ period: bills.period })
      .from(bills)
      .where(
        and(eq(bills.codigoInterno, code), ne(bills.state, 'anulada'), lte(bills.issuedOn, sql.placeholder('cutoff'))),
      )
      .orderBy(desc(bills.period), desc(bills.billNumber))
      .limit(1)
      .prepare();
    this.billsAfter = db
      .select()
      .from(bills)
      .where(and(eq(bills.codigoInterno, code), gt(bills.period, sql.placeholder('period'))))
      .orderBy(desc(bills.period), desc(bills.billNumber))
      .limit(unpaidBillsLength + 1)
      .prepare();
    this.peers = db
      .select({
        code: subscribers.codigoInterno,
        ruta: subscribers.codigoRuta,
        estrato: subscribers.estrato,
        uso: subscribers.uso,
      })
      .from(subscribers)
      .where(
        and(
          gt(subscribers.codigoInterno, sql.placeholder('after')),
          exists(
            db
              .select({ one: sql`1` })
              .from(bills)
              .where(eq(bills.codigoInterno, subscribers.codigoInterno)),
          ),
        ),
      )
      .orderBy(asc(subscribers.codigoInterno))
      .limit(sql.placeholder('limit'))
      .prepare();
    // The figures a question may show, without the line items a document needs: a challenge
    // reads four of these, and a consumption chart only when the first figures repeat.
    this.questionBill = db
      .select({
        billNumber: bills.billNumber,
        codigoInterno: bills.codigoInterno,
        period: bills.period,
        state: bills.state,
        consumptionM3: bills.consumptionM3,
        total: bills.total,
        currentReading: bills.currentReading,
        previousReading: bills.previousReading,
        meterSerial: subscribers.meterSerial,
      })
      .from(bills)
      .innerJoin(subscribers, eq(subscribers.codigoInterno, bills.codigoInterno))
      .where(
        and(eq(bills.codigoInterno, code), ne(bills.state, 'anulada'), lte(bills.period, sql.placeholder('period'))),
      )
      .orderBy(desc(bills.period), desc(bills.billNumber))
      .limit(1)
      .prepare();
    this.chartBills = db
      .select({
        billNumber: bills.billNumber,
        codigoInterno: bills.codigoInterno,
        period: bills.period,
        state: bills.state,
        consumptionM3: bills.consumptionM3,
      })
      .from(bills)
      .where(
        and(eq(bills.codigoInterno, code), ne(bills.state, 'anulada'), lte(bills.period, sql.placeholder('period'))),
      )
      .orderBy(desc(bills.period), desc(bills.billNumber))
      .limit(consumptionPeriods)
      .prepare();
    this.subscriberCount = db
      .select({ count: count(), top: max(subscribers.codigoInterno) })
      .from(subscribers)
      .prepare();
    this.setting = db
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, sql.placeholder('key')))
      .prepare();
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
   * The period (`YYYY-MM`) of the bill the citizen can hold: the latest valid one issued on or
   * before `cutoff` (`YYYY-MM-DD`: today minus the days a bill takes to be delivered, held-bill.ts).
   */
  deliveredPeriod(codigoInterno: number, cutoff: string): string | undefined {
    return this.delivered.get({ code: codigoInterno, cutoff })?.period;
  }

  /**
   * "Ver facturas anteriores" (guide 000 §6: "las 5 facturas anteriores, a partir del último
   * pago realizado"), newest first: the bills after the period of the last payment, which a
   * debtor still owes (the current bill aside: it is the one «Facturación» shows, with its
   * barcode), then the bill that payment settled and the four before it. A code that never paid
   * gets every bill but the current one.
   */
  previousBills(codigoInterno: number): BillRow[] {
    const last = this.lastPayment.get({ code: codigoInterno });
    const after = this.billsAfter.all({ code: codigoInterno, period: last?.period ?? '' });
    const current = this.latestValidBills(codigoInterno)[0];
    const unpaid = after.filter((bill) => bill.billNumber !== current?.billNumber).slice(0, unpaidBillsLength);
    if (last === undefined) return unpaid;
    return [...unpaid, ...this.billsUpTo.all({ code: codigoInterno, period: last.period })];
  }

  /**
   * The latest valid bill of the code up to `period` (`YYYY-MM`), with its subscriber's meter;
   * undefined when the code has none that old.
   */
  questionBillUpTo(codigoInterno: number, period: string): QuestionBillRow | undefined {
    return this.questionBill.get({ code: codigoInterno, period });
  }

  /** The valid bills of the six periods ending at `period`, newest first, as the chart needs them. */
  chartBillsUpTo(codigoInterno: number, period: string): ChartBill[] {
    return this.chartBills.all({ code: codigoInterno, period });
  }

  /** Subscribers with at least one bill, código above `after`, ascending: the peer directory's pages. */
  peerPage(after: number, limit: number): PeerMember[] {
    return this.peers.all({ after, limit }).map((row) => ({
      code: row.code,
      cycle: row.ruta.split('-', 1)[0] ?? row.ruta,
      estrato: row.estrato,
      uso: row.uso,
    }));
  }

  /** How many subscribers and the highest código: changes when sync adds or removes one. */
  subscribersSignature(): string {
    const row = this.subscriberCount.get();
    return `${row?.count ?? 0}:${row?.top ?? 0}`;
  }

  /** A settings value, JSON-decoded; undefined when the row is missing. */
  settingValue(key: string): unknown {
    return this.setting.get({ key })?.value;
  }
}
