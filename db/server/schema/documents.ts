import { customType, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { devices } from './devices';

/** A PostgreSQL bytea column read as a Buffer (node-postgres and PGlite hand back either). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * Documents a kiosk left for a citizen's phone («Llevar a mi celular», docs/documents-to-phone.md),
 * in the database so any server instance behind a load balancer serves the link, and a restart
 * forgets nothing. The token is kept only as its SHA-256; a row is deleted when served, when it
 * expires and by a sweep.
 */
export const phoneDocuments = pgTable(
  'phone_documents',
  {
    tokenSha256: text('token_sha256').primaryKey(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    body: bytea('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('phone_documents_expires_idx').on(t.expiresAt),
    index('phone_documents_device_idx').on(t.deviceId, t.expiresAt),
  ],
);
