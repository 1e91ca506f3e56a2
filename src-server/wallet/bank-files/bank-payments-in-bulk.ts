import { v7 as uuidv7 } from 'uuid';
import { formatCop } from '../../../src-shared/domain/money';
import {
  paymentChannelLabel,
  walletOwnerRef,
  type LiquidationState,
  type PaymentOutcome,
  type ReviewKind,
} from '../../../src-shared/wallet/liquidation';
import type { SqlExecutor } from '../../db/sql-executor';
import { ledgerAccount } from '../../ledger/ledger-accounts';
import { paymentOutcome } from '../apply-payment';
import type { BankPayment, BankRecordsApplier, ParkedBankRecord } from './bank-records-applier';

/** Rows per statement: big enough that round trips do not matter, small enough to keep parameters modest. */
const chunkSize = 20_000;

/**
 * A bank file's payments written set-based: the same rows applyLiquidationPayment writes for
 * each (a ledger transfer and its two entries, under the ledger's own rules; the
 * liquidation_payments row; the liquidación made `pagada`; the wallet's holder; the paid-twice
 * and paid-after-expiry reviews), in a handful of multi-row statements per chunk instead of a
 * dozen round trips per record. A 100,000-record file would otherwise take minutes.
 *
 * Sequential semantics are kept: payments are taken in file order, so the first payment of a
 * liquidación settles it and a second one in the same file is `extra`, exactly as two calls
 * would. Every account the file moves (the banks' clearing accounts, every wallet) is locked
 * first, in id order — the order every other transfer locks them in, so a running import and a
 * counter's payment cannot deadlock — and each chunk's transfers go in with their entries in one
 * statement, whose rules run once (docs/ledger.md): the bank's clearing row moves once per chunk.
 */
export const bulkApplier: BankRecordsApplier = bulkApplierWith({ rowsPerStatement: chunkSize });

/** The bulk writer with its statements cut at `rowsPerStatement` payments: tests make several of a small file. */
export function bulkApplierWith(options: { rowsPerStatement: number }): BankRecordsApplier {
  return {
    apply: (tx, payments) => applyInBulk(tx, payments, options.rowsPerStatement),
    park: (tx, parked) => insertReviews(tx, parked),
  };
}

