import { z } from 'zod';
import { Tender } from '../../src-shared/cashier/tenders';
import { RechargeSource } from '../../src-shared/api/ops/counter-recharge';
import type { Store } from '../store/open-store';

/** The audit action a recharge is recorded under; also the outbox event's type. */
export const rechargeAction = 'cashier.wallet_recharge_taken';

const pesos = z.number().int();

/**
 * A prepaid wallet recharge as the counter keeps it: an `audit_log` line (never changed, never
 * wiped — recharges are not voided at the counter), whose details are these fields. The device
 * store has no table of its own for recharges yet; the audit log is append-only and kept with
 * the cash sessions when a revoked device's personal data are wiped, and holds no personal data
 * here (the holder's name and identification are printed, never stored).
 */
export const RechargeRecord = z.object({
  rechargeId: z.string(),
  sessionId: z.string(),
  receiptNumber: z.string(),
  liquidationNumber: pesos.positive(),
  amount: pesos.positive(),
  cash: pesos,
  card: pesos,
  /** Named as cashier_payments names it, so the session's totals read both alike. */
  checkAmount: pesos,
  change: pesos,
  rounding: pesos.nonnegative(),
  tenders: z.array(Tender),
  takenAt: z.string(),
  source: RechargeSource,
});
export type RechargeRecord = z.infer<typeof RechargeRecord>;

/** Reads of the counter's recharges. */
export class RechargeRecords {
  constructor(private readonly store: Store) {}

  /** The session's recharges, newest first; only lines written since it opened are read (the `at` index). */
  ofSession(sessionId: string, openedAt: string): RechargeRecord[] {
    const rows = this.store.sqlite
      .prepare(
        `SELECT details FROM audit_log WHERE action = ? AND at >= ? AND json_extract(details, '$.sessionId') = ?
         ORDER BY at DESC, id DESC`,
      )
      .all(rechargeAction, openedAt, sessionId) as { details: string }[];
    return rows.map((row) => RechargeRecord.parse(JSON.parse(row.details)));
  }

  byId(rechargeId: string): RechargeRecord | undefined {
    const row = this.store.sqlite
      .prepare(`SELECT details FROM audit_log WHERE action = ? AND json_extract(details, '$.rechargeId') = ?`)
      .get(rechargeAction, rechargeId) as { details: string } | undefined;
    return row === undefined ? undefined : RechargeRecord.parse(JSON.parse(row.details));
  }

  /** This session's recharge events the central server has not answered yet. */
  unsyncedOf(sessionId: string): number {
    const row = this.store.sqlite
      .prepare(
        `SELECT count(*) AS n FROM outbox WHERE type = ? AND state = 'pending' AND json_extract(payload, '$.cashSessionId') = ?`,
      )
      .get(rechargeAction, sessionId) as { n: number };
    return row.n;
  }
}
