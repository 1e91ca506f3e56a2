import { voidApprovalMessage } from '../../src-shared/sync/approval';
import type { PaymentVoided } from '../../src-shared/sync/events';
import { approvalMatches } from '../../src-node/staff-credentials';
import type { SqlExecutor } from '../db/sql-executor';
import type { BatchEffects, EventHandler, PushContext } from './event-handler';
import { EventRejection } from './event-rejection';
import { approverRoles, moneyRoles, readStaff, staffRefusal } from './staff-directory';

interface PaymentRow extends Record<string, unknown> {
  id: string;
  state: string;
  channel: string;
  device_id: string | null;
  office: string | null;
  /** Who took it (the field collector, for a `campo` payment). */
  cashier: string | null;
  /** Its cash session was closed or, for a field day, handed over at the office. */
  session_closed: boolean;
}

/**
 * A counter or field payment voided with a supervisor's approval (docs/trust-model.md). The payment
 * stays, with state `voided` (devices receive the change through the feed); its saldo a favor
 * is marked voided; a bill it had paid is owed again (`vencida` after its due date) unless
 * another valid payment covers it; `payment_voids` keeps who, why, when and the signature.
 *
 * Refused, with the reason, when: the payment does not exist or is already voided; it was not
 * taken by a device (bank, gateway); it was taken in another office (or, with voidScope
 * `device`, on another device); the supervisor is not an active supervisor; the signature does
 * not match what the supervisor's password yields for this very void on this very device.
 *
 * A field laptop voids with a supervisor present (src-main/field/field-voids.ts) under
 * narrower rules, whatever the voidScope: only a payment it took itself, in a day neither
 * closed nor handed over (once the office counted the day, only a counter voids), and never
 * approved by the collector who took it. Counters' voids are judged as before.
 */
export const paymentVoided: EventHandler<PaymentVoided> = {
  async prepare(tx, payloads, ctx): Promise<BatchEffects<PaymentVoided>> {
    const { rows } = await tx.query<PaymentRow>(
      `SELECT p.id, p.state, p.channel, p.device_id, d.office, p.cashier,
         (cs.closed_at IS NOT NULL OR EXISTS (SELECT 1 FROM field_handover_days h WHERE h.session_id = p.cash_session_id)) AS session_closed
       FROM payments p LEFT JOIN devices d ON d.id = p.device_id LEFT JOIN cash_sessions cs ON cs.id = p.cash_session_id
       WHERE p.id = ANY($1::uuid[]) FOR UPDATE OF p`,
      [payloads.map((p) => p.paymentId)],
    );
    const payments = new Map(rows.map((row) => [row.id, { ...row }]));
    const staff = await readStaff(
      tx,
      payloads.flatMap((p) => [p.supervisor, p.cashier]),
    );
    const accepted: PaymentVoided[] = [];
    return {
      accept(voided) {
        const payment = payments.get(voided.paymentId);
        if (payment === undefined)
          throw new EventRejection(`El pago ${voided.paymentId} no existe en el servidor central.`);
        if (payment.state === 'voided') throw new EventRejection(`El pago ${voided.paymentId} ya estaba anulado.`);
        if (payment.device_id === null || (payment.channel !== 'caja' && payment.channel !== 'campo')) {
          throw new EventRejection(
            'Ese pago no se recibió en una caja ni en campo (banco, en línea): no se anula desde un dispositivo.',
          );
        }
        const owner = ctx.device.mode === 'field' ? fieldRefusal(payment, voided, ctx) : ownershipRefusal(payment, ctx);
        if (owner !== null) throw new EventRejection(owner);
        const cashier = staffRefusal(staff, voided.cashier, moneyRoles, 'El cajero');
        if (cashier !== null) throw new EventRejection(cashier);
        const supervisor = staffRefusal(staff, voided.supervisor, approverRoles, 'Quien aprobó la anulación');
        if (supervisor !== null) throw new EventRejection(supervisor);
        const key = staff.get(voided.supervisor)?.approvalKey ?? null;
        const message = voidApprovalMessage({
          deviceId: ctx.device.id,
          paymentId: voided.paymentId,
          supervisor: voided.supervisor,
          voidedAt: voided.voidedAt,
          reason: voided.reason,
        });
        if (key === null || !approvalMatches(key, message, voided.approval)) {
          throw new EventRejection(
            `La aprobación de «${voided.supervisor}» no tiene una firma válida: la anulación no se registra.`,
          );
        }
        payment.state = 'voided';
        accepted.push(voided);
      },
      async write(tx: SqlExecutor) {
        for (const voided of accepted) {
          const { rows: changed } = await tx.query<{ bill_number: string | number }>(
            `UPDATE payments SET state = 'voided', voided_at = $2 WHERE id = $1 AND state = 'valid' RETURNING bill_number`,
            [voided.paymentId, voided.voidedAt],
          );
          const payment = changed[0];
          if (payment === undefined) continue;
          await tx.query('UPDATE subscriber_credits SET voided_at = $2 WHERE payment_id = $1 AND voided_at IS NULL', [
            voided.paymentId,
            voided.voidedAt,
          ]);
          // The bill is owed again unless another valid payment still covers it.
          await tx.query(
            `UPDATE bills SET state = CASE WHEN due_on < (now() AT TIME ZONE 'America/Bogota')::date THEN 'vencida' ELSE 'pendiente' END, paid_at = NULL
             WHERE bill_number = $1 AND state = 'pagada'
               AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.bill_number = $1 AND p.state = 'valid' AND p.amount >= bills.total)`,
            [payment.bill_number],
          );
          await tx.query(
            'INSERT INTO payment_voids (payment_id, reason, supervisor, voided_at, device_id, cashier, approval) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [
              voided.paymentId,
              voided.reason,
              voided.supervisor,
              voided.voidedAt,
              ctx.device.id,
              voided.cashier,
              voided.approval,
            ],
          );
        }
      },
    };
  },
};

function ownershipRefusal(payment: PaymentRow, ctx: PushContext): string | null {
  if (payment.device_id === ctx.device.id) return null;
  const sameOffice =
    ctx.rules.voidScope === 'office' && ctx.device.office !== null && payment.office === ctx.device.office;
  if (sameOffice) return null;
  return ctx.rules.voidScope === 'office'
    ? 'Ese pago se recibió en otra sede: solo una caja de esa sede puede anularlo.'
    : 'Ese pago se recibió en otro equipo: solo el equipo que lo recibió puede anularlo.';
}

/** A field laptop's void: its own payment, of a day still open to it, approved by someone other than its collector. */
function fieldRefusal(payment: PaymentRow, voided: PaymentVoided, ctx: PushContext): string | null {
  if (payment.device_id !== ctx.device.id)
    return 'Ese pago se recibió en otro equipo: un portátil de campo solo anula los pagos que él mismo cobró.';
  if (payment.session_closed)
    return 'Ese pago es de un día de recaudo ya cerrado o entregado en la oficina: solo una caja puede anularlo.';
  if (payment.cashier !== null && payment.cashier === voided.supervisor)
    return `«${voided.supervisor}» cobró ese pago: otro supervisor debe aprobar su anulación.`;
  return null;
}
