import { v7 as uuidv7 } from 'uuid';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { LedgerAccountKind } from '../../src-shared/domain/ledger-accounts';
import { formatCop } from '../../src-shared/domain/money';
import type { HolderData } from '../../src-shared/wallet/holder-fields';
import {
  paymentChannelLabel,
  walletOwnerRef,
  type LiquidationState,
  type PaymentChannel,
  type PaymentOutcome,
  type ReviewKind,
} from '../../src-shared/wallet/liquidation';
import type { SqlExecutor } from '../db/sql-executor';
import { ledgerAccount } from '../ledger/ledger-accounts';
import { transferWithin } from '../ledger/transfer';

/** Where the money of a payment comes from in the ledger: the channel's clearing account or the cash session. */
export interface PaymentSource {
  readonly kind: Extract<LedgerAccountKind, 'gateway-clearing' | 'bank-clearing' | 'cash-session'>;
  /** '' for the gateway, the bank's code, the cash session's id. */
  readonly ownerRef: string;
}

export interface LiquidationPayment {
  /** The liquidación's id (resolve a number or reference to it first with findLiquidation…). */
  readonly liquidationId: string;
  readonly channel: PaymentChannel;
  /**
   * Names this payment across retries, replays and restarts: `gateway:<transaction id>`,
   * `bank:<record key>`, `counter:<event id>`. The second call with it answers the first.
   */
  readonly sourceKey: string;
  /** Whole pesos received. The caller decides what to do with an amount that differs from the liquidación's. */
  readonly amount: number;
  readonly source: PaymentSource;
  readonly at: Date;
  /** Shown to staff on a review this payment raises: a bank record's raw line, a gateway event's summary. */
  readonly raw?: string;
}

export interface PaymentApplied {
  readonly paymentId: string;
  readonly transferId: string;
  readonly outcome: PaymentOutcome;
  /** True when this source key had been applied before: nothing moved this time. */
  readonly duplicate: boolean;
  readonly liquidationNumber: number;
  readonly walletOwner: string;
}

interface LiquidationRow extends Record<string, unknown> {
  id: string;
  number: string | number;
  doc_type: string;
  doc_number: string;
  client: HolderData;
  amount: string | number;
  state: LiquidationState;
  expires_at: Date | string;
}

/**
 * Credits a liquidación's wallet with one payment, exactly once per `sourceKey`, inside the
 * caller's transaction (`tx`: the caller writes its own records — a bank record, a gateway
 * event — beside it, so both or neither exist). The ledger moves the amount from the channel's
 * account into the wallet; the liquidación becomes `pagada`; a first payment opens the wallet
 * (its holder from the liquidación's client data).
 *
 * The money is never refused here: a liquidación already paid (another channel got there
 * first) is credited as balance and flagged `paid-twice`; one paid after it expired or was
 * annulled is credited and flagged `paid-after-expiry`. Amount checks are the caller's (a
 * bank's amount mismatch is parked before it gets here).
 */
