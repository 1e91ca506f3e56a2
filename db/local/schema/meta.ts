import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Small device facts that must survive restarts: enrollment, server identity, last contact. */
export const deviceMeta = sqliteTable('device_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
