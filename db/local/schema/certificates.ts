import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Certificate purchases made at this kiosk (docs/certificates-kiosk.md): written before the
 * central server is asked (`asking`), completed with its answer (`bought`), kept until every
 * copy's outcome is acknowledged and then for 30 days. No identification, no clave: the
 * matrícula and the business's name are public registry facts.
 */
export const certificatePurchases = sqliteTable(
  'certificate_purchases',
  {
    /** UUID made by the kiosk; the server answers the same purchase for the same key. */
    purchaseKey: text('purchase_key').primaryKey(),
    state: text('state').notNull(),
    matricula: text('matricula').notNull(),
    certificateCode: text('certificate_code').notNull(),
    copiesAsked: integer('copies_asked').notNull(),
    createdAt: text('created_at').notNull(),
    receiptNumber: integer('receipt_number'),
    title: text('title'),
    businessName: text('business_name'),
    unitPrice: integer('unit_price'),
    total: integer('total'),
    /** The wallet's balance after the hold, as the server answered. */
    balance: integer('balance'),
    /** Set once the receipt for the finished purchase was queued (or could not be). */
    receiptPrinted: integer('receipt_printed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    check('certificate_purchases_state_check', sql`${t.state} in ('asking', 'bought')`),
    index('certificate_purchases_created_idx').on(t.createdAt),
  ],
);

/**
 * Each copy the server issued for a purchase: its dispense job (print_jobs holds the PDF), how
 * the dispenser left it, and whether the server acknowledged that outcome.
 */
export const certificateCopies = sqliteTable(
  'certificate_copies',
  {
    certificateId: text('certificate_id').primaryKey(),
    purchaseKey: text('purchase_key')
      .notNull()
      .references(() => certificatePurchases.purchaseKey, { onDelete: 'cascade' }),
    copy: integer('copy').notNull(),
    verificationCode: text('verification_code').notNull(),
    jobId: text('job_id'),
    /** completed | failed | unknown; null while waiting or at the dispenser. */
    outcome: text('outcome'),
    /** The dispenser's or the runner's words, for the server's record (never personal data). */
    detail: text('detail'),
    reported: integer('reported', { mode: 'boolean' }).notNull().default(false),
    /** Pesos the server gave back to the wallet for this copy. */
    refunded: integer('refunded').notNull().default(0),
  },
  (t) => [
    check(
      'certificate_copies_outcome_check',
      sql`${t.outcome} is null or ${t.outcome} in ('completed', 'failed', 'unknown')`,
    ),
    index('certificate_copies_purchase_idx').on(t.purchaseKey, t.copy),
    index('certificate_copies_job_idx').on(t.jobId),
  ],
);
