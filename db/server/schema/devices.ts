import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Kiosks, counters and field laptops known to this server. Tokens are stored only as hashes. */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    mode: text('mode').notNull(),
    /**
     * What the enrollment code said: a field device's first route (assigned into device_routes
     * at enrollment) or an office name. What a field device replicates is its device_routes.
     */
    scope: text('scope'),
    /**
     * The office the device stands in (`Sede Centro`). A counter may void only payments taken
     * in its own office; null = an office of its own (it may void only its own payments).
     */
    office: text('office'),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [check('devices_mode_check', sql`${t.mode} in ('kiosk', 'cashier', 'field')`)],
);

/** One-time codes an admin creates; a device exchanges one for its token. */
export const enrollmentCodes = pgTable(
  'enrollment_codes',
  {
    id: uuid('id').primaryKey(),
    codeHash: text('code_hash').notNull().unique(),
    deviceName: text('device_name').notNull(),
    mode: text('mode').notNull(),
    scope: text('scope'),
    office: text('office'),
    /** An existing receipt series the device takes over (a counter reinstalled); null = a new one. */
    receiptPrefix: text('receipt_prefix'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedByDeviceId: uuid('used_by_device_id').references(() => devices.id),
  },
  (t) => [
    check('enrollment_codes_mode_check', sql`${t.mode} in ('kiosk', 'cashier', 'field')`),
    index('enrollment_codes_expires_idx').on(t.expiresAt),
  ],
);

/**
 * Receipt number series of counters and field devices (`CAJA1-000123`). The server issues the
 * prefix at enrollment and remembers the last number it received, so a counter reinstalled
 * with the same series goes on after it instead of printing a number twice.
 */
export const receiptSeries = pgTable('receipt_series', {
  /** Letters and digits, no dash (the dash separates it from the number). */
  prefix: text('prefix').primaryKey(),
  /** The device that holds the series now. */
  deviceId: uuid('device_id')
    .notNull()
    .unique()
    .references(() => devices.id),
  lastNumber: integer('last_number').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Each device's latest heartbeat (src-shared/server-api/device-report.ts): one row per device,
 * replaced on every report, so 500 devices cost 500 small rows. What staff see about a
 * device's printers and dispenser comes from here; nothing the server decides does.
 */
export const deviceReports = pgTable('device_reports', {
  deviceId: uuid('device_id')
    .primaryKey()
    .references(() => devices.id, { onDelete: 'cascade' }),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  report: jsonb('report').notNull(),
});
