import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { devices } from './devices';
import { cashSessions } from './sync';

/**
 * The entrega de recaudo (docs/field-mode.md): a collector's collection days handed over at the
 * office, counted blind by a supervisor at the laptop and signed by them (`field.handover`
 * event). The laptop's expected figures, the count and the difference are kept beside whether
 * the server's own payments of those days matched the laptop's to the peso.
 */
export const fieldHandovers = pgTable(
  'field_handovers',
  {
    id: uuid('id').primaryKey(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    collector: text('collector').notNull(),
    supervisor: text('supervisor').notNull(),
    handedAt: timestamp('handed_at', { withTimezone: true }).notNull(),
    expectedCash: integer('expected_cash').notNull(),
    expectedTransfer: integer('expected_transfer').notNull(),
    countedCash: integer('counted_cash').notNull(),
    countedTransfer: integer('counted_transfer').notNull(),
    /** Counted minus expected, both tenders; negative = money missing. */
    difference: integer('difference').notNull(),
    /** Every day's payment count and amount equalled the server's when the handover arrived. */
    matchesServer: boolean('matches_server').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('field_handovers_device_idx').on(t.deviceId, t.handedAt)],
);

/** The days of a handover: the laptop's figures and the server's, per cash session (each handed over once). */
export const fieldHandoverDays = pgTable(
  'field_handover_days',
  {
    handoverId: uuid('handover_id')
      .notNull()
      .references(() => fieldHandovers.id),
    sessionId: uuid('session_id')
      .notNull()
      .unique()
      .references(() => cashSessions.id),
    payments: integer('payments').notNull(),
    amount: integer('amount').notNull(),
    cash: integer('cash').notNull(),
    transfer: integer('transfer').notNull(),
    serverPayments: integer('server_payments').notNull(),
    serverAmount: integer('server_amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.handoverId, t.sessionId] }),
    check('field_handover_days_figures_check', sql`${t.payments} >= 0 AND ${t.cash} >= 0 AND ${t.transfer} >= 0`),
  ],
);
