import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Events the central server must learn about, written in the same transaction as the local
 * change they describe (the single write path). `id` is a UUIDv7, so its order is the
 * device's order of writes.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    /** `domain.event`, one of src-shared/sync/events.ts: `payment.taken`, `kiosk.session_ended`… */
    type: text('type').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
    /**
     * pending → sent, or parked when the server rejected it for good; a supervisor can send a
     * parked event again (back to pending) or discard it (kept, never sent).
     */
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: text('sent_at'),
  },
  (t) => [
    check('outbox_state_check', sql`${t.state} in ('pending', 'sent', 'parked', 'discarded')`),
    index('outbox_state_idx').on(t.state, t.id),
  ],
);
