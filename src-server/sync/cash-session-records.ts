import type { SqlExecutor } from '../db/sql-executor';

export interface KnownSession {
  readonly deviceId: string;
  readonly cashier: string;
  readonly openedAt: Date;
  readonly closedAt: Date | null;
}

/** The cash sessions a batch names, as the server recorded them from their `opened` events. */
export async function readSessions(tx: SqlExecutor, ids: Iterable<string>): Promise<Map<string, KnownSession>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const { rows } = await tx.query<{
    id: string;
    device_id: string;
    cashier: string;
    opened_at: Date | string;
    closed_at: Date | string | null;
  }>('SELECT id, device_id, cashier, opened_at, closed_at FROM cash_sessions WHERE id = ANY($1::uuid[])', [list]);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        deviceId: row.device_id,
        cashier: row.cashier,
        openedAt: new Date(row.opened_at),
        closedAt: row.closed_at === null ? null : new Date(row.closed_at),
      },
    ]),
  );
}
