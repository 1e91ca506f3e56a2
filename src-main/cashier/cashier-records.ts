import { desc, eq } from 'drizzle-orm';
import { cashierPayments, cashSessions, subscribers } from '../../db/local/schema';
import type { CashierSessionView } from '../../src-shared/api/ops/cashier';
import { CountedAtClose, ExpectedAtClose } from '../../src-shared/cashier/close-figures';
import { sessionTotals, type SessionTotals, type TotalledRecharge } from '../../src-shared/cashier/session-totals';
import { RechargeRecords, type RechargeRecord } from '../counter-recharge/recharge-records';
import { readPaymentRow, type PaymentRow } from '../payment-taking/payment-rows';
import type { Store } from '../store/open-store';

type StoredSession = typeof cashSessions.$inferSelect;

/** A cash session as `cash_sessions` holds it, its JSON columns typed and checked as they are read back. */
export type CashSessionRow = Omit<StoredSession, 'counted' | 'expected'> & {
  readonly counted: CountedAtClose | null;
  readonly expected: ExpectedAtClose | null;
};

function readSession(stored: StoredSession): CashSessionRow {
  return {
    ...stored,
    counted: stored.counted === null ? null : CountedAtClose.parse(stored.counted),
    expected: stored.expected === null ? null : ExpectedAtClose.parse(stored.expected),
  };
}

/** Reads of the counter's own tables: cash sessions, their payments and their wallet recharges. */
export class CashierRecords {
  readonly recharges: RechargeRecords;

  constructor(private readonly store: Store) {
    this.recharges = new RechargeRecords(store);
  }

  openSession(): CashSessionRow | undefined {
    const stored = this.store.db.select().from(cashSessions).where(eq(cashSessions.state, 'open')).get();
    return stored === undefined ? undefined : readSession(stored);
  }

  session(id: string): CashSessionRow | undefined {
    const stored = this.store.db.select().from(cashSessions).where(eq(cashSessions.id, id)).get();
    return stored === undefined ? undefined : readSession(stored);
  }

  /** The session's payments, newest first. */
  payments(sessionId: string): PaymentRow[] {
    return this.store.db
      .select()
      .from(cashierPayments)
      .where(eq(cashierPayments.sessionId, sessionId))
      .orderBy(desc(cashierPayments.takenAt), desc(cashierPayments.id))
      .all()
      .map(readPaymentRow);
  }

  /** The session's prepaid wallet recharges, newest first. */
  rechargesOf(session: Pick<CashSessionRow, 'id' | 'openedAt'>): RechargeRecord[] {
    return this.recharges.ofSession(session.id, session.openedAt);
  }

  /** What the session's payments and recharges add up to (the close, the X and Z reports). */
  totals(session: Pick<CashSessionRow, 'id' | 'openedAt'>): SessionTotals {
    return sessionTotals(this.payments(session.id), this.rechargesOf(session));
  }

  payment(id: string): PaymentRow | undefined {
    const stored = this.store.db.select().from(cashierPayments).where(eq(cashierPayments.id, id)).get();
    return stored === undefined ? undefined : readPaymentRow(stored);
  }

  /** The subscriber's name as receipts and lists show it. */
  holder(codigoInterno: number): string {
    const row = this.store.db
      .select({ holderName: subscribers.holderName })
      .from(subscribers)
      .where(eq(subscribers.codigoInterno, codigoInterno))
      .get();
    return row?.holderName ?? `Código interno ${codigoInterno}`;
  }

  /** Outbox events of this session's payments and recharges not yet answered by the server. */
  unsyncedOf(sessionId: string): number {
    const row = this.store.sqlite
      .prepare(
        `SELECT count(*) AS n FROM outbox o JOIN cashier_payments p ON json_extract(o.payload, '$.paymentId') = p.id
         WHERE p.session_id = ? AND o.state = 'pending'`,
      )
      .get(sessionId) as { n: number };
    return row.n + this.recharges.unsyncedOf(sessionId);
  }
}

export function sessionView(
  row: CashSessionRow,
  payments: readonly PaymentRow[],
  recharges: readonly TotalledRecharge[] = [],
): CashierSessionView {
  const totals = sessionTotals(payments, recharges);
  return {
    id: row.id,
    cashier: row.cashier,
    cashierName: row.cashierName,
    openedAt: row.openedAt,
    openingFloat: row.openingFloat,
    payments: totals.payments,
    collected: totals.collected,
  };
}
