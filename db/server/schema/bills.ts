import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { billStates } from '../../../src-shared/domain/bill-state';
import type { BillLineItemRow } from '../../../src-shared/domain/bill-rows';
import { sqlList } from './sql-list';
import { subscribers } from './subscribers';

/** One line of a bill (src-shared/domain/bill-rows.ts). */
export type BillLineItem = BillLineItemRow;

/** Monthly bills. Amounts are whole pesos. */
export const bills = pgTable(
  'bills',
  {
    /** The bill number printed on it (número de factura). */
    billNumber: bigint('bill_number', { mode: 'number' }).primaryKey(),
    codigoInterno: integer('codigo_interno')
      .notNull()
      .references(() => subscribers.codigoInterno),
    /** Billing period `YYYY-MM`. */
    period: text('period').notNull(),
    issuedOn: date('issued_on').notNull(),
    dueOn: date('due_on').notNull(),
    /** Suspension date if unpaid (fecha de suspensión). */
    suspensionOn: date('suspension_on').notNull(),
    previousReading: integer('previous_reading').notNull(),
    currentReading: integer('current_reading').notNull(),
    consumptionM3: integer('consumption_m3').notNull(),
    lineItems: jsonb('line_items').$type<BillLineItem[]>().notNull(),
    previousBalance: integer('previous_balance').notNull(),
    total: integer('total').notNull(),
    state: text('state').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (t) => [
    check('bills_state_check', sql`${t.state} in ${sqlList(billStates)}`),
    // An annulled bill and its reissue share a period, so this index is not unique.
    index('bills_subscriber_period_idx').on(t.codigoInterno, t.period),
  ],
);
