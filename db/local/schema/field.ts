import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { CashCount } from '../../../src-shared/cashier/denominations';

/**
 * An entrega de recaudo on a field laptop (docs/field-mode.md): a collector's collection days
 * handed over at the office, the cash counted by a supervisor piece by piece and the transfers
 * checked, the difference kept. Written with its `field.handover` event in one commit; each day
 * handed over names it in `cash_sessions.handover_id`.
 */
export const fieldHandovers = sqliteTable(
  'field_handovers',
  {
    /** UUIDv7, the same on the server (field_handovers.id). */
    id: text('id').primaryKey(),
    handedAt: text('handed_at').notNull(),
    collector: text('collector').notNull(),
    collectorName: text('collector_name').notNull(),
    supervisor: text('supervisor').notNull(),
    /** What the days' records say, per tender. */
    expectedCash: integer('expected_cash').notNull(),
    expectedTransfer: integer('expected_transfer').notNull(),
    /** The supervisor's count: pieces per bill and coin (JSON), and the transfers checked. */
    countedPieces: text('counted_pieces', { mode: 'json' }).$type<CashCount>().notNull(),
    countedCash: integer('counted_cash').notNull(),
    countedTransfer: integer('counted_transfer').notNull(),
    /** Counted minus expected, both tenders; negative = money missing. */
    difference: integer('difference').notNull(),
    /** Spanish lines the report prints: saldo a favor the server made, differences with its figures. */
    notes: text('notes', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (t) => [index('field_handovers_handed_idx').on(t.handedAt)],
);
