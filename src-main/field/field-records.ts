import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { cashierPayments, cashSessions } from '../../db/local/schema';
import type { FieldDayView, FieldPaymentView } from '../../src-shared/api/ops/field';
import { bogotaDay } from '../../src-shared/field/field-words';
import { readPaymentRow, type PaymentRow } from '../payment-taking/payment-rows';
import type { Store } from '../store/open-store';

type DayRow = typeof cashSessions.$inferSelect;

/** The audit action of a payment flagged «para anular en la oficina». */
export const voidFlagAction = 'field.void_flagged';

/**
 * Reads of the field laptop's records: its collection days (cash sessions), their payments,
 * the payments flagged for the office and the unsent ones. Nothing here writes.
 */
export class FieldRecords {
  constructor(private readonly store: Store) {}

  openDay(): DayRow | undefined {
    return this.store.db.select().from(cashSessions).where(eq(cashSessions.state, 'open')).get();
  }

  day(id: string): DayRow | undefined {
    return this.store.db.select().from(cashSessions).where(eq(cashSessions.id, id)).get();
  }

  /** Newest first; a laptop holds a few weeks of days at most before its handovers. */
  days(limit = 60): DayRow[] {
    return this.store.db.select().from(cashSessions).orderBy(desc(cashSessions.openedAt)).limit(limit).all();
  }

  /** A collector's days not handed over yet, oldest first (today's too, if open). */
  daysToHandOver(collector: string): DayRow[] {
    return this.store.db
      .select()
      .from(cashSessions)
      .where(and(eq(cashSessions.cashier, collector), isNull(cashSessions.handoverId)))
      .orderBy(asc(cashSessions.openedAt))
      .all();
  }

  /**
   * Money records of these days the central server has not accepted: waiting (`pending`) or
   * refused (`parked`). A void names its payment, not its day: it counts through the payment.
   */
  unsentOf(dayIds: readonly string[]): { pending: number; parked: number } {
    if (dayIds.length === 0) return { pending: 0, parked: 0 };
    const marks = dayIds.map(() => '?').join(', ');
    return this.store.sqlite
      .prepare(
        `SELECT coalesce(sum(state = 'pending'), 0) AS pending, coalesce(sum(state = 'parked'), 0) AS parked FROM outbox
         WHERE state IN ('pending', 'parked')
           AND (coalesce(json_extract(payload, '$.cashSessionId'), json_extract(payload, '$.sessionId')) IN (${marks})
             OR (type = 'payment.voided'
               AND json_extract(payload, '$.paymentId') IN (SELECT id FROM cashier_payments WHERE session_id IN (${marks}))))`,
      )
      .get(...dayIds, ...dayIds) as { pending: number; parked: number };
  }

  payments(dayId: string): PaymentRow[] {
    return this.store.db
      .select()
      .from(cashierPayments)
      .where(eq(cashierPayments.sessionId, dayId))
      .orderBy(desc(cashierPayments.takenAt), desc(cashierPayments.id))
      .all()
      .map(readPaymentRow);
  }

  payment(id: string): PaymentRow | undefined {
    const stored = this.store.db.select().from(cashierPayments).where(eq(cashierPayments.id, id)).get();
    return stored === undefined ? undefined : readPaymentRow(stored);
  }

  validPaymentOf(billNumber: number): PaymentRow | undefined {
    const stored = this.store.db
      .select()
      .from(cashierPayments)
      .where(and(eq(cashierPayments.billNumber, billNumber), eq(cashierPayments.state, 'valid')))
      .get();
    return stored === undefined ? undefined : readPaymentRow(stored);
  }

  /** Reasons of the payments flagged for the office, by payment id. */
  flags(): Map<string, string> {
    const rows = this.store.sqlite
      .prepare(
        `SELECT json_extract(details, '$.paymentId') AS paymentId, json_extract(details, '$.reason') AS reason
         FROM audit_log WHERE action = ?`,
      )
      .all(voidFlagAction) as { paymentId: string; reason: string }[];
    return new Map(rows.map((r) => [r.paymentId, r.reason]));
  }

  /** Payments the central server has not accepted yet, and the oldest one's time. */
  unsentPayments(): { pending: number; oldestAt: string | null } {
    const row = this.store.sqlite
      .prepare(
        `SELECT count(*) AS pending, min(created_at) AS oldestAt FROM outbox
         WHERE type = 'payment.taken' AND state = 'pending'`,
      )
      .get() as { pending: number; oldestAt: string | null };
    return row;
  }

  holder(codigoInterno: number): string {
    const row = this.store.sqlite
      .prepare('SELECT holder_name AS holderName FROM subscribers WHERE codigo_interno = ?')
      .get(codigoInterno) as { holderName: string } | undefined;
    return row?.holderName ?? `Código interno ${codigoInterno}`;
  }

  dayView(row: DayRow, flags: Map<string, string> = this.flags()): FieldDayView {
    const payments = this.payments(row.id);
    const valid = payments.filter((p) => p.state === 'valid');
    const cash = valid.reduce((sum, p) => sum + p.cash, 0);
    const transfer = valid.reduce((sum, p) => sum + transferOf(p), 0);
    return {
      id: row.id,
      date: bogotaDay(new Date(row.openedAt)),
      state: row.handoverId !== null ? 'handed' : row.state === 'open' ? 'open' : 'ended',
      collector: row.cashierName,
      openedAt: row.openedAt,
      payments: valid.length,
      cash,
      transfer,
      total: cash + transfer,
      // A flagged payment voided since (with a supervisor on the laptop) needs the office no more.
      flagged: valid.filter((p) => flags.has(p.id)).length,
    };
  }

  paymentView(row: PaymentRow, flags: Map<string, string> = this.flags()): FieldPaymentView {
    const transfer = row.tenders.find((t) => t.kind === 'transfer');
    return {
      id: row.id,
      receiptNumber: row.receiptNumber,
      codigoInterno: row.codigoInterno,
      holderName: this.holder(row.codigoInterno),
      billNumber: row.billNumber,
      period: row.period,
      amount: row.amount,
      cash: row.cash,
      transfer: transferOf(row),
      change: row.change,
      transferReference: transfer?.kind === 'transfer' ? `${transfer.via} ${transfer.reference}` : null,
      takenAt: row.takenAt,
      state: row.state === 'voided' ? 'voided' : 'valid',
      warning: row.warning,
      flaggedForOffice: flags.get(row.id) ?? null,
    };
  }
}

/** A field payment's transfers, from its tenders (the card column holds them: payment-recorder.ts). */
function transferOf(row: PaymentRow): number {
  return row.tenders.reduce((sum, t) => sum + (t.kind === 'transfer' ? t.amount : 0), 0);
}
