import { runInTransaction } from '../../db/transaction';
import type { SqlExecutor } from '../../db/sql-executor';
import { applyLiquidationPayment, recordReview } from '../apply-payment';
import { isFinalStatus, type CheckoutStatus, type GatewayTransaction } from './gateway-event';

/** Where the news of a transaction came from. */
export type GatewayNewsSource = 'webhook' | 'poll';

/**
 * What one piece of news did (gateway_events.outcome, plus `duplicate` for news already had):
 * - `applied`: an approval credited the wallet (once: its source key is the transaction id).
 * - `status-only`: a status recorded, or ignored because a later one was already known.
 * - `mismatch`: amount, currency or reference disagreed with our checkout: nothing credited.
 * - `unknown-reference`: no checkout of ours has that reference: nothing credited.
 */
export type GatewayNewsOutcome = 'applied' | 'status-only' | 'mismatch' | 'unknown-reference' | 'duplicate';

export interface GatewayNewsResult {
  readonly outcome: GatewayNewsOutcome;
  /** `<transaction id>:<status>`: the same news twice is the same key. */
  readonly eventKey: string;
}

interface CheckoutRow extends Record<string, unknown> {
  reference: string;
  liquidation_id: string;
  amount_in_cents: string | number;
  currency: string;
  transaction_id: string | null;
  status: CheckoutStatus;
  liquidation_amount: string | number;
}

/**
 * Applies what the gateway says about a transaction — from a verified webhook event or from a
 * poll of its API — in one transaction with the gateway_events row that makes it happen once:
 *
 * 1. Lock our checkout by reference (concurrent deliveries of the same news queue here).
 * 2. News already had (same transaction id and status) changes nothing.
 * 3. An unknown reference, or an amount or currency that is not the checkout's and the
 *    liquidación's, is recorded and, for an approval, parked for staff as `gateway-mismatch`.
 * 4. An approval credits the wallet through applyLiquidationPayment (`gateway:<transaction id>`).
 *    A verified approval is money the citizen paid, so it is credited even after a decline of
 *    the same checkout (a second attempt that went through).
 * 5. Other statuses only move the checkout forward: a final status never goes back to PENDING.
 */
