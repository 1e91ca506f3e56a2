import type { SqlExecutor } from '../db/sql-executor';

/** One line of an account's kardex: a movement and the balance after it. */
export interface KardexLine {
  readonly entryId: number;
  readonly at: string;
  readonly kind: string;
  readonly description: string;
  /** Pesos in (positive) or out (negative). */
  readonly amount: number;
  readonly balanceAfter: number;
}

/**
 * An account's movements, oldest first, with the running balance the database recorded as each
 * entry was applied (the ledger's own figure, never summed again here). `afterEntryId` pages on.
 */
export async function kardex(
  exec: SqlExecutor,
  accountId: string,
  options: { readonly afterEntryId?: number; readonly limit?: number } = {},
): Promise<KardexLine[]> {
  const { rows } = await exec.query<{
    id: string | number;
    created_at: Date | string;
    kind: string;
    description: string;
    amount: string | number;
    balance_after: string | number;
  }>(
    `SELECT e.id, e.created_at, t.kind, t.description, e.amount, e.balance_after
     FROM ledger_entries e JOIN ledger_transfers t ON t.id = e.transfer_id
     WHERE e.account_id = $1 AND e.id > $2 ORDER BY e.id LIMIT $3`,
    [accountId, options.afterEntryId ?? 0, options.limit ?? 500],
  );
  return rows.map((r) => ({
    entryId: Number(r.id),
    at: new Date(r.created_at).toISOString(),
    kind: r.kind,
    description: r.description,
    amount: Number(r.amount),
    balanceAfter: Number(r.balance_after),
  }));
}

/** The sum of every account's balance: zero whenever the ledger is whole. */
export async function ledgerTotal(exec: SqlExecutor): Promise<number> {
  const { rows } = await exec.query<{ total: string | number }>(
    'SELECT coalesce(sum(balance), 0) AS total FROM ledger_accounts',
  );
  return Number(rows[0]?.total ?? 0);
}
