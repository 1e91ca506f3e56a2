import type { SqlExecutor } from '../db/sql-executor';

/** «Transacciones en línea»: each checkout opened at the gateway, newest first, and its verified events. */
export interface GatewayTransactionView {
  readonly reference: string;
  readonly liquidationNumber: number;
  readonly amountInCents: number;
  readonly currency: string;
  readonly transactionId: string | null;
  readonly status: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface GatewayEventView {
  readonly eventKey: string;
  readonly transactionId: string;
  readonly status: string;
  readonly outcome: string;
  readonly source: string;
  readonly receivedAt: Date;
}

interface TxRow extends Record<string, unknown> {
  reference: string;
  number: string | number;
  amount_in_cents: string | number;
  currency: string;
  transaction_id: string | null;
  status: string;
  created_at: Date | string;
  updated_at: Date | string;
}

const select = `SELECT t.reference, l.number, t.amount_in_cents, t.currency, t.transaction_id, t.status, t.created_at, t.updated_at
  FROM gateway_transactions t JOIN liquidations l ON l.id = t.liquidation_id`;

const fromRow = (r: TxRow): GatewayTransactionView => ({
  reference: r.reference,
  liquidationNumber: Number(r.number),
  amountInCents: Number(r.amount_in_cents),
  currency: r.currency,
  transactionId: r.transaction_id,
  status: r.status,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

export async function listGatewayTransactions(
  exec: SqlExecutor,
  filter: { status?: string; limit: number },
): Promise<GatewayTransactionView[]> {
  const { rows } =
    filter.status === undefined
      ? await exec.query<TxRow>(`${select} ORDER BY t.created_at DESC LIMIT $1`, [filter.limit])
      : await exec.query<TxRow>(`${select} WHERE t.status = $1 ORDER BY t.created_at DESC LIMIT $2`, [
          filter.status,
          filter.limit,
        ]);
  return rows.map(fromRow);
}

export async function gatewayTransaction(
  exec: SqlExecutor,
  reference: string,
): Promise<{ transaction: GatewayTransactionView; events: GatewayEventView[] } | null> {
  const { rows } = await exec.query<TxRow>(`${select} WHERE t.reference = $1`, [reference]);
  const row = rows[0];
  if (row === undefined) return null;
  const events = await exec.query<{
    event_key: string;
    transaction_id: string;
    status: string;
    outcome: string;
    source: string;
    received_at: Date | string;
  }>(
    'SELECT event_key, transaction_id, status, outcome, source, received_at FROM gateway_events WHERE reference = $1 ORDER BY received_at',
    [reference],
  );
  return {
    transaction: fromRow(row),
    events: events.rows.map((e) => ({
      eventKey: e.event_key,
      transactionId: e.transaction_id,
      status: e.status,
      outcome: e.outcome,
      source: e.source,
      receivedAt: new Date(e.received_at),
    })),
  };
}
