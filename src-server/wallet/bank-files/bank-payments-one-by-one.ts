import { applyLiquidationPayment, recordReview } from '../apply-payment';
import type { BankRecordsApplier } from './bank-records-applier';

/**
 * The reference applier: THE money path (apply-payment.ts) once per record, recordReview once per
 * parked record. Correct by construction and slow (a dozen statements a record); the bulk applier
 * must write exactly what this one writes.
 */
export const oneByOneApplier: BankRecordsApplier = {
  async apply(tx, payments) {
    for (const p of payments) {
      const done = await applyLiquidationPayment(tx, {
        liquidationId: p.liquidation.id,
        channel: 'bank',
        sourceKey: p.sourceKey,
        amount: p.amount,
        source: { kind: 'bank-clearing', ownerRef: p.bankCode },
        at: p.at,
        raw: p.raw,
      });
      // The import checked the amount and locked the liquidación: a refusal here is a bug, and the transaction must fail.
      if (!done.ok) throw new Error(`bank payment ${p.sourceKey} refused: ${done.error.message}`);
    }
  },
  async park(tx, parked) {
    for (const r of parked) {
      await recordReview(tx, {
        kind: r.kind,
        channel: 'bank',
        sourceKey: r.sourceKey,
        liquidationId: r.liquidationId,
        amount: r.amount,
        raw: r.raw,
        details: r.details,
      });
    }
  },
};
