import { and, desc, eq } from 'drizzle-orm';
import { bills, cashierPayments, cashSessions, subscribers } from '../../db/local/schema';
import type { CashierPaymentView, CashierSessionView } from '../../src-shared/api/ops/cashier';
import type { Store } from '../store/open-store';

export type CashSessionRow = typeof cashSessions.$inferSelect;
export type CashierPaymentRow = typeof cashierPayments.$inferSelect;

/** Reads of the cashier's tables and of the replica the counter needs. */
export class CashierRecords {
  constructor(private readonly store: Store) {}

  openSession(): CashSessionRow | undefined {
    return this.store.db.select().from(cashSessions).where(eq(cashSessions.state, 'open')).get();
  }

  session(id: string): CashSessionRow | undefined {
    return this.store.db.select().from(cashSessions).where(eq(cashSessions.id, id)).get();
  }

  payments(sessionId: string): CashierPaymentRow[] {
    return this.store.db.select().from(cashierPayments).where(eq(cashierPayments.sessionId, sessionId)).orderBy(desc(cashierPayments.takenAt), desc(cashierPayments.id)).all();
  }

  payment(id: string): CashierPaymentRow | undefined {
    return this.store.db.select().from(cashierPayments).where(eq(cashierPayments.id, id)).get();
  }

  /** A valid payment of this counter for the bill, not yet known to the replica. */
  paidHere(billNumber: number): CashierPaymentRow | undefined {
    return this.store.db
      .select()
      .from(cashierPayments)
      .where(and(eq(cashierPayments.billNumber, billNumber), eq(cashierPayments.state, 'valid')))
      .get();
  }

  subscriber(codigoInterno: number) {
    return this.store.db.select().from(subscribers).where(eq(subscribers.codigoInterno, codigoInterno)).get();
  }

  bills(codigoInterno: number) {
    return this.store.db.select().from(bills).where(eq(bills.codigoInterno, codigoInterno)).orderBy(desc(bills.period), desc(bills.billNumber)).limit(6).all();
  }

  bill(billNumber: number) {
    return this.store.db.select().from(bills).where(eq(bills.billNumber, billNumber)).get();
  }

  /** Outbox events of this session's payments not yet answered by the server. */
  unsyncedOf(sessionId: string): number {
    const row = this.store.sqlite
      .prepare(
        `SELECT count(*) AS n FROM outbox o JOIN cashier_payments p ON json_extract(o.payload, '$.paymentId') = p.id
         WHERE p.session_id = ? AND o.state = 'pending'`,
      )
      .get(sessionId) as { n: number };
    return row.n;
  }
}

export function sessionView(row: CashSessionRow, payments: readonly CashierPaymentRow[]): CashierSessionView {
  const valid = payments.filter((p) => p.state === 'valid');
  return {
    id: row.id,
    cashier: row.cashier,
    cashierName: row.cashierName,
    openedAt: row.openedAt,
    openingFloat: row.openingFloat,
    payments: valid.length,
    collected: valid.reduce((sum, p) => sum + p.amount, 0),
  };
}

export function paymentView(row: CashierPaymentRow, holderName: string): CashierPaymentView {
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
    takenAt: row.takenAt,
    state: row.state === 'voided' ? 'voided' : 'valid',
    warning: row.warning,
    voidReason: row.voidReason,
  };
}
