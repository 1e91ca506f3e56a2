import { v7 as uuidv7 } from 'uuid';
import { nonNegativeLedgerKinds, type LedgerAccountKind } from '../../src-shared/domain/ledger-accounts';
import type { SqlExecutor } from '../db/sql-executor';

/** An account of the ledger as code refers to it. */
export interface LedgerAccount {
  readonly id: string;
  readonly kind: LedgerAccountKind;
  readonly ownerRef: string;
  readonly balance: number;
}

interface AccountRow extends Record<string, unknown> {
  id: string;
  kind: LedgerAccountKind;
  owner_ref: string;
  balance: string | number;
}

const fromRow = (row: AccountRow): LedgerAccount => ({
  id: row.id,
  kind: row.kind,
  ownerRef: row.owner_ref,
  balance: Number(row.balance),
});

/**
 * The account of `kind` that belongs to `ownerRef` (a wallet's identification, a bank's code, a
 * cash session's id; '' for the entity's single accounts), opened now if it was not there. Two
 * callers opening it at once get the same account (the unique (kind, owner) index decides).
 */
export async function ledgerAccount(exec: SqlExecutor, kind: LedgerAccountKind, ownerRef = ''): Promise<LedgerAccount> {
  await exec.query(
    `INSERT INTO ledger_accounts (id, kind, owner_ref, may_go_negative) VALUES ($1, $2, $3, $4)
     ON CONFLICT (kind, owner_ref) DO NOTHING`,
    [uuidv7(), kind, ownerRef, !nonNegativeLedgerKinds.includes(kind)],
  );
  const found = await findLedgerAccount(exec, kind, ownerRef);
  if (found === null) throw new Error(`ledger account ${kind} could not be opened`);
  return found;
}

/** The account, or null when it was never opened (a wallet before its first recharge). */
export async function findLedgerAccount(
  exec: SqlExecutor,
  kind: LedgerAccountKind,
  ownerRef = '',
): Promise<LedgerAccount | null> {
  const { rows } = await exec.query<AccountRow>(
    'SELECT id, kind, owner_ref, balance FROM ledger_accounts WHERE kind = $1 AND owner_ref = $2',
    [kind, ownerRef],
  );
  return rows[0] === undefined ? null : fromRow(rows[0]);
}
