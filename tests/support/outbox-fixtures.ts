import { randomUUID } from 'node:crypto';
import type { Store } from '../../src-main/store/open-store';
import { commit } from '../../src-main/store/write-path';

/**
 * Money records on a device, for the sync tests: payments written the way the cashier writes
 * them (the payment's outbox event through the one write path) and the outbox as it stands.
 */

/** An unpaid bill in the device's replica (the demo data have plenty). */
export function unpaidBill(core: { readonly store: Store }, skip = 0): { billNumber: number; codigoInterno: number; period: string; total: number } {
  const row = core.store.sqlite
    .prepare("SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, period, total FROM bills WHERE state IN ('pendiente', 'vencida') ORDER BY bill_number LIMIT 1 OFFSET ?")
    .get(skip) as { billNumber: number; codigoInterno: number; period: string; total: number } | undefined;
  if (row === undefined) throw new Error('fixture: no unpaid bill in the replica');
  return row;
}

/** A cash payment written the way the cashier will: its outbox event in the one write path. */
export function takePayment(core: { readonly store: Store }, bill: { billNumber: number; codigoInterno: number; period: string }, amount: number, reference: string): string {
  const paymentId = randomUUID();
  commit(core.store, () => ({
    result: null,
    events: [
      {
        type: 'payment.taken',
        payload: { paymentId, codigoInterno: bill.codigoInterno, billNumber: bill.billNumber, period: bill.period, amount, paidAt: new Date().toISOString(), channel: 'caja', reference },
      },
    ],
  }));
  return paymentId;
}

export function outboxStates(core: { readonly store: Store }): Record<string, number> {
  const rows = core.store.sqlite.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as { state: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
