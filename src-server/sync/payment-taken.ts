import { v7 as uuidv7 } from 'uuid';
import type { PaymentTaken } from '../../src-shared/sync/events';
import { formatCop } from '../../src-shared/domain/money';
import type { SqlExecutor } from '../db/sql-executor';
import type { BatchEffects, EventHandler } from './event-handler';
import { EventRejection } from './event-rejection';

interface BillRow extends Record<string, unknown> {
  bill_number: string | number;
  codigo_interno: number;
  state: string;
  total: number;
  period: string;
}

interface Credit {
  readonly id: string;
  readonly codigo_interno: number;
  readonly payment_id: string;
  readonly amount: number;
  readonly reason: string;
}

/**
 * A payment taken at a counter or in the field (DESIGN §2 "Rules"). The payment is always
 * kept: money is never refused once received. What was not owed — a bill already paid (bank
 * and cashier both took it), an annulled bill, or more than the total — becomes saldo a favor
 * on the subscriber, flagged for the office (reviewed_at null). Refused only when its bill does
 * not exist for that código interno, or its payment id was already recorded.
 */
export const paymentTaken: EventHandler<PaymentTaken> = {
  async prepare(tx, payloads): Promise<BatchEffects<PaymentTaken>> {
    const billNumbers = [...new Set(payloads.map((p) => p.billNumber))];
    const { rows } = await tx.query<BillRow>(
      'SELECT bill_number, codigo_interno, state, total, period FROM bills WHERE bill_number = ANY($1::bigint[]) ORDER BY bill_number FOR UPDATE',
      [billNumbers],
    );
    const bills = new Map(rows.map((row) => [Number(row.bill_number), { ...row }]));
    const known = await tx.query<{ id: string }>('SELECT id FROM payments WHERE id = ANY($1::uuid[])', [payloads.map((p) => p.paymentId)]);
    const paymentIds = new Set(known.rows.map((row) => row.id));
    const accepted: PaymentTaken[] = [];
    const paid = new Map<number, string>();
    const credits: Credit[] = [];

    return {
      accept(payment) {
        const bill = bills.get(payment.billNumber);
        if (bill === undefined || bill.codigo_interno !== payment.codigoInterno) {
          throw new EventRejection(`La factura ${payment.billNumber} no existe para el código interno ${payment.codigoInterno}.`);
        }
        if (paymentIds.has(payment.paymentId)) throw new EventRejection(`El pago ${payment.paymentId} ya estaba registrado con otro evento.`);
        paymentIds.add(payment.paymentId);
        accepted.push(payment);
        const owed = bill.state === 'pendiente' || bill.state === 'vencida' ? bill.total : 0;
        if (owed > 0 && payment.amount >= owed) paid.set(payment.billNumber, payment.paidAt);
        const excess = owed === 0 ? payment.amount : payment.amount - owed;
        if (excess > 0) {
          const reason =
            bill.state === 'pagada'
              ? `Factura ${bill.period} ya estaba pagada: ${formatCop(excess)} quedan como saldo a favor.`
              : bill.state === 'anulada'
                ? `Factura ${bill.period} anulada: ${formatCop(excess)} quedan como saldo a favor.`
                : `Pago mayor que la factura ${bill.period}: ${formatCop(excess)} quedan como saldo a favor.`;
          credits.push({ id: uuidv7(), codigo_interno: payment.codigoInterno, payment_id: payment.paymentId, amount: excess, reason });
        }
        // A second payment of the same bill in this batch finds it paid.
        if (owed > 0 && payment.amount >= owed) bill.state = 'pagada';
      },

      async write(tx: SqlExecutor) {
        if (accepted.length > 0) {
          await tx.query(
            `INSERT INTO payments (id, codigo_interno, bill_number, period, amount, paid_at, channel, reference)
             SELECT p.id, p.codigo_interno, p.bill_number, p.period, p.amount, p.paid_at, p.channel, p.reference
             FROM jsonb_to_recordset($1::jsonb) AS p(id uuid, codigo_interno integer, bill_number bigint, period text, amount integer, paid_at timestamptz, channel text, reference text)`,
            [
              JSON.stringify(
                accepted.map((p) => ({
                  id: p.paymentId,
                  codigo_interno: p.codigoInterno,
                  bill_number: p.billNumber,
                  period: p.period,
                  amount: p.amount,
                  paid_at: p.paidAt,
                  channel: p.channel,
                  reference: p.reference,
                })),
              ),
            ],
          );
        }
        if (paid.size > 0) {
          // `= ANY` beside the join: the planner cannot see how few rows jsonb_to_recordset
          // gives and would scan all the bills (a second per push at 200,000 subscribers).
          await tx.query(
            `UPDATE bills SET state = 'pagada', paid_at = p.paid_at
             FROM jsonb_to_recordset($1::jsonb) AS p(bill_number bigint, paid_at timestamptz)
             WHERE bills.bill_number = ANY($2::bigint[]) AND bills.bill_number = p.bill_number`,
            [JSON.stringify([...paid].map(([billNumber, paidAt]) => ({ bill_number: billNumber, paid_at: paidAt }))), [...paid.keys()]],
          );
        }
        if (credits.length > 0) {
          await tx.query(
            `INSERT INTO subscriber_credits (id, codigo_interno, payment_id, amount, reason)
             SELECT c.id, c.codigo_interno, c.payment_id, c.amount, c.reason
             FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, codigo_interno integer, payment_id uuid, amount integer, reason text)`,
            [JSON.stringify(credits)],
          );
        }
      },
    };
  },
};
