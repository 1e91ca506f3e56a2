import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bills } from './bills';
import { subscribers } from './subscribers';

/** Money received for a bill, by any channel. Amounts are whole pesos. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey(),
    codigoInterno: integer('codigo_interno')
      .notNull()
      .references(() => subscribers.codigoInterno),
    billNumber: bigint('bill_number', { mode: 'number' })
      .notNull()
      .references(() => bills.billNumber),
    /** The period the payment settles, `YYYY-MM`. */
    period: text('period').notNull(),
    amount: integer('amount').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    /** banco, caja, en-linea, corresponsal. */
    channel: text('channel').notNull(),
    /** Bank, office or gateway reference of the payment. */
    reference: text('reference').notNull(),
  },
  (t) => [
    check('payments_amount_check', sql`${t.amount} > 0`),
    check('payments_channel_check', sql`${t.channel} in ('banco', 'caja', 'en-linea', 'corresponsal')`),
    index('payments_subscriber_idx').on(t.codigoInterno, t.paidAt),
  ],
);
