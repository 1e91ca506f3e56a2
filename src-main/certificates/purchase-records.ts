import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { certificateCopies, certificatePurchases } from '../../db/local/schema';
import { dispenseOutcomes } from '../../src-shared/certificates/certificate-delivery';
import type { Store } from '../store/open-store';

/** One bought copy as the kiosk keeps it until the server acknowledged how it ended. */
const StoredCopy = z.object({
  certificateId: z.uuid(),
  copy: z.number().int(),
  verificationCode: z.string(),
  /** Its dispense job in print_jobs (which holds the PDF); null until it is queued. */
  jobId: z.string().nullable(),
  /** How the dispenser left it; null while it is waiting or being dispensed. */
  outcome: z.enum(dispenseOutcomes).nullable(),
  /** The dispenser's words or the runner's, for the server's record (never personal data). */
  detail: z.string().nullable(),
  /** Set when the server acknowledged the outcome; repeating it is harmless (it is idempotent). */
  reported: z.boolean(),
  refunded: z.number().int(),
});
export type StoredCopy = z.infer<typeof StoredCopy>;

/**
 * A purchase as the kiosk keeps it (no identification, no clave): written before the server is
 * asked, completed with the server's answer, and removed once every copy's outcome is reported.
 */
const StoredPurchase = z.object({
  purchaseKey: z.uuid(),
  /** `asking`: the server was asked and has not answered; `bought`: its answer is stored. */
  state: z.enum(['asking', 'bought']),
  matricula: z.string(),
  certificateCode: z.string(),
  copiesAsked: z.number().int(),
  createdAt: z.string(),
  receiptNumber: z.number().int().nullable(),
  title: z.string().nullable(),
  businessName: z.string().nullable(),
  unitPrice: z.number().int().nullable(),
  total: z.number().int().nullable(),
  balance: z.number().int().nullable(),
  /** Set once the receipt for the finished purchase was queued (or could not be). */
  receiptPrinted: z.boolean(),
  copies: z.array(StoredCopy),
});
export type StoredPurchase = z.infer<typeof StoredPurchase>;

/**
 * The kiosk's certificate purchases, in `certificate_purchases` and `certificate_copies`
 * (db/local/schema/certificates.ts). Every write is one transaction, so what a restart finds is
 * a state the purchase had; rows are checked on the way in and out, never trusted blindly.
 */
export class PurchaseRecords {
  constructor(private readonly store: Store) {}

  /** Writes the purchase and exactly its copies, in one transaction. */
  put(purchase: StoredPurchase): void {
    const { copies, ...row } = StoredPurchase.parse(purchase);
    const { db, sqlite } = this.store;
    sqlite.transaction(() => {
      db.insert(certificatePurchases)
        .values(row)
        .onConflictDoUpdate({ target: certificatePurchases.purchaseKey, set: row })
        .run();
      db.delete(certificateCopies).where(eq(certificateCopies.purchaseKey, row.purchaseKey)).run();
      if (copies.length > 0)
        db.insert(certificateCopies)
          .values(copies.map((copy) => ({ ...copy, purchaseKey: row.purchaseKey })))
          .run();
    })();
  }

  get(purchaseKey: string): StoredPurchase | null {
    const row = this.store.db
      .select()
      .from(certificatePurchases)
      .where(eq(certificatePurchases.purchaseKey, purchaseKey))
      .get();
    return row === undefined ? null : (this.withCopies([row])[0] ?? null);
  }

  /** Every purchase kept, oldest first. */
  all(): StoredPurchase[] {
    return this.withCopies(
      this.store.db.select().from(certificatePurchases).orderBy(asc(certificatePurchases.createdAt)).all(),
    );
  }

  /** The purchase and copy a dispense job belongs to. */
  byJob(jobId: string): { purchase: StoredPurchase; copy: StoredCopy } | null {
    const row = this.store.db
      .select({ purchaseKey: certificateCopies.purchaseKey, certificateId: certificateCopies.certificateId })
      .from(certificateCopies)
      .where(eq(certificateCopies.jobId, jobId))
      .get();
    const purchase = row === undefined ? null : this.get(row.purchaseKey);
    const copy = purchase?.copies.find((c) => c.certificateId === row?.certificateId);
    return purchase === null || copy === undefined ? null : { purchase, copy };
  }

  /** Changes one copy of a purchase; the purchase as it now stands. */
  updateCopy(purchaseKey: string, certificateId: string, change: Partial<StoredCopy>): StoredPurchase | null {
    const { certificateId: _id, ...set } = StoredCopy.partial().parse(change);
    if (Object.keys(set).length > 0)
      this.store.db
        .update(certificateCopies)
        .set(set)
        .where(and(eq(certificateCopies.purchaseKey, purchaseKey), eq(certificateCopies.certificateId, certificateId)))
        .run();
    return this.get(purchaseKey);
  }

  /** Forgets a purchase and its copies (the foreign key cascades). */
  remove(purchaseKey: string): void {
    this.store.db.delete(certificatePurchases).where(eq(certificatePurchases.purchaseKey, purchaseKey)).run();
  }

  /** The purchases with their copies in copy order; a row that breaks the shape is skipped. */
  private withCopies(rows: (typeof certificatePurchases.$inferSelect)[]): StoredPurchase[] {
    if (rows.length === 0) return [];
    // Every copy when many purchases are read (one statement, no long list of keys).
    const keys = rows.map((r) => r.purchaseKey);
    const copies = this.store.db
      .select()
      .from(certificateCopies)
      .where(keys.length > 200 ? undefined : inArray(certificateCopies.purchaseKey, keys))
      .orderBy(asc(certificateCopies.purchaseKey), asc(certificateCopies.copy))
      .all();
    return rows.flatMap((row) => {
      const parsed = StoredPurchase.safeParse({
        ...row,
        copies: copies.filter((c) => c.purchaseKey === row.purchaseKey).map(({ purchaseKey: _key, ...c }) => c),
      });
      return parsed.success ? [parsed.data] : [];
    });
  }
}
