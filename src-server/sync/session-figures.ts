import type { SqlExecutor } from '../db/sql-executor';

/** A cash session's valid payments as the server holds them. */
export interface SessionFigures {
  readonly payments: number;
  /** The sum of their `amount` (what the bills were credited with). */
  readonly amount: number;
}

/** The server's own figures for some cash sessions; a session without payments is absent. */
export async function readSessionFigures(
  tx: SqlExecutor,
  sessionIds: readonly string[],
): Promise<Map<string, SessionFigures>> {
  if (sessionIds.length === 0) return new Map();
  const { rows } = await tx.query<{ cash_session_id: string; payments: string | number; amount: string | number }>(
    `SELECT cash_session_id, count(*) AS payments, coalesce(sum(amount), 0) AS amount FROM payments
     WHERE cash_session_id = ANY($1::uuid[]) AND state = 'valid' GROUP BY cash_session_id`,
    [[...new Set(sessionIds)]],
  );
  return new Map(rows.map((r) => [r.cash_session_id, { payments: Number(r.payments), amount: Number(r.amount) }]));
}
