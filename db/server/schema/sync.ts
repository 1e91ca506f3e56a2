import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, json, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { devices } from './devices';

/**
 * The change feed devices pull (docs/sync-protocol.md). Triggers on every replicated
 * table append one row per changed row (migration 0001_sync_feed), with the row as it is
 * after the change. Writers to replicated tables take one transaction-scoped advisory lock
 * before their first row change, so `seq` order is commit order: a reader that sees `seq`
 * N has already been able to see every change below N, and `seq > cursor` never skips one.
 */
export const changeLog = pgTable(
  'change_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    /** subscribers, bills, payments, staff_users, settings. */
    tableName: text('table_name').notNull(),
    /** The row's primary key as text. */
    rowKey: text('row_key').notNull(),
    /** `put` (insert or update, `row` holds the whole row) or `del`. */
    op: text('op').notNull(),
    /** Código de ruta of the subscriber the row belongs to; null for entity-wide rows. */
    scope: text('scope'),
    /**
     * The row as devices receive it: `json`, the text as the trigger wrote it, so a pull copies
     * it to the page instead of printing a `jsonb` again for every device that asks (migration
     * 0026). A payment's server-only columns (feed-policy.ts) are left out when it is written.
     */
    row: json('row'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('change_log_op_check', sql`${t.op} in ('put', 'del')`),
    index('change_log_key_idx').on(t.tableName, t.rowKey),
  ],
);

/**
 * Every event a device pushed and the server applied, recorded in the same transaction as
 * its effect: the primary key is what makes a second delivery a `duplicate`.
 */
export const appliedEvents = pgTable(
  'applied_events',
  {
    id: uuid('id').primaryKey(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    /** When the device wrote it (its clock). */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('applied_events_device_idx').on(t.deviceId, t.id)],
);

/** Events the server refused for good, for the office to see; the device parks them too. */
export const rejectedEvents = pgTable(
  'rejected_events',
  {
    id: uuid('id').notNull(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    type: text('type').notNull(),
    reason: text('reason').notNull(),
    payload: jsonb('payload').notNull(),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rejected_events_id_idx').on(t.id)],
);

/**
 * Saldo a favor: money a subscriber paid beyond what was owed (a bill paid twice, bank and
 * cashier, or an overpayment). Never discarded; the office reviews each one.
 */
export const subscriberCredits = pgTable(
  'subscriber_credits',
  {
    id: uuid('id').primaryKey(),
    codigoInterno: integer('codigo_interno').notNull(),
    /** The payment whose excess this is. */
    paymentId: uuid('payment_id').notNull().unique(),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** Set when the payment it came from was voided: the excess was never really received. */
    voidedAt: timestamp('voided_at', { withTimezone: true }),
  },
  (t) => [
    check('subscriber_credits_amount_check', sql`${t.amount} > 0`),
    index('subscriber_credits_subscriber_idx').on(t.codigoInterno),
  ],
);

/**
 * Who voided a counter or field payment, why and when: the payment row stays, with state
 * `voided`; this is the approval that made it so, checked when it arrived.
 */
export const paymentVoids = pgTable('payment_voids', {
  paymentId: uuid('payment_id').primaryKey(),
  reason: text('reason').notNull(),
  /** Staff username of the supervisor. */
  supervisor: text('supervisor').notNull(),
  voidedAt: timestamp('voided_at', { withTimezone: true }).notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  /** The device the void came from (voids before migration 0007 have none). */
  deviceId: uuid('device_id'),
  /** The cashier at that counter. */
  cashier: text('cashier'),
  /** The supervisor's signature, as received (verified before the void was recorded). */
  approval: text('approval'),
});

/**
 * Cash sessions of counters and field devices, as their events told them: a payment names the
 * session it was taken in, and the server checks that session is this device's and its cashier's.
 */
export const cashSessions = pgTable(
  'cash_sessions',
  {
    id: uuid('id').primaryKey(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    cashier: text('cashier').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    openingFloat: integer('opening_float').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Counted minus expected at the close. */
    difference: integer('difference'),
    approvedBy: text('approved_by'),
  },
  (t) => [index('cash_sessions_device_idx').on(t.deviceId, t.openedAt)],
);
