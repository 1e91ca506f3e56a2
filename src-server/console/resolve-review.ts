import { err, ok, type Result } from '../../src-shared/api/result';
import type { PaymentChannel, ReviewKind } from '../../src-shared/wallet/liquidation';
import type { SqlExecutor } from '../db/sql-executor';
import { runInTransaction } from '../db/transaction';
import { applyLiquidationPayment, type PaymentSource } from '../wallet/apply-payment';

/**
 * How staff close a review (wallet_reviews). The row itself is the audit trail: who, when, what
 * and why go into its resolution columns, in the same transaction as any money it moves.
 *
 * - `applied` («Aplicar a la liquidación N»): money that arrived but was parked (an unknown
 *   reference, an amount that differed, a gateway transaction that did not match) is credited
 *   through applyLiquidationPayment with the review's own channel and source key — the same key
 *   the import or webhook would have used — so it can be credited once, ever.
 * - `returned` («Devuelto al cliente»): the entity gave the parked money back outside the
 *   system; no ledger move.
 * - `acknowledged` («Revisado»): a payment already credited (paid twice, paid late) was looked at.
 */
export const resolutions = ['applied', 'returned', 'acknowledged'] as const;
export type Resolution = (typeof resolutions)[number];

/**
 * The resolutions a review admits: parked money is applied or returned; money already credited
 * (paid twice, paid late, a card payment the gateway voided after we credited it) is only
 * acknowledged. Money the gateway approved in another currency is never applied as pesos. A
 * review whose details say `credited: true` (a counter's recharge of another amount) is money
 * already in the wallet.
 */
export function allowedResolutions(review: {
  readonly kind: ReviewKind;
  readonly details: Record<string, unknown>;
}): readonly Resolution[] {
  // A counter's recharge of another amount was credited as received (the money is in the wallet).
  if (review.details.credited === true) return ['acknowledged'];
  switch (review.kind) {
    case 'unknown-reference':
    case 'amount-mismatch':
      return ['applied', 'returned'];
    case 'gateway-mismatch':
      if (review.details.reason === 'voided-after-approval') return ['acknowledged'];
      if (review.details.currency !== undefined && review.details.currency !== 'COP')
        return ['returned', 'acknowledged'];
      return ['applied', 'returned', 'acknowledged'];
    case 'paid-twice':
    case 'paid-after-expiry':
      return ['acknowledged'];
  }
}

export interface ResolveInput {
  readonly reviewId: string;
  readonly resolution: Resolution;
  /** Required for `applied`: the «Liquidación Nro.» to credit. */
  readonly liquidationNumber: number | null;
  readonly note: string;
  readonly username: string;
  readonly now: Date;
}

export interface Resolved {
  readonly kind: ReviewKind;
  readonly resolution: Resolution;
  readonly liquidationNumber: number | null;
  readonly amount: number | null;
  /** True when the money had been applied under this source key before: nothing moved now. */
  readonly duplicate: boolean;
}

interface LockedReview extends Record<string, unknown> {
  id: string;
  kind: ReviewKind;
  channel: PaymentChannel;
  source_key: string;
  amount: string | number | null;
  raw: string | null;
  details: Record<string, unknown> | string;
  created_at: Date | string;
  resolved_at: Date | string | null;
  resolved_by: string | null;
}

