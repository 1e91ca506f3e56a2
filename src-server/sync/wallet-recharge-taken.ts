import { formatCop } from '../../src-shared/domain/money';
import type { WalletRechargeTaken } from '../../src-shared/sync/events';
import type { LiquidationState } from '../../src-shared/wallet/liquidation';
import type { SqlExecutor } from '../db/sql-executor';
import { applyLiquidationPayment, recordReview } from '../wallet/apply-payment';
import type { BatchEffects, EventHandler, PushContext } from './event-handler';
import { EventRejection } from './event-rejection';
import { readCounterMoneyChecks, rechargeWords } from './money-event-checks';

interface LiquidationRow extends Record<string, unknown> {
  id: string;
  number: string | number;
  amount: string | number;
  state: LiquidationState;
}

/** A liquidación as the batch found it by number. */
interface FoundLiquidation {
  readonly id: string;
  readonly amount: number;
}

interface AcceptedRecharge {
  readonly recharge: WalletRechargeTaken;
  readonly liquidation: FoundLiquidation | null;
}

/** The ledger key and review key of a counter recharge: the device's recharge id, fixed before its first send. */
export const counterSourceKey = (rechargeId: string): string => `counter:${rechargeId}`;

/**
 * A prepaid wallet recharge taken at a counter (docs/counter-recharge.md). The money is in the
 * counter's cash session, so the event is never refused for what it pays: the wallet is
 * credited through applyLiquidationPayment from the session's ledger account, in the push's
 * transaction, once per recharge (`counter:<recharge id>`).
 *
 * - A liquidación already paid, expired or annulled: credited and flagged by applyLiquidationPayment.
 * - An amount other than the liquidación's (typed offline from the volante): the cash was
 *   received and the citizen holds a receipt for it, so what was received is credited, and the
 *   difference is flagged `amount-mismatch` (details.credited = true) for staff to settle with
 *   the citizen. A bank's mismatch is parked instead: there the money is still at the bank.
 * - A number no liquidación has: nothing is credited (no wallet to credit), the event is
 *   accepted and the money is parked for staff as `unknown-reference` with the receipt's facts.
 *
 * What the server checks first, as for a payment (docs/trust-model.md), from its own records:
 * the device is a counter (event-permissions.ts); the cash session is one this device opened
 * and had not closed before the recharge; the cashier is active, a cajero or supervisor, and
 * the session's (a supervisor may stand in); the rounding is less than the amount; the date is
 * near the server's clock; the receipt number is of this device's series and unused; the
 * recharge id is new.
 */
export const walletRechargeTaken: EventHandler<WalletRechargeTaken> = {
  async prepare(tx, payloads, ctx): Promise<BatchEffects<WalletRechargeTaken>> {
    const numbers = [...new Set(payloads.map((p) => p.liquidationNumber))];
    const found = await tx.query<LiquidationRow>(
      'SELECT id, number, amount, state FROM liquidations WHERE number = ANY($1::bigint[])',
      [numbers],
    );
    const liquidations = new Map(
      found.rows.map((row) => [Number(row.number), { id: row.id, amount: Number(row.amount) } as FoundLiquidation]),
    );
    const keys = payloads.map((p) => counterSourceKey(p.rechargeId));
    const seen = await tx.query<{ source_key: string }>(
      `SELECT source_key FROM liquidation_payments WHERE source_key = ANY($1::text[])
       UNION SELECT source_key FROM wallet_reviews WHERE source_key = ANY($1::text[])`,
      [keys],
    );
    const usedKeys = new Set(seen.rows.map((row) => row.source_key));
    const references = payloads.map((p) => p.reference);
    // Receipt numbers are one series for bills and recharges: unused in either.
    const used = await tx.query<{ reference: string }>(
      `SELECT reference FROM payments WHERE reference = ANY($1::text[]) AND device_id IS NOT NULL
       UNION SELECT payload->>'reference' FROM applied_events
       WHERE device_id = $2 AND type = 'cashier.wallet_recharge_taken' AND payload->>'reference' = ANY($1::text[])`,
      [references, ctx.device.id],
    );
    const usedReferences = new Set(used.rows.map((row) => row.reference));
    const checks = await readCounterMoneyChecks(tx, ctx, payloads);

    const accepted: AcceptedRecharge[] = [];
    return {
      accept(recharge) {
        const key = counterSourceKey(recharge.rechargeId);
        if (usedKeys.has(key))
          throw new EventRejection(`La recarga ${recharge.rechargeId} ya estaba registrada con otro evento.`);
        const refusal = checks.refusal({ ...recharge, at: recharge.takenAt }, rechargeWords);
        if (refusal !== null) throw new EventRejection(refusal);
        if (usedReferences.has(recharge.reference))
          throw new EventRejection(`El número de recibo ${recharge.reference} ya se usó.`);

        usedKeys.add(key);
        usedReferences.add(recharge.reference);
        checks.take(recharge.reference);
        accepted.push({ recharge, liquidation: liquidations.get(recharge.liquidationNumber) ?? null });
      },

      async write(tx: SqlExecutor) {
        // One at a time, in the order sent: each payment locks its liquidación and sees the ones before it.
        for (const { recharge, liquidation } of accepted) await credit(tx, recharge, liquidation, ctx);
        await checks.write(tx);
      },
    };
  },
};

async function credit(
  tx: SqlExecutor,
  recharge: WalletRechargeTaken,
  liquidation: FoundLiquidation | null,
  ctx: PushContext,
): Promise<void> {
  const sourceKey = counterSourceKey(recharge.rechargeId);
  const raw = `${ctx.device.name}: recibo ${recharge.reference}, liquidación ${recharge.liquidationNumber}, ${formatCop(recharge.amount)}, cajero ${recharge.cashier}`;
  const facts = {
    deviceId: ctx.device.id,
    receipt: recharge.reference,
    cashSessionId: recharge.cashSessionId,
    liquidationNumber: recharge.liquidationNumber,
    takenAt: recharge.takenAt,
  };
  if (liquidation === null) {
    await recordReview(tx, {
      kind: 'unknown-reference',
      channel: 'counter',
      sourceKey,
      liquidationId: null,
      amount: recharge.amount,
      raw,
      details: {
        ...facts,
        credited: false,
        note: `Ninguna liquidación tiene el número ${recharge.liquidationNumber}: la caja recibió ${formatCop(recharge.amount)} y el dinero está en su sesión de caja, sin abonar a ningún prepago.`,
      },
    });
    return;
  }
  const applied = await applyLiquidationPayment(tx, {
    liquidationId: liquidation.id,
    channel: 'counter',
    sourceKey,
    amount: recharge.amount,
    source: { kind: 'cash-session', ownerRef: recharge.cashSessionId },
    at: new Date(recharge.takenAt),
    raw,
  });
  // Every check the payment could fail (a whole positive amount, the liquidación found) was made
  // in accept: a refusal here is a bug, and the batch is retried rather than the money dropped.
  if (!applied.ok) throw new Error(`counter recharge not applied: ${applied.error.code}`);
  if (recharge.amount !== liquidation.amount) {
    await recordReview(tx, {
      kind: 'amount-mismatch',
      channel: 'counter',
      sourceKey,
      liquidationId: liquidation.id,
      amount: recharge.amount,
      raw,
      details: {
        ...facts,
        credited: true,
        liquidationAmount: liquidation.amount,
        note: `La caja recibió ${formatCop(recharge.amount)} por la liquidación ${recharge.liquidationNumber}, de ${formatCop(liquidation.amount)}: se abonó lo recibido al prepago; revise la diferencia con el titular.`,
      },
    });
  }
}