export async function applyGatewayNews(
  exec: SqlExecutor,
  transaction: GatewayTransaction,
  source: GatewayNewsSource,
  at: Date,
): Promise<GatewayNewsResult> {
  const eventKey = `${transaction.id}:${transaction.status}`;
  const summary = newsSummary(transaction, source);
  return runInTransaction(exec, async (tx) => {
    const { rows } = await tx.query<CheckoutRow>(
      `SELECT g.reference, g.liquidation_id, g.amount_in_cents, g.currency, g.transaction_id, g.status,
              l.amount AS liquidation_amount
       FROM gateway_transactions g JOIN liquidations l ON l.id = g.liquidation_id
       WHERE g.reference = $1 FOR UPDATE OF g`,
      [transaction.reference],
    );
    const checkout = rows[0];
    const record = async (outcome: Exclude<GatewayNewsOutcome, 'duplicate'>): Promise<GatewayNewsResult> => {
      const inserted = await tx.query(
        `INSERT INTO gateway_events (event_key, transaction_id, reference, status, outcome, source, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_key) DO NOTHING RETURNING event_key`,
        [eventKey, transaction.id, transaction.reference, transaction.status, outcome, source, at.toISOString()],
      );
      return { outcome: inserted.rows.length === 0 ? 'duplicate' : outcome, eventKey };
    };

    if (checkout === undefined) {
      const result = await record('unknown-reference');
      if (result.outcome !== 'duplicate' && transaction.status === 'APPROVED') {
        await recordReview(tx, {
          kind: 'gateway-mismatch',
          channel: 'gateway',
          sourceKey: `gateway:${transaction.id}`,
          liquidationId: null,
          amount: wholePesos(transaction.amount_in_cents),
          raw: summary,
          details: {
            reason: 'unknown-reference',
            amountInCents: transaction.amount_in_cents,
            currency: transaction.currency,
            note: `La pasarela aprobó un pago con la referencia ${transaction.reference}, que no es de ninguna liquidación: no se abonó.`,
          },
        });
      }
      return result;
    }

    const seen = await tx.query('SELECT 1 FROM gateway_events WHERE event_key = $1', [eventKey]);
    if (seen.rows.length > 0) return { outcome: 'duplicate', eventKey };

    const expectedCents = Number(checkout.liquidation_amount) * 100;
    const mismatch = mismatchReason(transaction, checkout, expectedCents);
    if (mismatch !== null) {
      if (transaction.status === 'APPROVED') {
        await recordReview(tx, {
          kind: 'gateway-mismatch',
          channel: 'gateway',
          sourceKey: `gateway:${transaction.id}`,
          liquidationId: checkout.liquidation_id,
          amount: wholePesos(transaction.amount_in_cents),
          raw: summary,
          details: {
            reason: mismatch,
            amountInCents: transaction.amount_in_cents,
            expectedAmountInCents: expectedCents,
            currency: transaction.currency,
            note: `La pasarela aprobó ${transaction.amount_in_cents / 100} ${transaction.currency} para la referencia ${transaction.reference}, que esperaba ${expectedCents / 100} COP: no se abonó.`,
          },
        });
      }
      return record('mismatch');
    }

    if (transaction.status === 'APPROVED') {
      const paid = await applyLiquidationPayment(tx, {
        liquidationId: checkout.liquidation_id,
        channel: 'gateway',
        sourceKey: `gateway:${transaction.id}`,
        amount: transaction.amount_in_cents / 100,
        source: { kind: 'gateway-clearing', ownerRef: '' },
        at,
        raw: summary,
      });
      // Thrown, not recorded: the transaction rolls back and the gateway (or the next poll) tries again.
      if (!paid.ok) throw new Error(`gateway approval not applied: ${paid.error.code}`);
      await setStatus(tx, checkout.reference, 'APPROVED', transaction.id, at);
      return record('applied');
    }

    const sameTransaction = checkout.transaction_id === null || checkout.transaction_id === transaction.id;
    if (checkout.status === 'APPROVED' && transaction.status === 'VOIDED' && sameTransaction) {
      // A card payment voided after we credited it: the money is in the wallet; staff decide.
      await recordReview(tx, {
        kind: 'gateway-mismatch',
        channel: 'gateway',
        sourceKey: `gateway:${transaction.id}`,
        liquidationId: checkout.liquidation_id,
        amount: wholePesos(transaction.amount_in_cents),
        raw: summary,
        details: {
          reason: 'voided-after-approval',
          note: `La pasarela anuló la transacción de la referencia ${transaction.reference} después de aprobarla; el abono ya se hizo.`,
        },
      });
    } else if (statusRank(transaction.status) > statusRank(checkout.status)) {
      await setStatus(tx, checkout.reference, transaction.status, transaction.id, at);
    }
    return record('status-only');
  });
}

/** CREATED < PENDING < any final status; among final ones, nothing but an approval moves (handled above). */
function statusRank(status: CheckoutStatus): number {
  if (status === 'CREATED') return 0;
  if (status === 'PENDING') return 1;
  return isFinalStatus(status) ? 2 : 0;
}

async function setStatus(
  tx: SqlExecutor,
  reference: string,
  status: CheckoutStatus,
  transactionId: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE gateway_transactions SET status = $2, transaction_id = $3, updated_at = $4 WHERE reference = $1`,
    [reference, status, transactionId, at.toISOString()],
  );
}

function mismatchReason(
  transaction: GatewayTransaction,
  checkout: CheckoutRow,
  expectedCents: number,
): 'currency' | 'amount' | null {
  if (transaction.currency !== 'COP' || transaction.currency !== checkout.currency) return 'currency';
  if (transaction.amount_in_cents !== Number(checkout.amount_in_cents) || transaction.amount_in_cents !== expectedCents)
    return 'amount';
  return null;
}

/** Reviews hold whole pesos; a gateway amount with cents is kept in the details only. */
const wholePesos = (cents: number): number | null => (cents % 100 === 0 && cents > 0 ? cents / 100 : null);

/** What staff read on a review: the news itself, no personal data (the gateway's customer fields are never kept). */
function newsSummary(transaction: GatewayTransaction, source: GatewayNewsSource): string {
  return `${source === 'webhook' ? 'Evento' : 'Consulta'} de la pasarela: transacción ${transaction.id}, referencia ${transaction.reference}, ${transaction.status}, ${transaction.amount_in_cents} centavos ${transaction.currency}`;
}
