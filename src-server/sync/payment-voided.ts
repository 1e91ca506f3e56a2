import type { PaymentVoided } from '../../src-shared/sync/events';
import type { SqlExecutor } from '../db/sql-executor';
import type { BatchEffects, EventHandler } from './event-handler';
import { EventRejection } from './event-rejection';

interface PaymentRow extends Record<string, unknown> {
  id: string;
  bill_number: string | number;
  paid_at: string;
}

/**
 * A counter payment voided with a supervisor's approval (DESIGN §1.5). The money record goes:
 * the payment row is deleted (devices receive the deletion through the feed), its saldo a
 * favor with it, and a bill it had paid is owed again (`vencida` after its due date). The void
 * itself stays in `payment_voids` with its reason and supervisor, for the office.
 */
export const paymentVoided: EventHandler<PaymentVoided> = {
  async prepare(tx, payloads): Promise<BatchEffects<PaymentVoided>> {
    const ids = payloads.map((p) => p.paymentId);
    const { rows } = await tx.query<PaymentRow>('SELECT id, bill_number, paid_at FROM payments WHERE id = ANY($1::uuid[]) FOR UPDATE', [ids]);
    const payments = new Map(rows.map((row) => [row.id, row]));
    const accepted: PaymentVoided[] = [];
    return {
      accept(voided) {
        if (!payments.has(voided.paymentId)) throw new EventRejection(`El pago ${voided.paymentId} no existe en el servidor central (¿ya se anuló?).`);
        payments.delete(voided.paymentId);
        accepted.push(voided);
      },
      async write(tx: SqlExecutor) {
        for (const voided of accepted) {
          const { rows: gone } = await tx.query<{ bill_number: string | number; paid_at: string }>(
            'DELETE FROM payments WHERE id = $1 RETURNING bill_number, paid_at',
            [voided.paymentId],
          );
          const payment = gone[0];
          if (payment === undefined) continue;
          await tx.query('DELETE FROM subscriber_credits WHERE payment_id = $1', [voided.paymentId]);
          // The bill is owed again if this payment was what paid it (no other payment left covers it).
          await tx.query(
            `UPDATE bills SET state = CASE WHEN due_on < (now() AT TIME ZONE 'America/Bogota')::date THEN 'vencida' ELSE 'pendiente' END, paid_at = NULL
             WHERE bill_number = $1 AND state = 'pagada' AND paid_at = $2::timestamptz
               AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.bill_number = $1 AND p.amount >= bills.total)`,
            [payment.bill_number, payment.paid_at],
          );
          await tx.query('INSERT INTO payment_voids (payment_id, reason, supervisor, voided_at) VALUES ($1, $2, $3, $4)', [
            voided.paymentId,
            voided.reason,
            voided.supervisor,
            voided.voidedAt,
          ]);
        }
      },
    };
  },
};
