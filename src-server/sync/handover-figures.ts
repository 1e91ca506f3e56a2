import type { HandoverFiguresValue } from '../../src-shared/server-api/field-api';
import type { SqlExecutor } from '../db/sql-executor';
import { readSessions } from './cash-session-records';
import { readSessionFigures } from './session-figures';

/**
 * The server's side of the check before an entrega de recaudo: for the calling device's own
 * sessions among `sessionIds`, its payments and the saldo a favor made of them. A session of
 * another device is answered as unknown, with nothing of its figures.
 */
export async function handoverFigures(
  db: SqlExecutor,
  deviceId: string,
  sessionIds: readonly string[],
): Promise<Omit<HandoverFiguresValue, 'serverTime'>> {
  const sessions = await readSessions(db, sessionIds);
  const own = sessionIds.filter((id) => sessions.get(id)?.deviceId === deviceId);
  const figures = await readSessionFigures(db, own);
  const handed =
    own.length === 0
      ? { rows: [] }
      : await db.query<{ session_id: string }>(
          'SELECT session_id FROM field_handover_days WHERE session_id = ANY($1::uuid[])',
          [own],
        );
  const handedOver = new Set(handed.rows.map((r) => r.session_id));
  const credits =
    own.length === 0
      ? []
      : (
          await db.query<{
            payment_id: string;
            reference: string;
            codigo_interno: number;
            period: string;
            amount: number;
            reason: string;
          }>(
            `SELECT c.payment_id, p.reference, c.codigo_interno, p.period, c.amount, c.reason
             FROM subscriber_credits c JOIN payments p ON p.id = c.payment_id
             WHERE p.cash_session_id = ANY($1::uuid[]) AND c.voided_at IS NULL ORDER BY p.paid_at, p.id`,
            [own],
          )
        ).rows;
  return {
    sessions: sessionIds.map((sessionId) => {
      const session = own.includes(sessionId) ? sessions.get(sessionId) : undefined;
      const f = session === undefined ? undefined : figures.get(sessionId);
      return {
        sessionId,
        known: session !== undefined,
        closed: session !== undefined && (session.closedAt !== null || handedOver.has(sessionId)),
        payments: f?.payments ?? 0,
        amount: f?.amount ?? 0,
      };
    }),
    credits: credits.map((c) => ({
      paymentId: c.payment_id,
      reference: c.reference,
      codigoInterno: Number(c.codigo_interno),
      period: c.period,
      amount: Number(c.amount),
      reason: c.reason,
    })),
  };
}
