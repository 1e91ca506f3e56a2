import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { CountedAtClose, ExpectedAtClose } from '../../../src-shared/cashier/close-figures';
import type { Tender } from '../../../src-shared/cashier/tenders';

/**
 * A cashier's shift at the counter (docs/user-guides.md): opened with a float, closed blind (the count
 * is typed before the expected amount is shown). Money records live here and in
 * `cashier_payments`; both are written with their outbox events through the one write path.
 */
export const cashSessions = sqliteTable(
  'cash_sessions',
  {
    /** UUIDv7. */
    id: text('id').primaryKey(),
    /** Staff username of the cashier who opened it. */
    cashier: text('cashier').notNull(),
    cashierName: text('cashier_name').notNull(),
    openedAt: text('opened_at').notNull(),
    /** Cash in the drawer at the start (base). Whole pesos. */
    openingFloat: integer('opening_float').notNull(),
    state: text('state').notNull().default('open'),
    closedAt: text('closed_at'),
    /**
     * The close: counted cash by denomination and counted card and check totals (JSON). Typed for
     * writes; reads parse it again (src-main/cashier/cashier-records.ts), since a disk holds what it holds.
     */
    counted: text('counted', { mode: 'json' }).$type<CountedAtClose>(),
    /** What the records say the drawer should hold, per tender, at the close (JSON). */
    expected: text('expected', { mode: 'json' }).$type<ExpectedAtClose>(),
    /** Counted minus expected, all tenders; negative = missing money. */
    difference: integer('difference'),
    /** Supervisor who approved a difference beyond the tolerance. */
    approvedBy: text('approved_by'),
    /** A field laptop's day: the entrega de recaudo that handed it over (field_handovers.id), once done. */
    handoverId: text('handover_id'),
  },
  (t) => [
    check('cash_sessions_state_check', sql`${t.state} in ('open', 'closed')`),
    // One open session per device at a time.
    uniqueIndex('cash_sessions_one_open_idx')
      .on(t.state)
      .where(sql`${t.state} = 'open'`),
  ],
);

/** A payment taken at the counter, with its receipt number from this device's series. */
export const cashierPayments = sqliteTable(
  'cashier_payments',
  {
    /** The payment's UUID, the same on the server (payments.id). */
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => cashSessions.id),
    /** `CAJA1-000123`: unique on this device and, through its prefix, everywhere. */
    receiptNumber: text('receipt_number').notNull(),
    codigoInterno: integer('codigo_interno').notNull(),
    billNumber: integer('bill_number').notNull(),
    period: text('period').notNull(),
    amount: integer('amount').notNull(),
    cash: integer('cash').notNull(),
    /** Card at a counter; on a field laptop, bank and wallet app transfers (the tenders say which). */
    card: integer('card').notNull(),
    checkAmount: integer('check_amount').notNull(),
    change: integer('change').notNull(),
    /** The tenders as typed (voucher, bank and check number). */
    tenders: text('tenders', { mode: 'json' }).$type<readonly Tender[]>().notNull(),
    takenAt: text('taken_at').notNull(),
    /** Spanish, when the bill was not owed any more (saldo a favor on the server). */
    warning: text('warning'),
    state: text('state').notNull().default('valid'),
    voidedAt: text('voided_at'),
    voidedBy: text('voided_by'),
    voidReason: text('void_reason'),
  },
  (t) => [
    check('cashier_payments_state_check', sql`${t.state} in ('valid', 'voided')`),
    uniqueIndex('cashier_payments_receipt_idx').on(t.receiptNumber),
    index('cashier_payments_session_idx').on(t.sessionId, t.takenAt),
    // «Already paid here»: the route sheet asks it for every subscriber shown (docs/field-mode.md).
    index('cashier_payments_bill_idx').on(t.billNumber, t.state),
  ],
);

/**
 * Human number series of this device (receipts). The next number is taken in the transaction
 * that writes the payment, so a crash either keeps both or neither: a number is never reused.
 */
export const numberSeries = sqliteTable('number_series', {
  name: text('name').primaryKey(),
  next: integer('next').notNull(),
});
