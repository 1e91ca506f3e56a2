import { handoverApprovalMessage } from '../../src-shared/sync/approval';
import type { FieldHandover } from '../../src-shared/sync/events';
import { approvalMatches } from '../../src-node/staff-credentials';
import type { SqlExecutor } from '../db/sql-executor';
import { readSessions } from './cash-session-records';
import type { BatchEffects, EventHandler } from './event-handler';
import { EventRejection } from './event-rejection';
import { readSessionFigures, type SessionFigures } from './session-figures';
import { approverRoles, readStaff, staffRefusal } from './staff-directory';

/**
 * The entrega de recaudo (docs/field-mode.md): a field laptop's collection days handed over at
 * the office and counted by a supervisor there. What the server checks from its own records:
 * the supervisor is an active supervisor and signed exactly this count (their approval key);
 * each day is a cash session this laptop opened for this collector, not closed or handed over
 * before, named once; the difference is the count less the days' figures. It closes the days'
 * sessions and keeps the count beside its own payments of those days: `matches_server` says
 * whether they equalled the laptop's to the peso (the laptop checks before it lets a handover
 * start, so a mismatch means a payment changed meanwhile — the office reviews it).
 */
export const fieldHandover: EventHandler<FieldHandover> = {
  async prepare(tx, payloads, ctx): Promise<BatchEffects<FieldHandover>> {
    const sessionIds = payloads.flatMap((p) => p.days.map((d) => d.sessionId));
    const sessions = await readSessions(tx, sessionIds);
    const figures = await readSessionFigures(tx, sessionIds);
    const handedOver = await readHandedOver(tx, sessionIds);
    const recorded = await readRecordedHandovers(
      tx,
      payloads.map((p) => p.handoverId),
    );
    const staff = await readStaff(
      tx,
      payloads.map((p) => p.supervisor),
    );
    const accepted: { handover: FieldHandover; matches: boolean }[] = [];
    return {
      accept(handover) {
        // A handover id names one handover: used again (under a new event id) it is refused here,
        // not left to the primary key, which would fail the batch and read as a server fault.
        if (recorded.has(handover.handoverId))
          throw new EventRejection('Esa entrega ya estaba registrada: su identificador no se usa dos veces.');
        const handedAt = Date.parse(handover.handedAt);
        if (handedAt > ctx.now.getTime() + ctx.rules.paymentFutureMinutes * 60_000)
          throw new EventRejection('La entrega tiene una fecha posterior a la del servidor central.');
        const refusal = staffRefusal(staff, handover.supervisor, approverRoles, 'Quien recibió la entrega');
        if (refusal !== null) throw new EventRejection(refusal);
        if (handover.supervisor === handover.collector)
          throw new EventRejection('Quien recibe la entrega debe ser un supervisor distinto de quien cobró.');
        const key = staff.get(handover.supervisor)?.approvalKey ?? null;
        const message = handoverApprovalMessage({
          deviceId: ctx.device.id,
          handoverId: handover.handoverId,
          supervisor: handover.supervisor,
          collector: handover.collector,
          handedAt: handover.handedAt,
          days: handover.days,
          countedCash: handover.countedCash,
          countedTransfer: handover.countedTransfer,
          difference: handover.difference,
        });
        if (key === null || !approvalMatches(key, message, handover.approval))
          throw new EventRejection(`La entrega firmada por «${handover.supervisor}» no tiene una firma válida.`);
        const named = new Set<string>();
        for (const day of handover.days) {
          if (named.has(day.sessionId)) throw new EventRejection('La entrega nombra dos veces el mismo día.');
          named.add(day.sessionId);
          const session = sessions.get(day.sessionId);
          if (session === undefined || session.deviceId !== ctx.device.id)
            throw new EventRejection(
              'Un día de la entrega no es de este equipo (o el servidor no recibió su apertura).',
            );
          if (session.cashier !== handover.collector)
            throw new EventRejection(`Un día de la entrega no es de «${handover.collector}».`);
          if (session.closedAt !== null || handedOver.has(day.sessionId))
            throw new EventRejection('Un día de la entrega ya estaba cerrado o entregado.');
          if (handedAt < session.openedAt.getTime())
            throw new EventRejection('La entrega tiene una fecha anterior a la apertura de uno de sus días.');
        }
        const expected = handover.days.reduce((sum, d) => sum + d.cash + d.transfer, 0);
        if (handover.countedCash + handover.countedTransfer - expected !== handover.difference)
          throw new EventRejection('La diferencia de la entrega no cuadra con lo contado y lo esperado.');
        for (const id of named) handedOver.add(id);
        recorded.add(handover.handoverId);
        const matches = handover.days.every((d) => sameFigures(figures.get(d.sessionId), d));
        accepted.push({ handover, matches });
      },
      async write(tx: SqlExecutor) {
        for (const { handover, matches } of accepted)
          await writeHandover(tx, ctx.device.id, handover, matches, figures);
      },
    };
  },
};