export async function applyLiquidationPayment(
  tx: SqlExecutor,
  payment: LiquidationPayment,
): Promise<Result<PaymentApplied>> {
  if (!Number.isSafeInteger(payment.amount) || payment.amount <= 0)
    return err('validation', `Valor de pago no válido: ${String(payment.amount)}.`);
  const { rows } = await tx.query<LiquidationRow>(
    `SELECT id, number, doc_type, doc_number, client, amount, state, expires_at
     FROM liquidations WHERE id = $1 FOR UPDATE`,
    [payment.liquidationId],
  );
  const liquidation = rows[0];
  if (liquidation === undefined) return err('not-found', 'No existe esa liquidación.');
  const number = Number(liquidation.number);
  const walletOwner = walletOwnerRef(liquidation.doc_type, liquidation.doc_number);

  const before = await tx.query<{ id: string; transfer_id: string; outcome: PaymentOutcome }>(
    'SELECT id, transfer_id, outcome FROM liquidation_payments WHERE source_key = $1',
    [payment.sourceKey],
  );
  const seen = before.rows[0];
  if (seen !== undefined) {
    return ok({
      paymentId: seen.id,
      transferId: seen.transfer_id,
      outcome: seen.outcome,
      duplicate: true,
      liquidationNumber: number,
      walletOwner,
    });
  }

  const outcome = paymentOutcome(liquidation.state, new Date(liquidation.expires_at), payment.at);
  const wallet = await ledgerAccount(tx, 'wallet', walletOwner);
  const from = await ledgerAccount(tx, payment.source.kind, payment.source.ownerRef);
  const moved = await transferWithin(tx, {
    idempotencyKey: payment.sourceKey,
    kind: 'recarga',
    description: `Recarga: ${paymentChannelLabel[payment.channel].toLowerCase()}, liquidación ${number}`,
    legs: [
      { accountId: from.id, amount: -payment.amount },
      { accountId: wallet.id, amount: payment.amount },
    ],
  });
  if (!moved.ok) return moved;

  const paymentId = uuidv7();
  await tx.query(
    `INSERT INTO liquidation_payments (id, liquidation_id, channel, source_key, amount, outcome, transfer_id, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      paymentId,
      liquidation.id,
      payment.channel,
      payment.sourceKey,
      payment.amount,
      outcome,
      moved.value.transferId,
      payment.at.toISOString(),
    ],
  );
  if (outcome !== 'extra') {
    await tx.query(`UPDATE liquidations SET state = 'pagada', paid_at = $2, paid_via = $3 WHERE id = $1`, [
      liquidation.id,
      payment.at.toISOString(),
      payment.channel,
    ]);
  }
  await openWalletHolder(tx, liquidation.client);
  const review: ReviewKind | null =
    outcome === 'extra' ? 'paid-twice' : outcome === 'late' ? 'paid-after-expiry' : null;
  if (review !== null) {
    await recordReview(tx, {
      kind: review,
      channel: payment.channel,
      sourceKey: payment.sourceKey,
      liquidationId: liquidation.id,
      amount: payment.amount,
      raw: payment.raw ?? null,
      details: {
        liquidationNumber: number,
        liquidationState: liquidation.state,
        note:
          review === 'paid-twice'
            ? `La liquidación ${number} ya estaba pagada: ${formatCop(payment.amount)} quedaron como saldo del prepago.`
            : `La liquidación ${number} estaba ${liquidation.state === 'anulada' ? 'anulada' : 'vencida'} cuando se pagó: se abonó al prepago.`,
      },
    });
  }
  return ok({
    paymentId,
    transferId: moved.value.transferId,
    outcome,
    duplicate: false,
    liquidationNumber: number,
    walletOwner,
  });
}

/** What a payment does to a liquidación in `state` that expires at `expiresAt`, arriving at `at`. */
export function paymentOutcome(state: LiquidationState, expiresAt: Date, at: Date): PaymentOutcome {
  if (state === 'pagada') return 'extra';
  // `vencida` is written by the expiry sweep (liquidation-records.ts) once expires_at passed: a
  // payment made by then (an offline counter's, synced later) reached the server late, not the citizen.
  if ((state === 'pendiente' || state === 'vencida') && at.getTime() <= expiresAt.getTime()) return 'paid';
  return 'late';
}

/** The wallet's holder row, written from the first paid liquidación's client data; an existing holder is kept as is. */
async function openWalletHolder(tx: SqlExecutor, client: HolderData): Promise<void> {
  await tx.query(
    `INSERT INTO wallet_holders (id, doc_type, doc_number, person_kind, identity, email, mobile, landline, address, municipality)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (doc_type, doc_number) DO NOTHING`,
    [
      uuidv7(),
      client.docType,
      client.docNumber,
      client.identity.personKind,
      JSON.stringify(client.identity),
      client.contact.email,
      client.contact.mobile,
      client.contact.landline,
      client.contact.address,
      client.contact.municipality,
    ],
  );
}

export interface ReviewRecord {
  readonly kind: ReviewKind;
  readonly channel: PaymentChannel;
  readonly sourceKey: string;
  readonly liquidationId: string | null;
  readonly amount: number | null;
  readonly raw: string | null;
  readonly details: Record<string, unknown>;
}

/** Something for staff to look at, once per kind and source (a replay records nothing new). */
export async function recordReview(tx: SqlExecutor, review: ReviewRecord): Promise<void> {
  await tx.query(
    `INSERT INTO wallet_reviews (id, kind, channel, source_key, liquidation_id, amount, raw, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (kind, source_key) DO NOTHING`,
    [
      uuidv7(),
      review.kind,
      review.channel,
      review.sourceKey,
      review.liquidationId,
      review.amount,
      review.raw,
      JSON.stringify(review.details),
    ],
  );
}
