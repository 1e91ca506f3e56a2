import { randomUUID } from 'node:crypto';
import type { Store } from '../../src-main/store/open-store';
import { commit } from '../../src-main/store/write-path';

/**
 * Money records on a device, for the sync tests: payments written the way the cashier writes
 * them (the payment's outbox event through the one write path, inside a cash session opened
 * the same way) and the outbox as it stands.
 */

/** The demo cashier (db/seed/staff.ts): an active `cajero` on the seeded server. */
export const fixtureCashier = 'cajero1';

/** An unpaid bill in the device's replica (the demo data have plenty). */
export function unpaidBill(
  core: { readonly store: Store },
  skip = 0,
): { billNumber: number; codigoInterno: number; period: string; total: number } {
  const row = core.store.sqlite
    .prepare(
      "SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, period, total FROM bills WHERE state IN ('pendiente', 'vencida') ORDER BY bill_number LIMIT 1 OFFSET ?",
    )
    .get(skip) as { billNumber: number; codigoInterno: number; period: string; total: number } | undefined;
  if (row === undefined) throw new Error('fixture: no unpaid bill in the replica');
  return row;
}

/** Opens a cash session the way the counter does (its `cash_session.opened` event); returns its id. */
export function openSession(core: { readonly store: Store }, cashier = fixtureCashier): string {
  const sessionId = randomUUID();
  commit(core.store, () => ({
    result: null,
    events: [
      {
        type: 'cash_session.opened',
        payload: { sessionId, cashier, openedAt: new Date().toISOString(), openingFloat: 100_000 },
      },
    ],
  }));
  return sessionId;
}

/** The session the fixtures opened last on this device, opened now if there is none. */
function currentSession(store: Store): string {
  const id = store.sqlite
    .prepare(
      `SELECT json_extract(payload, '$.sessionId') FROM outbox WHERE type = 'cash_session.opened' ORDER BY id DESC LIMIT 1`,
    )
    .pluck()
    .get() as string | undefined;
  return id ?? openSession({ store });
}

/**
 * The receipt number `number` of this device's series: the prefix the server issued at
 * enrollment (`CAJA1-…`), as the counter writes it.
 */
export function receiptNumber(store: Store, number: string): string {
  const prefix = store.sqlite.prepare(`SELECT value FROM device_meta WHERE key = 'receiptPrefix'`).pluck().get() as
    string | undefined;
  return `${prefix ?? 'SINSERIE'}-${number}`;
}

/**
 * A cash payment written the way the cashier does: its outbox event in the one write path, in
 * the device's current fixture session (opened first when there is none). `number` is the
 * receipt number within the device's series.
 */
export function takePayment(
  core: { readonly store: Store },
  bill: { billNumber: number; codigoInterno: number; period: string },
  amount: number,
  number: string,
  overrides: Record<string, unknown> = {},
): string {
  const paymentId = randomUUID();
  const cashSessionId = currentSession(core.store);
  const reference = receiptNumber(core.store, number);
  commit(core.store, () => ({
    result: null,
    events: [
      {
        type: 'payment.taken',
        payload: {
          paymentId,
          codigoInterno: bill.codigoInterno,
          billNumber: bill.billNumber,
          period: bill.period,
          amount,
          paidAt: new Date().toISOString(),
          channel: 'caja',
          reference,
          cashSessionId,
          cashier: fixtureCashier,
          ...overrides,
        },
      },
    ],
  }));
  return paymentId;
}

export function outboxStates(core: { readonly store: Store }): Record<string, number> {
  const rows = core.store.sqlite.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as {
    state: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
