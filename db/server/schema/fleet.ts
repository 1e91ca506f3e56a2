import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { devices } from './devices';
import { bytea } from './documents';

/**
 * The last reports of each device (the latest alone is in device_reports), so the fleet view's
 * device page shows what changed over the last hours. Pruned to a fixed count per device on
 * insert, so 500 devices reporting every 15 s stay a bounded table.
 */
export const deviceReportHistory = pgTable(
  'device_report_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    report: jsonb('report').notNull(),
  },
  (t) => [index('device_report_history_device_idx').on(t.deviceId, t.receivedAt)],
);

/**
 * App versions published for devices to update to (`npm run admin -- release publish <dir>`):
 * one row per channel, platform and version. The artifacts' names, sizes and sha512 are the
 * ones the publisher checked against the files; the files themselves live in the release
 * store (a directory every instance shares) under `path`.
 */
export const appReleases = pgTable(
  'app_releases',
  {
    id: uuid('id').primaryKey(),
    channel: text('channel').notNull(),
    platform: text('platform').notNull(),
    version: text('version').notNull(),
    /** [{ name, size, sha512 }] — sha512 in base64, as electron-updater's feed files carry it. */
    files: jsonb('files').notNull(),
    path: text('path').notNull(),
    releaseDate: timestamp('release_date', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when an admin takes the version back: the feed then serves the channel's previous one. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    check('app_releases_channel_check', sql`${t.channel} in ('stable', 'pilot')`),
    check('app_releases_platform_check', sql`${t.platform} in ('linux', 'windows')`),
    unique('app_releases_version_unique').on(t.channel, t.platform, t.version),
  ],
);

/** Which release channel each device follows; a device without a row follows 'stable'. */
export const deviceChannels = pgTable(
  'device_channels',
  {
    deviceId: uuid('device_id')
      .primaryKey()
      .references(() => devices.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    setBy: text('set_by').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('device_channels_channel_check', sql`${t.channel} in ('stable', 'pilot')`)],
);

/**
 * Diagnostic bundles a device uploaded at a staff member's request («Enviar diagnóstico»): its
 * last log lines, gzip-compressed, already stripped of personal data by the device and checked
 * again by the server. Kept in the database so any instance can serve it.
 */
export const deviceDiagnostics = pgTable(
  'device_diagnostics',
  {
    id: uuid('id').primaryKey(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    /** The staff member who asked for it at the device (their user name), as the device says. */
    requestedBy: text('requested_by'),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    bundle: bytea('bundle').notNull(),
  },
  (t) => [index('device_diagnostics_device_idx').on(t.deviceId, t.uploadedAt)],
);