function sameFigures(server: SessionFigures | undefined, day: { payments: number; amount: number }): boolean {
  return (server?.payments ?? 0) === day.payments && (server?.amount ?? 0) === day.amount;
}

async function readHandedOver(tx: SqlExecutor, sessionIds: readonly string[]): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const { rows } = await tx.query<{ session_id: string }>(
    'SELECT session_id FROM field_handover_days WHERE session_id = ANY($1::uuid[])',
    [[...new Set(sessionIds)]],
  );
  return new Set(rows.map((r) => r.session_id));
}

async function readRecordedHandovers(tx: SqlExecutor, handoverIds: readonly string[]): Promise<Set<string>> {
  if (handoverIds.length === 0) return new Set();
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM field_handovers WHERE id = ANY($1::uuid[])', [
    [...new Set(handoverIds)],
  ]);
  return new Set(rows.map((r) => r.id));
}

async function writeHandover(
  tx: SqlExecutor,
  deviceId: string,
  h: FieldHandover,
  matches: boolean,
  figures: ReadonlyMap<string, SessionFigures>,
): Promise<void> {
  const expectedCash = h.days.reduce((sum, d) => sum + d.cash, 0);
  const expectedTransfer = h.days.reduce((sum, d) => sum + d.transfer, 0);
  await tx.query(
    `INSERT INTO field_handovers (id, device_id, collector, supervisor, handed_at, expected_cash, expected_transfer,
       counted_cash, counted_transfer, difference, matches_server)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      h.handoverId,
      deviceId,
      h.collector,
      h.supervisor,
      h.handedAt,
      expectedCash,
      expectedTransfer,
      h.countedCash,
      h.countedTransfer,
      h.difference,
      matches,
    ],
  );
  await tx.query(
    `INSERT INTO field_handover_days (handover_id, session_id, payments, amount, cash, transfer, server_payments, server_amount)
     SELECT $1, d.session_id, d.payments, d.amount, d.cash, d.transfer, d.server_payments, d.server_amount
     FROM jsonb_to_recordset($2::jsonb) AS d(session_id uuid, payments integer, amount integer, cash integer, transfer integer, server_payments integer, server_amount integer)`,
    [
      h.handoverId,
      JSON.stringify(
        h.days.map((d) => ({
          session_id: d.sessionId,
          payments: d.payments,
          amount: d.amount,
          cash: d.cash,
          transfer: d.transfer,
          server_payments: figures.get(d.sessionId)?.payments ?? 0,
          server_amount: figures.get(d.sessionId)?.amount ?? 0,
        })),
      ),
    ],
  );
  // The days end at the handover; the difference belongs to the handover as a whole.
  await tx.query('UPDATE cash_sessions SET closed_at = $2, approved_by = $3 WHERE id = ANY($1::uuid[])', [
    h.days.map((d) => d.sessionId),
    h.handedAt,
    h.supervisor,
  ]);
}
