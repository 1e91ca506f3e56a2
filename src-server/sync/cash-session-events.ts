import { closeApprovalMessage } from '../../src-shared/sync/approval';
import { maxPesos, type CashSessionClosed, type CashSessionOpened } from '../../src-shared/sync/events';
import { approvalMatches } from '../../src-node/staff-credentials';
import type { SqlExecutor } from '../db/sql-executor';
import type { BatchEffects, EventHandler } from './event-handler';
import { EventRejection } from './event-rejection';
import { readSessions } from './cash-session-records';
import { approverRoles, moneyRoles, readStaff, staffRefusal } from './staff-directory';

/**
 * A cash session opened on a counter or field device. The server records it so the payments
 * that name it can be checked: the session is this device's, and its cashier is real.
 */
export const cashSessionOpened: EventHandler<CashSessionOpened> = {
  async prepare(tx, payloads, ctx): Promise<BatchEffects<CashSessionOpened>> {
    const known = await readSessions(
      tx,
      payloads.map((p) => p.sessionId),
    );
    const staff = await readStaff(
      tx,
      payloads.map((p) => p.cashier),
    );
    const accepted: CashSessionOpened[] = [];
    return {
      accept(opened) {
        if (known.has(opened.sessionId))
          throw new EventRejection(`La sesión de caja ${opened.sessionId} ya estaba registrada.`);
        const refusal = staffRefusal(staff, opened.cashier, moneyRoles, 'El cajero');
        if (refusal !== null) throw new EventRejection(refusal);
        known.set(opened.sessionId, {
          deviceId: ctx.device.id,
          cashier: opened.cashier,
          openedAt: new Date(opened.openedAt),
          closedAt: null,
        });
        accepted.push(opened);
      },
      async write(tx: SqlExecutor) {
        if (accepted.length === 0) return;
        await tx.query(
          `INSERT INTO cash_sessions (id, device_id, cashier, opened_at, opening_float)
           SELECT s.id, $2, s.cashier, s.opened_at, s.opening_float FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, cashier text, opened_at timestamptz, opening_float integer)`,
          [
            JSON.stringify(
              accepted.map((s) => ({
                id: s.sessionId,
                cashier: s.cashier,
                opened_at: s.openedAt,
                opening_float: s.openingFloat,
              })),
            ),
            ctx.device.id,
          ],
        );
      },
    };
  },
};

/**
 * A blind close. Only the device that opened the session closes it, once; a difference a
 * supervisor approved carries that supervisor's signature, checked with the server's copy of
 * their approval key (src-node/staff-credentials.ts).
 */
export const cashSessionClosed: EventHandler<CashSessionClosed> = {
  async prepare(tx, payloads, ctx): Promise<BatchEffects<CashSessionClosed>> {
    const known = await readSessions(
      tx,
      payloads.map((p) => p.sessionId),
    );
    const staff = await readStaff(
      tx,
      payloads.flatMap((p) => (p.approvedBy === null ? [] : [p.approvedBy])),
    );
    const accepted: CashSessionClosed[] = [];
    return {
      accept(closed) {
        const session = known.get(closed.sessionId);
        if (session === undefined || session.deviceId !== ctx.device.id) {
          throw new EventRejection(
            'La sesión de caja que se cierra no es de este dispositivo (o el servidor no recibió su apertura).',
          );
        }
        if (session.closedAt !== null) throw new EventRejection('Esa sesión de caja ya estaba cerrada.');
        if (Math.abs(closed.difference) > maxPesos)
          throw new EventRejection('La diferencia del arqueo está fuera del rango permitido.');
        if (closed.approvedBy !== null) {
          const refusal = staffRefusal(staff, closed.approvedBy, approverRoles, 'Quien aprobó el cierre');
          if (refusal !== null) throw new EventRejection(refusal);
          const key = staff.get(closed.approvedBy)?.approvalKey ?? null;
          const message = closeApprovalMessage({
            deviceId: ctx.device.id,
            sessionId: closed.sessionId,
            supervisor: closed.approvedBy,
            closedAt: closed.closedAt,
            difference: closed.difference,
          });
          if (key === null || closed.approval === null || !approvalMatches(key, message, closed.approval)) {
            throw new EventRejection(`La aprobación del cierre por «${closed.approvedBy}» no tiene una firma válida.`);
          }
        }
        known.set(closed.sessionId, { ...session, closedAt: new Date(closed.closedAt) });
        accepted.push(closed);
      },
      async write(tx: SqlExecutor) {
        for (const closed of accepted) {
          await tx.query('UPDATE cash_sessions SET closed_at = $2, difference = $3, approved_by = $4 WHERE id = $1', [
            closed.sessionId,
            closed.closedAt,
            closed.difference,
            closed.approvedBy,
          ]);
        }
      },
    };
  },
};
