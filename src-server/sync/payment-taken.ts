import { v7 as uuidv7 } from 'uuid';
import { formatCop } from '../../src-shared/domain/money';
import { maxPesos, type PaymentTaken } from '../../src-shared/sync/events';
import { withinRoutes } from '../../src-shared/domain/route-code';
import type { SqlExecutor } from '../db/sql-executor';
import { readDeviceRoutes, readRouteTrail, routesHeldAt } from '../devices/device-routes';
import type { BatchEffects, EventHandler } from './event-handler';
import { EventRejection } from './event-rejection';
import { paymentWords, readCounterMoneyChecks } from './money-event-checks';

interface BillRow extends Record<string, unknown> {
  bill_number: string | number;
  codigo_interno: number;
  state: string;
  total: number;
  period: string;
  codigo_ruta: string;
}

interface Credit {
  readonly id: string;
  readonly codigo_interno: number;
  readonly payment_id: string;
  readonly amount: number;
  readonly reason: string;
}

/**
 * A payment taken at a counter or in the field (docs/trust-model.md). The payment is kept even when
 * nothing was owed — money is never refused once received: what was not owed (a bill already
 * paid at a bank, an annulled bill, more than the total) becomes saldo a favor on the
 * subscriber, flagged for the office (reviewed_at null).
 *
 * What the server checks, from its own records and never from the device's word
 * (docs/trust-model.md): the bill exists for that código interno and, for a field device, lies within
 * its routes (assigned now, or when the payment was taken: device_route_changes); the cash session is one this device opened and has not closed; the cashier is
 * an active cashier or supervisor and the session's own (a supervisor may stand in); the
 * amount fits; the date is near the server's clock; the receipt number carries the prefix the
 * server issued to this device and was never used; the payment id is new. The channel is the
 * one the device's mode implies. A cash rounding the device claims only lowers the saldo a
 * favor a payment can leave (it was money not received), and is less than the payment.
 */
