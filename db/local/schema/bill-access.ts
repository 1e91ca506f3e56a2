import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Failed validation attempts per código interno on this device. Three in a row lock the code
 * for a while; the row survives restarts so switching the kiosk off does not reset the count.
 */
export const billAccessLocks = sqliteTable('bill_access_locks', {
  codigoInterno: integer('codigo_interno').primaryKey(),
  failures: integer('failures').notNull(),
  /** ISO 8601 instant until which the code is locked, or null. */
  lockedUntil: text('locked_until'),
  updatedAt: text('updated_at').notNull(),
});