export async function resolveReview(exec: SqlExecutor, input: ResolveInput): Promise<Result<Resolved>> {
  const note = input.note.trim();
  if (note.length < 3) return err('validation', 'Escriba una nota que explique la decisión.', 'nota');
  if (note.length > 1000) return err('validation', 'La nota puede tener hasta 1.000 caracteres.', 'nota');
  return runInTransaction(exec, async (tx) => {
    // The row lock makes two staff members resolving the same review at once take turns; the
    // second then finds it resolved.
    const { rows } = await tx.query<LockedReview>(
      `SELECT id, kind, channel, source_key, amount, raw, details, created_at, resolved_at, resolved_by
       FROM wallet_reviews WHERE id = $1 FOR UPDATE`,
      [input.reviewId],
    );
    const review = rows[0];
    if (review === undefined) return err('not-found', 'No existe esa revisión.');
    if (review.resolved_at !== null)
      return err(
        'conflict',
        `Esta revisión ya fue resuelta por ${review.resolved_by ?? 'otra persona'}; no se hizo nada más.`,
      );
    const details = detailsOf(review);
    if (!allowedResolutions({ kind: review.kind, details }).includes(input.resolution))
      return err('validation', 'Esa decisión no corresponde a este tipo de revisión.');

    let transferId: string | null = null;
    let liquidationNumber: number | null = null;
    let duplicate = false;
    const amount = review.amount === null ? null : Number(review.amount);
    if (input.resolution === 'applied') {
      if (input.liquidationNumber === null)
        return err('validation', 'Escriba el número de la liquidación.', 'liquidacion');
      if (amount === null || amount <= 0)
        return err('validation', 'Esta revisión no tiene un valor recibido que aplicar.');
      const found = await tx.query<{ id: string }>('SELECT id FROM liquidations WHERE number = $1', [
        input.liquidationNumber,
      ]);
      const liquidation = found.rows[0];
      if (liquidation === undefined)
        return err('not-found', `No existe la liquidación ${input.liquidationNumber}.`, 'liquidacion');
      const source = await paymentSource(tx, review, details);
      if (source === null)
        return err(
          'validation',
          'No se sabe de qué banco o caja vino este dinero; no se puede aplicar desde la consola.',
        );
      const applied = await applyLiquidationPayment(tx, {
        liquidationId: liquidation.id,
        channel: review.channel,
        sourceKey: review.source_key,
        amount,
        source,
        // When the money reached the entity (the bank's collection day, else when it was parked),
        // not when staff decided: a liquidación that expired meanwhile was not paid late.
        at: paidAt(review, details),
        ...(review.raw === null ? {} : { raw: review.raw }),
      });
      if (!applied.ok) return applied;
      transferId = applied.value.transferId;
      liquidationNumber = applied.value.liquidationNumber;
      duplicate = applied.value.duplicate;
    }
    await tx.query(
      `UPDATE wallet_reviews SET resolved_at = $2, resolved_by = $3, resolution = $4, resolution_note = $5,
         resolution_transfer_id = $6
       WHERE id = $1 AND resolved_at IS NULL`,
      [review.id, input.now.toISOString(), input.username, input.resolution, note, transferId],
    );
    return ok({ kind: review.kind, resolution: input.resolution, liquidationNumber, amount, duplicate });
  });
}

/**
 * The ledger account the parked money sits against: the bank's clearing account (its code from
 * the review's details or the imported file the record came in), the gateway's, or the cash
 * session the details name.
 */
async function paymentSource(
  tx: SqlExecutor,
  review: LockedReview,
  details: Record<string, unknown>,
): Promise<PaymentSource | null> {
  switch (review.channel) {
    case 'gateway':
      return { kind: 'gateway-clearing', ownerRef: '' };
    case 'bank': {
      if (typeof details.bankCode === 'string' && details.bankCode !== '')
        return { kind: 'bank-clearing', ownerRef: details.bankCode };
      if (!review.source_key.startsWith('bank:')) return null;
      const { rows } = await tx.query<{ bank_code: string }>(
        `SELECT f.bank_code FROM bank_records b JOIN bank_files f ON f.id = b.file_id WHERE b.record_key = $1`,
        [review.source_key.slice('bank:'.length)],
      );
      return rows[0] === undefined ? null : { kind: 'bank-clearing', ownerRef: rows[0].bank_code };
    }
    case 'counter':
      return typeof details.cashSessionId === 'string'
        ? { kind: 'cash-session', ownerRef: details.cashSessionId }
        : null;
  }
}

const detailsOf = (review: LockedReview): Record<string, unknown> =>
  typeof review.details === 'string' ? (JSON.parse(review.details) as Record<string, unknown>) : review.details;

/** The bank's collection day (its start in Bogotá, as the import dates a record), else when the review was made. */
function paidAt(review: LockedReview, details: Record<string, unknown>): Date {
  const day = details.collectedOn;
  if (review.channel === 'bank' && typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day))
    return new Date(`${day}T00:00:00-05:00`);
  return new Date(review.created_at);
}