async function applyInBulk(tx: SqlExecutor, payments: readonly BankPayment[], rowsPerStatement: number): Promise<void> {
  if (payments.length === 0) return;
  const decided = decideOutcomes(payments);
  const accounts = await openAccounts(tx, payments);
  const transfers = decided.map((d) => ({
    ...d,
    transferId: uuidv7(),
    paymentId: uuidv7(),
    source: accounts.bank(d.payment.bankCode),
    wallet: accounts.wallet(d.payment.liquidation),
  }));
  const moved = [...new Set(transfers.flatMap((t) => [t.source, t.wallet]))].sort();
  await inChunks(moved, (chunk) =>
    tx.query('SELECT id FROM ledger_accounts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [chunk]),
  );

  // Each chunk's transfers and their entries in one statement; each entry's balance_after is its
  // account's balance (as the earlier chunks left it) plus the chunk's entries up to it.
  await inChunks(
    transfers,
    (chunk) =>
      tx.query(
        `WITH t AS (
         INSERT INTO ledger_transfers (id, idempotency_key, kind, description)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]))
       INSERT INTO ledger_entries (transfer_id, account_id, amount, balance_after)
       SELECT u.transfer_id, u.account_id, u.amount,
              a.balance + sum(u.amount) OVER (PARTITION BY u.account_id ORDER BY u.ord)
       FROM unnest($5::uuid[], $6::uuid[], $7::bigint[]) WITH ORDINALITY AS u(transfer_id, account_id, amount, ord)
       JOIN ledger_accounts a ON a.id = u.account_id
       ORDER BY u.ord`,
        [
          chunk.map((t) => t.transferId),
          chunk.map((t) => t.payment.sourceKey),
          chunk.map(() => 'recarga'),
          chunk.map((t) => `Recarga: ${bankLabel}, liquidación ${t.payment.liquidation.number}`),
          chunk.flatMap((t) => [t.transferId, t.transferId]),
          chunk.flatMap((t) => [t.source, t.wallet]),
          chunk.flatMap((t) => [-t.payment.amount, t.payment.amount]),
        ],
      ),
    rowsPerStatement,
  );

  await inChunks(transfers, (chunk) =>
    tx.query(
      `INSERT INTO liquidation_payments (id, liquidation_id, channel, source_key, amount, outcome, transfer_id, received_at)
         SELECT id, liquidation_id, 'bank', source_key, amount, outcome, transfer_id, received_at
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::uuid[], $7::timestamptz[])
           AS u(id, liquidation_id, source_key, amount, outcome, transfer_id, received_at)`,
      [
        chunk.map((t) => t.paymentId),
        chunk.map((t) => t.payment.liquidation.id),
        chunk.map((t) => t.payment.sourceKey),
        chunk.map((t) => t.payment.amount),
        chunk.map((t) => t.outcome),
        chunk.map((t) => t.transferId),
        chunk.map((t) => t.payment.at.toISOString()),
      ],
    ),
  );

  const settled = transfers.filter((t) => t.outcome !== 'extra');
  await inChunks(settled, (chunk) =>
    tx.query(
      `UPDATE liquidations l SET state = 'pagada', paid_at = u.at, paid_via = 'bank'
         FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, at) WHERE l.id = u.id`,
      [chunk.map((t) => t.payment.liquidation.id), chunk.map((t) => t.payment.at.toISOString())],
    ),
  );

  await openHolders(tx, payments);

  const reviews = transfers.flatMap((t): ReviewRow[] => {
    const kind: ReviewKind | null =
      t.outcome === 'extra' ? 'paid-twice' : t.outcome === 'late' ? 'paid-after-expiry' : null;
    if (kind === null) return [];
    const { number } = t.payment.liquidation;
    return [
      {
        kind,
        sourceKey: t.payment.sourceKey,
        liquidationId: t.payment.liquidation.id,
        amount: t.payment.amount,
        raw: t.payment.raw,
        details: {
          liquidationNumber: number,
          liquidationState: t.stateBefore,
          note:
            kind === 'paid-twice'
              ? `La liquidación ${number} ya estaba pagada: ${formatCop(t.payment.amount)} quedaron como saldo del prepago.`
              : `La liquidación ${number} estaba ${t.stateBefore === 'anulada' ? 'anulada' : 'vencida'} cuando se pagó: se abonó al prepago.`,
        },
      },
    ];
  });
  await insertReviews(tx, reviews);
}

const bankLabel = paymentChannelLabel.bank.toLowerCase();

interface Decided {
  readonly payment: BankPayment;
  readonly outcome: PaymentOutcome;
  readonly stateBefore: LiquidationState;
}

/** What each payment does, in file order: a liquidación's first payment moves it to `pagada`. */
function decideOutcomes(payments: readonly BankPayment[]): Decided[] {
  const states = new Map<string, LiquidationState>();
  return payments.map((payment) => {
    const { liquidation } = payment;
    const stateBefore = states.get(liquidation.id) ?? liquidation.state;
    const outcome = paymentOutcome(stateBefore, liquidation.expiresAt, payment.at);
    if (outcome !== 'extra') states.set(liquidation.id, 'pagada');
    else states.set(liquidation.id, stateBefore);
    return { payment, outcome, stateBefore };
  });
}

/** The banks' clearing accounts and every wallet the payments credit, opened when missing. */
async function openAccounts(tx: SqlExecutor, payments: readonly BankPayment[]) {
  const banks = new Map<string, string>();
  for (const code of new Set(payments.map((p) => p.bankCode)))
    banks.set(code, (await ledgerAccount(tx, 'bank-clearing', code)).id);
  const owners = [...new Set(payments.map((p) => walletOwnerRef(p.liquidation.docType, p.liquidation.docNumber)))];
  const wallets = new Map<string, string>();
  await inChunks(owners, async (chunk) => {
    await tx.query(
      `INSERT INTO ledger_accounts (id, kind, owner_ref, may_go_negative)
       SELECT id, 'wallet', owner_ref, false FROM unnest($1::uuid[], $2::text[]) AS u(id, owner_ref)
       ON CONFLICT (kind, owner_ref) DO NOTHING`,
      [chunk.map(() => uuidv7()), chunk],
    );
    const { rows } = await tx.query<{ id: string; owner_ref: string }>(
      `SELECT id, owner_ref FROM ledger_accounts WHERE kind = 'wallet' AND owner_ref = ANY($1::text[])`,
      [chunk],
    );
    for (const row of rows) wallets.set(row.owner_ref, row.id);
  });
  const found = (map: Map<string, string>, key: string): string => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`ledger account for ${key} was not opened`);
    return id;
  };
  return {
    bank: (code: string) => found(banks, code),
    wallet: (l: BankPayment['liquidation']) => found(wallets, walletOwnerRef(l.docType, l.docNumber)),
  };
}

