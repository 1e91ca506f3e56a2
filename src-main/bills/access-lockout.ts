import { eq, sql } from 'drizzle-orm';
import { auditLog, billAccessLocks } from '../../db/local/schema';
import type { LocalDb, Store } from '../store/open-store';
import { commit } from '../store/write-path';

/** Three wrong answers in a row lock a code on this device for 15 minutes (docs/user-guides.md, guide 000 §4). */
export const maxFailures = 3;
export const lockMs = 15 * 60_000;

export type ValidationOutcome = 'passed' | 'failed' | 'locked';

export interface FailureResult {
  readonly attemptsLeft: number;
  /** Set when this failure locked the code. */
  readonly lockedUntil: Date | null;
}

/**
 * The lock and the failure count live in `bill_access_locks`, so switching the kiosk off does
 * not reset them. Every attempt is audited in the same transaction as the lock change; the
 * audit holds the código interno and the outcome, never the answers or the holder's data.
 * Failures older than the lock time are forgotten: "in a row" means within one sitting.
 */
export class AccessLockout {
  // Prepared once: every challenge asked reads the code's lock first.
  private readonly lockOf;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {
    this.lockOf = store.db
      .select()
      .from(billAccessLocks)
      .where(eq(billAccessLocks.codigoInterno, sql.placeholder('code')))
      .prepare();
  }

  /** Until when the code is locked, or null when it is not. */
  lockedUntil(codigoInterno: number): Date | null {
    const row = this.lockOf.get({ code: codigoInterno });
    if (row?.lockedUntil === undefined || row.lockedUntil === null) return null;
    const until = new Date(row.lockedUntil);
    return until.getTime() > this.now().getTime() ? until : null;
  }

  recordFailure(codigoInterno: number): FailureResult {
    const now = this.now();
    return commit(
      this.store,
      (tx) => {
        const failures = this.currentFailures(tx, codigoInterno, now) + 1;
        const locks = failures >= maxFailures;
        const lockedUntil = locks ? new Date(now.getTime() + lockMs) : null;
        const values = {
          failures: locks ? 0 : failures,
          lockedUntil: lockedUntil?.toISOString() ?? null,
          updatedAt: now.toISOString(),
        };
        tx.insert(billAccessLocks)
          .values({ codigoInterno, ...values })
          .onConflictDoUpdate({ target: billAccessLocks.codigoInterno, set: values })
          .run();
        const attemptsLeft = locks ? 0 : maxFailures - failures;
        audit(tx, now, 'failed', { codigoInterno, attemptsLeft, lockedUntil: values.lockedUntil });
        return { result: { attemptsLeft, lockedUntil }, events: [] };
      },
      this.now,
    );
  }

  recordSuccess(codigoInterno: number): void {
    const now = this.now();
    commit(
      this.store,
      (tx) => {
        tx.delete(billAccessLocks).where(eq(billAccessLocks.codigoInterno, codigoInterno)).run();
        audit(tx, now, 'passed', { codigoInterno });
        return { result: undefined, events: [] };
      },
      this.now,
    );
  }

  /** An attempt refused because the code is locked (asking for questions, or answering late). */
  recordRefused(codigoInterno: number, lockedUntil: Date): void {
    const now = this.now();
    commit(
      this.store,
      (tx) => {
        audit(tx, now, 'locked', { codigoInterno, lockedUntil: lockedUntil.toISOString() });
        return { result: undefined, events: [] };
      },
      this.now,
    );
  }

  private currentFailures(tx: LocalDb, codigoInterno: number, now: Date): number {
    const row = this.row(tx, codigoInterno);
    if (row === undefined) return 0;
    if (row.lockedUntil !== null) return 0; // a lock that has run out starts a new count
    const stale = now.getTime() - new Date(row.updatedAt).getTime() >= lockMs;
    return stale ? 0 : row.failures;
  }

  private row(db: LocalDb, codigoInterno: number): typeof billAccessLocks.$inferSelect | undefined {
    return db.select().from(billAccessLocks).where(eq(billAccessLocks.codigoInterno, codigoInterno)).get();
  }
}

function audit(tx: LocalDb, at: Date, outcome: ValidationOutcome, details: Record<string, unknown>): void {
  tx.insert(auditLog)
    .values({ at: at.toISOString(), action: `bills.validation_${outcome}`, actor: 'kiosk', details })
    .run();
}
