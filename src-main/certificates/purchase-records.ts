import { eq, like } from 'drizzle-orm';
import { z } from 'zod';
import { deviceMeta } from '../../db/local/schema';
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

const prefix = 'certificates.purchase.';

/**
 * The kiosk's certificate purchases, kept in device_meta under `certificates.purchase.<key>` as
 * JSON, one row per purchase. A key-value row rather than a table of their own because the
 * local schema has none yet (docs/certificates-kiosk.md says what a table would hold); every
 * write is one autocommitted statement, so what a restart finds is a state the purchase had.
 * Each read is parsed: a damaged row is skipped and logged by the caller, never trusted.
 */
export class PurchaseRecords {
  constructor(private readonly store: Store) {}

  put(purchase: StoredPurchase): void {
    const value = JSON.stringify(StoredPurchase.parse(purchase));
    this.store.db
      .insert(deviceMeta)
      .values({ key: prefix + purchase.purchaseKey, value })
      .onConflictDoUpdate({ target: deviceMeta.key, set: { value } })
      .run();
  }

  get(purchaseKey: string): StoredPurchase | null {
    const row = this.store.db
      .select({ value: deviceMeta.value })
      .from(deviceMeta)
      .where(eq(deviceMeta.key, prefix + purchaseKey))
      .get();
    return row === undefined ? null : parse(row.value);
  }

  /** Every purchase kept, oldest first. */
  all(): StoredPurchase[] {
    return this.store.db
      .select({ value: deviceMeta.value })
      .from(deviceMeta)
      .where(like(deviceMeta.key, `${prefix}%`))
      .all()
      .map((row) => parse(row.value))
      .filter((p): p is StoredPurchase => p !== null)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** The purchase and copy a dispense job belongs to. */
  byJob(jobId: string): { purchase: StoredPurchase; copy: StoredCopy } | null {
    for (const purchase of this.all()) {
      const copy = purchase.copies.find((c) => c.jobId === jobId);
      if (copy !== undefined) return { purchase, copy };
    }
    return null;
  }

  /** Changes one copy of a purchase and writes the purchase back. */
  updateCopy(purchaseKey: string, certificateId: string, change: Partial<StoredCopy>): StoredPurchase | null {
    const purchase = this.get(purchaseKey);
    if (purchase === null) return null;
    const copies = purchase.copies.map((c) => (c.certificateId === certificateId ? { ...c, ...change } : c));
    const next = { ...purchase, copies };
    this.put(next);
    return next;
  }

  remove(purchaseKey: string): void {
    this.store.db
      .delete(deviceMeta)
      .where(eq(deviceMeta.key, prefix + purchaseKey))
      .run();
  }
}

function parse(value: string): StoredPurchase | null {
  try {
    const parsed = StoredPurchase.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
