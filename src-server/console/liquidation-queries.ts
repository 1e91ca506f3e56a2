import type { HolderData } from '../../src-shared/wallet/holder-fields';
import type { LiquidationState } from '../../src-shared/wallet/liquidation';
import type { SqlExecutor } from '../db/sql-executor';

/** One liquidación with everything that reached it: payments, online attempts, bank records. */
export interface LiquidationDetail {
  readonly id: string;
  readonly number: number;
  readonly kind: string;
  readonly docType: string;
  readonly docNumber: string;
  readonly client: HolderData;
  readonly amount: number;
  readonly state: LiquidationState;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly paidAt: Date | null;
  readonly paidVia: string | null;
  readonly annulledAt: Date | null;
  readonly annulledBy: string | null;
  readonly annulledReason: string | null;
  readonly payments: ReadonlyArray<{
    readonly channel: string;
    readonly sourceKey: string;
    readonly amount: number;
    readonly outcome: string;
    readonly receivedAt: Date;
  }>;
  readonly gateway: ReadonlyArray<{ readonly reference: string; readonly status: string; readonly createdAt: Date }>;
  readonly bankRecords: ReadonlyArray<{
    readonly fileName: string;
    readonly lineNumber: number;
    readonly amount: number;
    readonly outcome: string;
  }>;
}

export async function liquidationByNumber(exec: SqlExecutor, number: number): Promise<LiquidationDetail | null> {
  const { rows } = await exec.query<{
    id: string;
    number: string | number;
    kind: string;
    doc_type: string;
    doc_number: string;
    client: HolderData | string;
    amount: string | number;
    state: LiquidationState;
    created_at: Date | string;
    expires_at: Date | string;
    paid_at: Date | string | null;
    paid_via: string | null;
    annulled_at: Date | string | null;
    annulled_by: string | null;
    annulled_reason: string | null;
  }>(
    `SELECT id, number, kind, doc_type, doc_number, client, amount, state, created_at, expires_at, paid_at, paid_via,
            annulled_at, annulled_by, annulled_reason
     FROM liquidations WHERE number = $1`,
    [number],
  );
  const r = rows[0];
  if (r === undefined) return null;
  const payments = await exec.query<{
    channel: string;
    source_key: string;
    amount: string | number;
    outcome: string;
    received_at: Date | string;
  }>(
    'SELECT channel, source_key, amount, outcome, received_at FROM liquidation_payments WHERE liquidation_id = $1 ORDER BY received_at',
    [r.id],
  );
  const gateway = await exec.query<{ reference: string; status: string; created_at: Date | string }>(
    'SELECT reference, status, created_at FROM gateway_transactions WHERE liquidation_id = $1 ORDER BY created_at',
    [r.id],
  );
  const bank = await exec.query<{ file_name: string; line_number: number; amount: string | number; outcome: string }>(
    `SELECT f.file_name, b.line_number, b.amount, b.outcome FROM bank_records b JOIN bank_files f ON f.id = b.file_id
     WHERE b.liquidation_id = $1 ORDER BY f.imported_at, b.line_number`,
    [r.id],
  );
  return {
    id: r.id,
    number: Number(r.number),
    kind: r.kind,
    docType: r.doc_type,
    docNumber: r.doc_number,
    client: typeof r.client === 'string' ? (JSON.parse(r.client) as HolderData) : r.client,
    amount: Number(r.amount),
    state: r.state,
    createdAt: new Date(r.created_at),
    expiresAt: new Date(r.expires_at),
    paidAt: r.paid_at === null ? null : new Date(r.paid_at),
    paidVia: r.paid_via,
    annulledAt: r.annulled_at === null ? null : new Date(r.annulled_at),
    annulledBy: r.annulled_by,
    annulledReason: r.annulled_reason,
    payments: payments.rows.map((p) => ({
      channel: p.channel,
      sourceKey: p.source_key,
      amount: Number(p.amount),
      outcome: p.outcome,
      receivedAt: new Date(p.received_at),
    })),
    gateway: gateway.rows.map((g) => ({ reference: g.reference, status: g.status, createdAt: new Date(g.created_at) })),
    bankRecords: bank.rows.map((b) => ({
      fileName: b.file_name,
      lineNumber: b.line_number,
      amount: Number(b.amount),
      outcome: b.outcome,
    })),
  };
}
