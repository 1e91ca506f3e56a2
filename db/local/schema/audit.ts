import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Append-only record of what happened on this device (sessions, attempts, money movements). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    action: text('action').notNull(),
    /** Who acted: `kiosk` for citizens, or a staff username. Never a citizen's personal data. */
    actor: text('actor').notNull(),
    details: text('details', { mode: 'json' }).notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);
