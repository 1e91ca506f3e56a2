import type { HolderData } from '../../src-shared/wallet/holder-fields';
import { walletOwnerRef, type LiquidationState } from '../../src-shared/wallet/liquidation';
import type { SqlExecutor } from '../db/sql-executor';
import { kardex, type KardexLine } from '../ledger/kardex';
import { findLedgerAccount } from '../ledger/ledger-accounts';

/** What «Prepagos» shows of one identification: its holder, the ledger's balance and kardex, its liquidaciones. */
export interface WalletView {
  readonly docType: string;
  readonly docNumber: string;
  readonly holder: {
    readonly identity: HolderData['identity'];
    readonly email: string;
    readonly mobile: string;
    readonly landline: string | null;
    readonly address: string;
    readonly municipality: string;
    readonly createdAt: Date;
    readonly claveIssued: boolean;
  } | null;
  /** null: the ledger has no wallet for it (never recharged). */
  readonly balance: number | null;
  readonly kardex: readonly KardexLine[];
  readonly liquidations: readonly LiquidationSummary[];
}

export interface LiquidationSummary {
  readonly number: number;
  readonly docType: string;
  readonly docNumber: string;
  readonly amount: number;
  readonly state: LiquidationState;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly paidVia: string | null;
}

/** The kardex lines shown: the last ones, up to this many. */
export const kardexShown = 500;

export async function walletView(exec: SqlExecutor, docType: string, docNumber: string): Promise<WalletView> {
  const holders = await exec.query<{
    identity: HolderData['identity'];
    email: string;
    mobile: string;
    landline: string | null;
    address: string;
    municipality: string;
    created_at: Date | string;
    clave_hash: string | null;
  }>(
    `SELECT identity, email, mobile, landline, address, municipality, created_at, clave_hash
     FROM wallet_holders WHERE doc_type = $1 AND doc_number = $2`,
    [docType, docNumber],
  );
  const h = holders.rows[0];
  const account = await findLedgerAccount(exec, 'wallet', walletOwnerRef(docType, docNumber));
  const lines = account === null ? [] : await lastKardexLines(exec, account.id);
  const liquidations = await findLiquidations(exec, { docNumber, docType, limit: 50 });
  return {
    docType,
    docNumber,
    holder:
      h === undefined
        ? null
        : {
            identity: typeof h.identity === 'string' ? JSON.parse(h.identity) : h.identity,
            email: h.email,
            mobile: h.mobile,
            landline: h.landline,
            address: h.address,
            municipality: h.municipality,
            createdAt: new Date(h.created_at),
            claveIssued: h.clave_hash !== null,
          },
    balance: account?.balance ?? null,
    kardex: lines,
    liquidations,
  };
}

/** The newest `kardexShown` lines, oldest first (the kardex pages forward from an entry id). */
async function lastKardexLines(exec: SqlExecutor, accountId: string): Promise<KardexLine[]> {
  const { rows } = await exec.query<{ id: string | number }>(
    'SELECT id FROM ledger_entries WHERE account_id = $1 ORDER BY id DESC OFFSET $2 LIMIT 1',
    [accountId, kardexShown],
  );
  const after = rows[0] === undefined ? 0 : Number(rows[0].id);
  return kardex(exec, accountId, { afterEntryId: after, limit: kardexShown });
}

export interface LiquidationFilter {
  readonly state?: LiquidationState;
  readonly number?: number;
  readonly docType?: string;
  readonly docNumber?: string;
  readonly limit: number;
}

export async function findLiquidations(exec: SqlExecutor, filter: LiquidationFilter): Promise<LiquidationSummary[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(clause(params.length));
  };
  if (filter.state !== undefined) add((n) => `state = $${n}`, filter.state);
  if (filter.number !== undefined) add((n) => `number = $${n}`, filter.number);
  if (filter.docType !== undefined) add((n) => `doc_type = $${n}`, filter.docType);
  if (filter.docNumber !== undefined) add((n) => `doc_number = $${n}`, filter.docNumber);
  params.push(filter.limit);
  const { rows } = await exec.query<{
    number: string | number;
    doc_type: string;
    doc_number: string;
    amount: string | number;
    state: LiquidationState;
    created_at: Date | string;
    expires_at: Date | string;
    paid_via: string | null;
  }>(
    `SELECT number, doc_type, doc_number, amount, state, created_at, expires_at, paid_via FROM liquidations
     ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`} ORDER BY number DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    number: Number(r.number),
    docType: r.doc_type,
    docNumber: r.doc_number,
    amount: Number(r.amount),
    state: r.state,
    createdAt: new Date(r.created_at),
    expiresAt: new Date(r.expires_at),
    paidVia: r.paid_via,
  }));
}
