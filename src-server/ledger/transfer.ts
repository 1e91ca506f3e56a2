import { v7 as uuidv7 } from 'uuid';
import { err, ok, type Result } from '../../src-shared/api/result';
import { formatCop } from '../../src-shared/domain/money';
import { sqlErrorFacts } from '../db/sql-error';
import type { SqlExecutor } from '../db/sql-executor';
import { runInTransaction } from '../db/transaction';

/** Pesos into (positive) or out of (negative) one account. */
export interface TransferLeg {
  readonly accountId: string;
  readonly amount: number;
}

export interface TransferRequest {
  /**
   * Named by whoever asks (a gateway's event id, a bank record, a device's event id): asking
   * again with the same key and legs answers the first transfer and moves nothing.
   */
  readonly idempotencyKey: string;
  /** `recarga`, `compra`, `reembolso`, …: what the movement is. */
  readonly kind: string;
  /** Spanish, for the kardex. */
  readonly description: string;
  readonly legs: readonly TransferLeg[];
}

export interface TransferDone {
  readonly transferId: string;
  /** True when the key had been applied before: nothing moved this time. */
  readonly duplicate: boolean;
}

/** The largest amount one leg may carry: far above any real movement, far below bigint's reach. */
export const maxLegPesos = 1_000_000_000_000;

/**
 * Moves money between ledger accounts in one transaction, once per idempotency key. The legs are
 * checked here for a clear answer (whole pesos, none zero, two or more accounts, summing to zero)
 * and again by the database, which also keeps a wallet from going below zero — answered as
 * `insufficient-funds`, with nothing written. The accounts are locked in id order first, so two
 * transfers touching the same accounts lock them in the same order and never deadlock.
 */
export async function transfer(exec: SqlExecutor, request: TransferRequest): Promise<Result<TransferDone>> {
  const problem = legsProblem(request.legs);
  if (problem !== null) return err('validation', problem);
  try {
    return await runInTransaction(exec, (tx) => transferWithin(tx, request));
  } catch (error) {
    const refusal = transferRefusal(error);
    if (refusal !== null) return refusal;
    throw error;
  }
}

/**
 * The same transfer as part of a caller's transaction (a liquidación's payment writes its own
 * rows beside it). The legs are checked as `transfer` does; a database refusal (a wallet the
 * transfer would overdraw) is thrown and fails the whole transaction — `transferRefusal` names it.
 */
export async function transferWithin(tx: SqlExecutor, request: TransferRequest): Promise<Result<TransferDone>> {
  const problem = legsProblem(request.legs);
  if (problem !== null) return err('validation', problem);
  const legs = [...request.legs].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  const balances = await lockAccounts(
    tx,
    legs.map((l) => l.accountId),
  );
  const { rows } = await tx.query<{ transfer_id: string }>(
    `WITH t AS (
       INSERT INTO ledger_transfers (id, idempotency_key, kind, description) VALUES ($1, $2, $3, $4)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id)
     INSERT INTO ledger_entries (transfer_id, account_id, amount, balance_after)
     SELECT t.id, u.account_id, u.amount, u.balance_after
     FROM t CROSS JOIN unnest($5::uuid[], $6::bigint[], $7::bigint[]) WITH ORDINALITY AS u(account_id, amount, balance_after, ord)
     ORDER BY u.ord
     RETURNING transfer_id`,
    [
      uuidv7(),
      request.idempotencyKey,
      request.kind,
      request.description,
      legs.map((l) => l.accountId),
      legs.map((l) => l.amount),
      legs.map((l) => (balances.get(l.accountId) ?? 0) + l.amount),
    ],
  );
  const transferId = rows[0]?.transfer_id;
  if (transferId === undefined) return sameAsBefore(tx, request.idempotencyKey, legs);
  return ok({ transferId, duplicate: false });
}

/**
 * The accounts locked for this transaction, in id order (every writer locks in this order, so
 * two never deadlock), with their balances: the ledger's rules want each entry to state its
 * account's balance after it (docs/ledger.md).
 */
export async function lockAccounts(tx: SqlExecutor, accountIds: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await tx.query<{ id: string; balance: string | number }>(
    'SELECT id, balance FROM ledger_accounts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
    [accountIds],
  );
  return new Map(rows.map((r) => [r.id, Number(r.balance)]));
}

/** A database error a transfer's rules raised, as the answer the caller gives; null for any other error. */
export function transferRefusal(error: unknown): Result<never> | null {
  const facts = sqlErrorFacts(error);
  if (facts.constraint === 'ledger_accounts_balance_check')
    return err('insufficient-funds', 'El saldo no alcanza para este movimiento.');
  if (facts.constraint === 'ledger_entries_account_id_ledger_accounts_id_fk')
    return err('not-found', 'Una de las cuentas del movimiento no existe.');
  return null;
}

/** A key seen before: the same movement is its answer; other legs under it are refused. */
async function sameAsBefore(
  tx: SqlExecutor,
  idempotencyKey: string,
  legs: readonly TransferLeg[],
): Promise<Result<TransferDone>> {
  const { rows } = await tx.query<{ transfer_id: string; account_id: string; amount: string | number }>(
    `SELECT e.transfer_id, e.account_id, e.amount FROM ledger_transfers t
     JOIN ledger_entries e ON e.transfer_id = t.id WHERE t.idempotency_key = $1 ORDER BY e.account_id`,
    [idempotencyKey],
  );
  const before = rows.map((r) => `${r.account_id}:${Number(r.amount)}`).join(',');
  const now = legs.map((l) => `${l.accountId}:${l.amount}`).join(',');
  const transferId = rows[0]?.transfer_id;
  if (transferId === undefined || before !== now)
    return err('conflict', 'Esa clave de movimiento ya se usó para otro movimiento: no se aplicó nada.');
  return ok({ transferId, duplicate: true });
}

function legsProblem(legs: readonly TransferLeg[]): string | null {
  if (legs.length < 2) return 'Un movimiento necesita al menos dos cuentas.';
  if (new Set(legs.map((l) => l.accountId)).size !== legs.length)
    return 'Una cuenta aparece dos veces en el movimiento.';
  for (const leg of legs) {
    if (!Number.isSafeInteger(leg.amount) || leg.amount === 0 || Math.abs(leg.amount) > maxLegPesos)
      return `Valor fuera de rango en el movimiento: ${String(leg.amount)}.`;
  }
  const total = legs.reduce((sum, leg) => sum + leg.amount, 0);
  if (total !== 0) return `El movimiento no cuadra: sus valores suman ${formatCop(total)}.`;
  return null;
}
