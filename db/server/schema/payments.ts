import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bills } from './bills';
import { paymentChannels } from '../../../src-shared/domain/bill-state';
import { devices } from './devices';
import { sqlList } from './sql-list';
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
    /** banco, caja, campo (field collection), en-linea, corresponsal. */
    channel: text('channel').notNull(),
    /** Bank, office or gateway reference of the payment; a device's receipt number. */
    reference: text('reference').notNull(),
    /** The counter or field device that took it; null for bank, gateway and imported payments. */
    deviceId: uuid('device_id').references(() => devices.id),
    /** The device's cash session it was taken in. */
    cashSessionId: uuid('cash_session_id'),
    /** Staff username of the cashier or collector. */
    cashier: text('cashier'),
    /** `valid`, or `voided` by a supervisor (payment_voids says who, why and when). Never deleted. */
    state: text('state').notNull().default('valid'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
  },
  (t) => [
    check('payments_amount_check', sql`${t.amount} > 0`),
    check('payments_channel_check', sql`${t.channel} in ${sqlList(paymentChannels)}`),
    check('payments_state_check', sql`${t.state} in ('valid', 'voided')`),
    index('payments_subscriber_idx').on(t.codigoInterno, t.paidAt),
    index('payments_bill_idx').on(t.billNumber),
    // A cash session's payments: the Z figures and the field handover check (session-figures.ts).
    index('payments_cash_session_idx')
      .on(t.cashSessionId)
      .where(sql`${t.cashSessionId} is not null`),
    // A receipt number is issued once, whichever device holds its series.
    uniqueIndex('payments_device_receipt_key')
      .on(t.reference)
      .where(sql`${t.deviceId} is not null`),
  ],
);