export const paymentTaken: EventHandler<PaymentTaken> = {
  async prepare(tx, payloads, ctx): Promise<BatchEffects<PaymentTaken>> {
    const billNumbers = [...new Set(payloads.map((p) => p.billNumber))];
    const { rows } = await tx.query<BillRow>(
      `SELECT b.bill_number, b.codigo_interno, b.state, b.total, b.period, s.codigo_ruta
       FROM bills b JOIN subscribers s ON s.codigo_interno = b.codigo_interno
       WHERE b.bill_number = ANY($1::bigint[]) ORDER BY b.bill_number FOR UPDATE OF b`,
      [billNumbers],
    );
    const bills = new Map(rows.map((row) => [Number(row.bill_number), { ...row }]));
    const known = await tx.query<{ id: string; state: string }>(
      'SELECT id, state FROM payments WHERE id = ANY($1::uuid[])',
      [payloads.map((p) => p.paymentId)],
    );
    const paymentStates = new Map(known.rows.map((row) => [row.id, row.state]));
    const used = await tx.query<{ reference: string }>(
      'SELECT reference FROM payments WHERE reference = ANY($1::text[]) AND device_id IS NOT NULL',
      [payloads.map((p) => p.reference)],
    );
    const usedReferences = new Set(used.rows.map((row) => row.reference));
    const checks = await readCounterMoneyChecks(tx, ctx, payloads);
    // A field device's routes now and its whole route history (a handful of rows), read once per batch.
    const field = ctx.device.mode === 'field';
    const routes = field ? await readDeviceRoutes(tx, ctx.device.id) : [];
    const trail = field ? await readRouteTrail(tx, ctx.device.id) : [];
    const channel = ctx.device.mode === 'field' ? 'campo' : 'caja';

    const accepted: PaymentTaken[] = [];
    const paid = new Map<number, string>();
    const credits: Credit[] = [];

    return {
      accept(payment) {
        const bill = bills.get(payment.billNumber);
        if (bill === undefined || bill.codigo_interno !== payment.codigoInterno) {
          throw new EventRejection(
            `La factura ${payment.billNumber} no existe para el código interno ${payment.codigoInterno}.`,
          );
        }
        // Within a route assigned now, or one assigned when the payment was taken (a route
        // taken away while the laptop was offline: the money it collected there still counts).
        if (
          field &&
          !withinRoutes(bill.codigo_ruta, routes) &&
          !withinRoutes(bill.codigo_ruta, routesHeldAt(trail, new Date(payment.paidAt)))
        ) {
          throw new EventRejection(
            `El código interno ${payment.codigoInterno} (ruta ${bill.codigo_ruta}) no está en las rutas asignadas a este equipo de campo, ni lo estaba cuando se tomó el pago. Revise la asignación de rutas con un supervisor.`,
          );
        }
        const state = paymentStates.get(payment.paymentId);
        if (state === 'voided')
          throw new EventRejection(`El pago ${payment.paymentId} ya fue anulado; no se registra de nuevo.`);
        if (state !== undefined)
          throw new EventRejection(`El pago ${payment.paymentId} ya estaba registrado con otro evento.`);
        if (!Number.isSafeInteger(payment.amount) || payment.amount <= 0 || payment.amount > maxPesos) {
          throw new EventRejection(`El valor del pago (${payment.amount}) está fuera del rango permitido.`);
        }
        const refusal = checks.refusal({ ...payment, at: payment.paidAt }, paymentWords);
        if (refusal !== null) throw new EventRejection(refusal);
        if (usedReferences.has(payment.reference))
          throw new EventRejection(`El número de recibo ${payment.reference} ya se usó en otro pago.`);

        paymentStates.set(payment.paymentId, 'valid');
        usedReferences.add(payment.reference);
        checks.take(payment.reference);
        accepted.push(payment);
        const owed = bill.state === 'pendiente' || bill.state === 'vencida' ? bill.total : 0;
        // The bill is paid by its amount: the pesos the counter gave up rounding the change are
        // the entity's, never the subscriber's debt.
        if (owed > 0 && payment.amount >= owed) paid.set(payment.billNumber, payment.paidAt);
        // Saldo a favor is money received beyond what was owed; a rounding was never received.
        const excess = payment.amount - payment.cashRounding - owed;
        if (excess > 0)
          credits.push({
            id: uuidv7(),
            codigo_interno: payment.codigoInterno,
            payment_id: payment.paymentId,
            amount: excess,
            reason: creditReason(bill, excess),
          });
        // A second payment of the same bill in this batch finds it paid.
        if (owed > 0 && payment.amount >= owed) bill.state = 'pagada';
      },

      async write(tx: SqlExecutor) {
        if (accepted.length > 0) {
          await tx.query(
            `INSERT INTO payments (id, codigo_interno, bill_number, period, amount, paid_at, channel, reference, device_id, cash_session_id, cashier)
             SELECT p.id, p.codigo_interno, p.bill_number, p.period, p.amount, p.paid_at, $2, p.reference, $3, p.cash_session_id, p.cashier
             FROM jsonb_to_recordset($1::jsonb) AS p(id uuid, codigo_interno integer, bill_number bigint, period text, amount integer, paid_at timestamptz, reference text, cash_session_id uuid, cashier text)`,
            [
              JSON.stringify(
                accepted.map((p) => ({
                  id: p.paymentId,
                  codigo_interno: p.codigoInterno,
                  bill_number: p.billNumber,
                  period: p.period,
                  amount: p.amount,
                  paid_at: p.paidAt,
                  reference: p.reference,
                  cash_session_id: p.cashSessionId,
                  cashier: p.cashier,
                })),
              ),
              channel,
              ctx.device.id,
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
            [
              JSON.stringify([...paid].map(([billNumber, paidAt]) => ({ bill_number: billNumber, paid_at: paidAt }))),
              [...paid.keys()],
            ],
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
        await checks.write(tx);
      },
    };
  },
};

function creditReason(bill: BillRow, excess: number): string {
  if (bill.state === 'pagada')
    return `Factura ${bill.period} ya estaba pagada: ${formatCop(excess)} quedan como saldo a favor.`;
  if (bill.state === 'anulada')
    return `Factura ${bill.period} anulada: ${formatCop(excess)} quedan como saldo a favor.`;
  return `Pago mayor que la factura ${bill.period}: ${formatCop(excess)} quedan como saldo a favor.`;
}
