import { v7 as uuidv7 } from 'uuid';
import type { PaymentTaken } from '../../src-shared/sync/events';
import { formatCop } from '../../src-shared/domain/money';
import type { SqlExecutor } from '../db/sql-executor';
import { EventRejection } from './event-rejection';

interface BillRow extends Record<string, unknown> {
  state: string;
  total: number;
  period: string;
}

/**
 * A payment taken at a counter or in the field (DESIGN §2 "Rules"). The payment is always
 * kept: money is never refused once received. What was not owed — a bill already paid (bank
 * and cashier both took it), an annulled bill, or more than the total — becomes saldo a favor
 * on the subscriber, flagged for the office (reviewed_at null).
 */
export async function applyPaymentTaken(tx: SqlExecutor, payment: PaymentTaken): Promise<void> {
  const { rows } = await tx.query<BillRow>(
    'SELECT state, total, period FROM bills WHERE bill_number = $1 AND codigo_interno = $2 FOR UPDATE',
    [payment.billNumber, payment.codigoInterno],
  );
  const bill = rows[0];
  if (bill === undefined) {
    throw new EventRejection(`La factura ${payment.billNumber} no existe para el código interno ${payment.codigoInterno}.`);
  }
  const inserted = await tx.query(
    `INSERT INTO payments (id, codigo_interno, bill_number, period, amount, paid_at, channel, reference)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [payment.paymentId, payment.codigoInterno, payment.billNumber, payment.period, payment.amount, payment.paidAt, payment.channel, payment.reference],
  );
  if (inserted.rows.length === 0) throw new EventRejection(`El pago ${payment.paymentId} ya estaba registrado con otro evento.`);

  const owed = bill.state === 'pendiente' || bill.state === 'vencida' ? bill.total : 0;
  if (owed > 0 && payment.amount >= owed) {
    await tx.query("UPDATE bills SET state = 'pagada', paid_at = $2 WHERE bill_number = $1", [payment.billNumber, payment.paidAt]);
  }
  const excess = owed === 0 ? payment.amount : payment.amount - owed;
  if (excess > 0) {
    const reason =
      bill.state === 'pagada'
        ? `Factura ${bill.period} ya estaba pagada: ${formatCop(excess)} quedan como saldo a favor.`
        : bill.state === 'anulada'
          ? `Factura ${bill.period} anulada: ${formatCop(excess)} quedan como saldo a favor.`
          : `Pago mayor que la factura ${bill.period}: ${formatCop(excess)} quedan como saldo a favor.`;
    await tx.query(
      'INSERT INTO subscriber_credits (id, codigo_interno, payment_id, amount, reason) VALUES ($1, $2, $3, $4, $5)',
      [uuidv7(), payment.codigoInterno, payment.paymentId, excess, reason],
    );
  }
}