/**
 * Each wallet's holder from the client data of its first paid liquidación in file order (an
 * existing holder is kept), as applyLiquidationPayment's openWalletHolder does one by one.
 */
async function openHolders(tx: SqlExecutor, payments: readonly BankPayment[]): Promise<void> {
  const firsts = [...new Set(payments.map((p) => p.liquidation.id))];
  await inChunks(firsts, (chunk) =>
    tx.query(
      `INSERT INTO wallet_holders (id, doc_type, doc_number, person_kind, identity, email, mobile, landline, address, municipality)
       SELECT DISTINCT ON (l.client->>'docType', l.client->>'docNumber')
         u.id, l.client->>'docType', l.client->>'docNumber', l.client->'identity'->>'personKind', l.client->'identity',
         l.client->'contact'->>'email', l.client->'contact'->>'mobile', l.client->'contact'->>'landline',
         l.client->'contact'->>'address', l.client->'contact'->>'municipality'
       FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS u(id, liquidation_id, ord)
       JOIN liquidations l ON l.id = u.liquidation_id
       ORDER BY l.client->>'docType', l.client->>'docNumber', u.ord
       ON CONFLICT (doc_type, doc_number) DO NOTHING`,
      [chunk.map(() => uuidv7()), chunk],
    ),
  );
}

interface ReviewRow extends Omit<ParkedBankRecord, 'kind'> {
  readonly kind: ReviewKind;
}

/** Reviews for staff, once per kind and source key, as recordReview writes them. */
async function insertReviews(tx: SqlExecutor, reviews: readonly ReviewRow[]): Promise<void> {
  await inChunks(reviews, (chunk) =>
    tx.query(
      `INSERT INTO wallet_reviews (id, kind, channel, source_key, liquidation_id, amount, raw, details)
       SELECT id, kind, 'bank', source_key, liquidation_id, amount, raw, details::jsonb
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::bigint[], $6::text[], $7::text[])
         AS u(id, kind, source_key, liquidation_id, amount, raw, details)
       ON CONFLICT (kind, source_key) DO NOTHING`,
      [
        chunk.map(() => uuidv7()),
        chunk.map((r) => r.kind),
        chunk.map((r) => r.sourceKey),
        chunk.map((r) => r.liquidationId),
        chunk.map((r) => r.amount),
        chunk.map((r) => r.raw),
        chunk.map((r) => JSON.stringify(r.details)),
      ],
    ),
  );
}

export async function inChunks<T>(
  rows: readonly T[],
  fn: (chunk: readonly T[]) => Promise<unknown>,
  size: number = chunkSize,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}
