import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row: the identity of this central-server deployment. Devices remember it at enrollment
 * so they can refuse to sync with a server of a different deployment.
 */
export const deployments = pgTable('deployments', {
  id: uuid('id').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /**
   * Changes when the database is restored from a backup (`npm run admin -- restored`): the
   * change feed's numbers may then repeat, so a device that sees a new epoch downloads its
   * replica again and sends again what the server may have lost.
   */
  feedEpoch: uuid('feed_epoch').notNull().defaultRandom(),
});

/** Entity-wide configuration that devices replicate (entity name, NIT, barcode parameters…). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
