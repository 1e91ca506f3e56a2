import type { HolderData } from '../../../src-shared/wallet/holder-fields';
import type { PaymentChannel, PaymentOutcome } from '../../../src-shared/wallet/liquidation';
import type { SqlExecutor } from '../../db/sql-executor';

/**
 * What the soporte del pago of one payment says, read from rows that never change once written
 * (the payment, its ledger entry, the liquidación's client snapshot), so they may be read and
 * the PDF drawn outside the transaction that records the mail.
 */
export interface PaymentSupportFacts {
  readonly paymentId: string;
  readonly channel: PaymentChannel;
  readonly outcome: PaymentOutcome;
  readonly amount: number;
  readonly paidAt: Date;
  readonly liquidationNumber: number;
  readonly liquidationAmount: number;
  /** The client data the liquidación was made with: the recibo is issued with them. */
  readonly client: HolderData;
  /** The wallet's ledger entry of this payment: its id numbers the recibo de caja. */
  readonly entryId: number;
  /** The wallet's balance right after this payment (the ledger's figure). */
  readonly balanceAfter: number;
  readonly holder: {
    readonly id: string;
    /** Where the mail goes: the holder's current address, not one typed on a later liquidación. */
    readonly email: string;
    readonly identity: HolderData['identity'];
    readonly hasClave: boolean;
  } | null;
}

/**
 * Payments without their soporte mail yet, in the order they were recorded; `skip` are ids that
 * failed lately. Without locks: the transaction that records a mail locks and checks again.
 *
 * `since` bounds the look to payments recorded from then on: payment ids are UUIDv7, whose
 * leading bits are the moment they were made, so the primary key's index walks only the recent
 * ones instead of every payment ever made on each poll.
 */
export async function unmailedPayments(
  exec: SqlExecutor,
  opts: { readonly limit: number; readonly skip: readonly string[]; readonly since: Date | null },
): Promise<string[]> {
  const { rows } = await exec.query<{ id: string }>(
    `SELECT p.id FROM liquidation_payments p
     WHERE p.id >= $3::uuid
       AND NOT EXISTS (SELECT 1 FROM wallet_support_mails m WHERE m.payment_id = p.id)
       AND NOT (p.id = ANY($2::uuid[]))
     ORDER BY p.id
     LIMIT $1`,
    [opts.limit, opts.skip, uuidv7Floor(opts.since)],
  );
  return rows.map((row) => row.id);
}

/** The smallest UUIDv7 made at `at` (the nil UUID for null): ids compare as bytes, time first. */
export function uuidv7Floor(at: Date | null): string {
  if (at === null) return '00000000-0000-0000-0000-000000000000';
  const hex = Math.max(0, at.getTime()).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

export async function readPaymentSupportFacts(
  exec: SqlExecutor,
  paymentId: string,
): Promise<PaymentSupportFacts | null> {
  const { rows } = await exec.query<{
    channel: PaymentChannel;
    outcome: PaymentOutcome;
    amount: string | number;
    received_at: Date | string;
    number: string | number;
    liquidation_amount: string | number;
    client: HolderData;
    doc_type: string;
    doc_number: string;
    entry_id: string | number;
    balance_after: string | number;
  }>(
    `SELECT p.channel, p.outcome, p.amount, p.received_at, l.number, l.amount AS liquidation_amount, l.client,
            l.doc_type, l.doc_number, e.id AS entry_id, e.balance_after
     FROM liquidation_payments p
     JOIN liquidations l ON l.id = p.liquidation_id
     JOIN ledger_entries e ON e.transfer_id = p.transfer_id
     JOIN ledger_accounts a ON a.id = e.account_id AND a.kind = 'wallet'
     WHERE p.id = $1`,
    [paymentId],
  );
  const row = rows[0];
  if (row === undefined) return null;
  const holders = await exec.query<{
    id: string;
    email: string;
    identity: HolderData['identity'];
    clave_hash: string | null;
  }>('SELECT id, email, identity, clave_hash FROM wallet_holders WHERE doc_type = $1 AND doc_number = $2', [
    row.doc_type,
    row.doc_number,
  ]);
  const holder = holders.rows[0];
  return {
    paymentId,
    channel: row.channel,
    outcome: row.outcome,
    amount: Number(row.amount),
    paidAt: new Date(row.received_at),
    liquidationNumber: Number(row.number),
    liquidationAmount: Number(row.liquidation_amount),
    client: row.client,
    entryId: Number(row.entry_id),
    balanceAfter: Number(row.balance_after),
    holder:
      holder === undefined
        ? null
        : { id: holder.id, email: holder.email, identity: holder.identity, hasClave: holder.clave_hash !== null },
  };
}
