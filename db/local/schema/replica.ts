import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { BillLineItemRow } from '../../../src-shared/domain/bill-rows';

/**
 * The device's replica of the central server's reference data, written only by the sync
 * puller (server-authoritative). Columns mirror `db/server/schema` one for one; there are no
 * foreign keys because the server already enforces them and a scoped device may hold a bill
 * whose change arrived in an earlier page than its subscriber's update.
 */
export const subscribers = sqliteTable(
  'subscribers',
  {
    codigoInterno: integer('codigo_interno').primaryKey(),
    codigoRuta: text('codigo_ruta').notNull(),
    holderName: text('holder_name').notNull(),
    estrato: integer('estrato').notNull(),
    uso: text('uso').notNull(),
    address: text('address').notNull(),
    neighborhood: text('neighborhood').notNull(),
    municipality: text('municipality').notNull(),
    meterSerial: text('meter_serial').notNull(),
  },
  (t) => [
    index('subscribers_ruta_idx').on(t.codigoRuta),
    // The field's route sheet finds a subscriber by the meter's serial (docs/field-mode.md).
    index('subscribers_meter_idx').on(t.meterSerial),
  ],
);

export const bills = sqliteTable(
  'bills',
  {
    billNumber: integer('bill_number').primaryKey(),
    codigoInterno: integer('codigo_interno').notNull(),
    /** `YYYY-MM`. */
    period: text('period').notNull(),
    /** `YYYY-MM-DD`. */
    issuedOn: text('issued_on').notNull(),
    dueOn: text('due_on').notNull(),
    suspensionOn: text('suspension_on').notNull(),
    previousReading: integer('previous_reading').notNull(),
    currentReading: integer('current_reading').notNull(),
    consumptionM3: integer('consumption_m3').notNull(),
    lineItems: text('line_items', { mode: 'json' }).$type<BillLineItemRow[]>().notNull(),
    previousBalance: integer('previous_balance').notNull(),
    total: integer('total').notNull(),
    /** pagada, pendiente, vencida, anulada. */
    state: text('state').notNull(),
    /** ISO 8601 instant, or null unless paid. */
    paidAt: text('paid_at'),
  },
  (t) => [index('bills_subscriber_period_idx').on(t.codigoInterno, t.period)],
);

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    codigoInterno: integer('codigo_interno').notNull(),
    billNumber: integer('bill_number').notNull(),
    period: text('period').notNull(),
    amount: integer('amount').notNull(),
    /** ISO 8601 instant. */
    paidAt: text('paid_at').notNull(),
    /** banco, caja, campo, en-linea, corresponsal. */
    channel: text('channel').notNull(),
    /** The bank's or counter's reference; kiosks do not receive it (null there). */
    reference: text('reference'),
    /** `valid`, or `voided` by a supervisor: a voided payment paid nothing. */
    state: text('state').notNull().default('valid'),
  },
  (t) => [index('payments_subscriber_idx').on(t.codigoInterno, t.paidAt)],
);

/**
 * Staff accounts, so counter staff can sign in while the server is down: on counter and field
 * devices only, only cashiers and supervisors, and their hashes peppered with a secret of this
 * device (src-node/staff-credentials.ts). Kiosks hold none.
 */
export const staffUsers = sqliteTable('staff_users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  role: text('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  pinHash: text('pin_hash'),
  active: integer('active', { mode: 'boolean' }).notNull(),
  createdAt: text('created_at').notNull(),
});

/** Entity-wide configuration (name, NIT, barcode parameters…), as JSON values. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});
