import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Kiosks, counters and field laptops known to this server. Tokens are stored only as hashes. */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    mode: text('mode').notNull(),
    /** Office or código de ruta that limits what a device replicates; null = everything. */
    scope: text('scope'),
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
