import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Documents sent to a printer, kept until printed and afterwards for reprint. The bytes are
 * stored with the job, so a crash, a power cut or a printer out of paper never loses one.
 * queued → printing → done | failed | unknown (src-main/devices/jobs): a failed job is retried
 * or reprinted only on request; an unknown one (it may have reached the paper) is resolved by a
 * person — it came out, or print it again — and never sent again by itself.
 */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    /** UUIDv7: its order is the order jobs were queued. */
    id: text('id').primaryKey(),
    /** What is printed: bill, previous-bill, bill-slip, receipt, report, test-page… */
    kind: text('kind').notNull(),
    /** Short human title for staff screens; never personal data beyond a código interno. */
    title: text('title').notNull(),
    /** `application/pdf` for the document printer, `application/vnd.escpos` for receipts. */
    contentType: text('content_type').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    /** Printer (CUPS queue or tcp://host:port) the job was sent to. */
    printer: text('printer'),
    state: text('state').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The OS print system's job id, when it gave one. */
    systemJobId: text('system_job_id'),
    /** Set on a reprint: the job it copies. */
    copyOf: text('copy_of'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    check('print_jobs_state_check', sql`${t.state} in ('queued', 'printing', 'done', 'failed', 'unknown')`),
    index('print_jobs_state_idx').on(t.state, t.id),
  ],
);
