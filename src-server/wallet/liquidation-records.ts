import type { LiquidationValue } from '../../src-shared/server-api/wallet-api';
import type { HolderData } from '../../src-shared/wallet/holder-fields';
import { holderName } from '../../src-shared/wallet/holder-fields';
import type { LiquidationKind, LiquidationState } from '../../src-shared/wallet/liquidation';
import { nowAndThen } from '../db/now-and-then';
import type { SqlExecutor } from '../db/sql-executor';
import { maskedHolderName } from './holders';
import { payWays } from './pay-ways';
import type { WalletConfig } from './wallet-config';

/** One `liquidations` row as the citizen services use it. */
export interface LiquidationRow {
  readonly id: string;
  readonly number: number;
  readonly kind: LiquidationKind;
  readonly docType: string;
  readonly docNumber: string;
  readonly client: HolderData;
  readonly amount: number;
  readonly state: LiquidationState;
  readonly recoveryCode: string;
  readonly expiresAt: Date;
}

interface RawRow extends Record<string, unknown> {
  id: string;
  number: string | number;
  kind: LiquidationKind;
  doc_type: string;
  doc_number: string;
  client: HolderData;
  amount: string | number;
  state: LiquidationState;
  recovery_code: string;
  expires_at: Date | string;
}

export const liquidationColumns =
  'id, number, kind, doc_type, doc_number, client, amount, state, recovery_code, expires_at';

export const fromRaw = (row: RawRow): LiquidationRow => ({
  id: row.id,
  number: Number(row.number),
  kind: row.kind,
  docType: row.doc_type,
  docNumber: row.doc_number,
  client: row.client,
  amount: Number(row.amount),
  state: row.state,
  recoveryCode: row.recovery_code,
  expiresAt: new Date(row.expires_at),
});

/** Liquidaciones matching `where` (parameters `params`), newest first. */
export async function selectLiquidations(
  exec: SqlExecutor,
  where: string,
  params: unknown[],
  limit = 1,
): Promise<LiquidationRow[]> {
  const { rows } = await exec.query<RawRow>(
    `SELECT ${liquidationColumns} FROM liquidations WHERE ${where} ORDER BY number DESC LIMIT ${String(limit)}`,
    params,
  );
  return rows.map(fromRaw);
}

/**
 * The state a citizen is told: a pending liquidación past its expiry is `vencida` even before
 * the sweep has written it, so a read never shows as payable what the sweep would expire.
 */
export function effectiveState(row: Pick<LiquidationRow, 'state' | 'expiresAt'>, now: Date): LiquidationState {
  return row.state === 'pendiente' && row.expiresAt.getTime() < now.getTime() ? 'vencida' : row.state;
}

export function liquidationValue(row: LiquidationRow, config: WalletConfig, now: Date): LiquidationValue {
  const state = effectiveState(row, now);
  return {
    liquidationId: row.id,
    number: row.number,
    kind: row.kind,
    amount: row.amount,
    state,
    recoveryCode: row.recoveryCode,
    expiresAt: row.expiresAt.toISOString(),
    maskedHolderName: maskedHolderName(row.client.identity),
    payWays: payWays(config, state),
  };
}

/** The client's name as the recibo de caja writes it. */
export const clientName = (row: Pick<LiquidationRow, 'client'>): string => holderName(row.client.identity);

/**
 * Pending liquidaciones past their expiry become `vencida`, now and then (at most every ten
 * minutes per database, run by whichever wallet request comes by, like the sessions' sweep).
 * Reads do not wait for it (effectiveState). A bank may still pay one late: the payment is
 * credited and flagged (apply-payment.ts), whatever this sweep wrote.
 */
const sweepDue = nowAndThen(10 * 60_000);

export async function sweepExpiredLiquidations(exec: SqlExecutor, now: Date): Promise<void> {
  if (!sweepDue(exec, now)) return;
  await expireLiquidations(exec, now);
}

/** The sweep itself, without its throttle: pendiente → vencida for every one past `now`. Returns how many. */
export async function expireLiquidations(exec: SqlExecutor, now: Date): Promise<number> {
  const { rows } = await exec.query<{ id: string }>(
    "UPDATE liquidations SET state = 'vencida' WHERE state = 'pendiente' AND expires_at < $1 RETURNING id",
    [now.toISOString()],
  );
  return rows.length;
}
