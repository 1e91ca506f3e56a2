import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { PushResult } from '../../../src-shared/server-api/sync-api';
import { handoverApprovalMessage, voidApprovalMessage } from '../../../src-shared/sync/approval';
import { describeEachServerDatabase } from '../../support/postgres';
import { enrollPushingDevice, type PushingDevice } from '../../support/pushing-device';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { approvalKeyOf, signApproval } from '../../support/staff-approval';
import { seedServer } from '../../support/sync-support';

/**
 * A field laptop's void with a supervisor present (issue 16, item 4; src-main/field/field-voids.ts)
 * as whoever holds the laptop's token pushes it, straight to `/v1/sync/push`: the supervisor's
 * signed void of a payment the laptop took itself, in a day still open to it, is applied; one
 * of another laptop's payment (even of the same office), of a day handed over at the office,
 * or approved by the one who collected it, is `rejected` with its reason and the payment stays
 * valid. A kiosk still pushes no void; a counter of the office still voids a handed-over field
 * payment, as before.
 */

const passwords: Readonly<Record<string, string>> = {
  cajero1: 'Cajero1.Demo',
  supervisor1: 'Supervisor1.Demo',
};
const office = 'Sede Centro';

const now = () => new Date().toISOString();
const event = (type: string, payload: Record<string, unknown>) => ({
  id: randomUUID(),
  type,
  payload,
  createdAt: now(),
});
const opened = (sessionId: string) =>
  event('cash_session.opened', { sessionId, cashier: 'cajero1', openedAt: now(), openingFloat: 0 });
const statuses = (results: readonly PushResult[]) => results.map((r) => r.status);

interface Bill {
  readonly billNumber: number;
  readonly codigoInterno: number;
  readonly period: string;
  readonly total: number;
}

interface Scenario {
  readonly t: TestServer;
  readonly route: string;
  readonly bills: Bill[];
  readonly numbers: Map<string, number>;
}

async function scenario(variant: Parameters<typeof startTestServer>[0]): Promise<Scenario> {
  const t = await startTestServer(variant, { logLevel: 'silent' });
  await seedServer(t, 60);
  const exec = t.server.database.exec;
  const { rows: routes } = await exec.query<{ route: string }>(
    'SELECT left(codigo_ruta, 2) AS route FROM subscribers GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1',
  );
  const route = routes[0]!.route;
  const { rows } = await exec.query<{ bill_number: string; codigo_interno: number; period: string; total: number }>(
    `SELECT b.bill_number, b.codigo_interno, b.period, b.total FROM bills b JOIN subscribers s USING (codigo_interno)
     WHERE b.state IN ('pendiente', 'vencida') AND s.codigo_ruta LIKE $1 ORDER BY b.bill_number LIMIT 8`,
    [`${route}-%`],
  );
  const bills = rows.map((r) => ({
    billNumber: Number(r.bill_number),
    codigoInterno: r.codigo_interno,
    period: r.period,
    total: r.total,
  }));
  expect(bills.length).toBeGreaterThanOrEqual(6);
  return { t, route, bills, numbers: new Map() };
}

/** A cash payment of the whole bill on the route, in the session, by `cashier`. */
function payment(s: Scenario, bill: Bill, device: PushingDevice, sessionId: string, cashier = 'cajero1') {
  const number = (s.numbers.get(device.id) ?? 0) + 1;
  s.numbers.set(device.id, number);
  return event('payment.taken', {
    paymentId: randomUUID(),
    codigoInterno: bill.codigoInterno,
    billNumber: bill.billNumber,
    period: bill.period,
    amount: bill.total,
    paidAt: now(),
    channel: 'campo',
    reference: `${device.prefix ?? 'X'}-${String(number).padStart(6, '0')}`,
    cashSessionId: sessionId,
    cashier,
  });
}

const paymentIdOf = (e: { payload: Record<string, unknown> }) => String(e.payload.paymentId);

/** The supervisor's void as the device signs it (src-main/field/field-voids.ts). */
async function signedVoid(s: Scenario, device: PushingDevice, paymentId: string, supervisor = 'supervisor1') {
  const voidedAt = now();
  const reason = 'Cobro al código equivocado';
  const key = await approvalKeyOf(s.t.server.database.exec, supervisor, passwords[supervisor]!);
  const approval = signApproval(
    key,
    voidApprovalMessage({ deviceId: device.id, paymentId, supervisor, voidedAt, reason }),
  );
  return event('payment.voided', { paymentId, reason, supervisor, voidedAt, cashier: 'cajero1', approval });
}

/** The entrega de recaudo of one cash day, counted right, signed by supervisor1. */
async function handover(s: Scenario, device: PushingDevice, sessionId: string, paid: readonly Bill[]) {
  const handoverId = randomUUID();
  const handedAt = now();
  const amount = paid.reduce((sum, b) => sum + b.total, 0);
  const days = [{ sessionId, payments: paid.length, amount, cash: amount, transfer: 0 }];
  const key = await approvalKeyOf(s.t.server.database.exec, 'supervisor1', passwords.supervisor1!);
  const signed = {
    handoverId,
    collector: 'cajero1',
    supervisor: 'supervisor1',
    handedAt,
    days,
    countedCash: amount,
    countedTransfer: 0,
    difference: 0,
  };
  const approval = signApproval(key, handoverApprovalMessage({ deviceId: device.id, ...signed }));
  return event('field.handover', { ...signed, approval });
}

async function stateOf(t: TestServer, paymentId: string): Promise<{ state: string; voids: number }> {
  const { rows } = await t.server.database.exec.query<{ state: string; voids: string }>(
    'SELECT state, (SELECT count(*) FROM payment_voids v WHERE v.payment_id = p.id) AS voids FROM payments p WHERE id = $1',
    [paymentId],
  );
  return { state: rows[0]!.state, voids: Number(rows[0]!.voids) };
}

/** The one answer of a push of one event, refused with `reason`, and the payment untouched. */
async function refused(
  t: TestServer,
  device: PushingDevice,
  e: ReturnType<typeof event>,
  reason: RegExp,
): Promise<void> {
  const before = await stateOf(t, paymentIdOf(e));
  const [result, ...more] = await device.push([e]);
  expect(more).toEqual([]);
  expect(result).toEqual({ id: e.id, status: 'rejected', reason: expect.stringMatching(reason) });
  expect(await stateOf(t, paymentIdOf(e))).toEqual(before);
}

describeEachServerDatabase('sync: a field laptop voids only its own payments, of days not handed over', (variant) => {
  it(
    'applies a signed void of its own payment and refuses another laptop’s, a handed-over day’s, the collector’s own approval and a kiosk’s',
    { timeout: 90_000 },
    async () => {
      const s = await scenario(variant);
      const { t } = s;
      const exec = t.server.database.exec;
      const b = (i: number) => s.bills[i]!;
      const laptop = await enrollPushingDevice(t, 'Portátil ruta', 'field', { scope: s.route, office });
      const other = await enrollPushingDevice(t, 'Portátil ruta 2', 'field', { scope: s.route, office });
      const kiosk = await enrollPushingDevice(t, 'Kiosco lobby', 'kiosk');
      const counter = await enrollPushingDevice(t, 'Caja Centro', 'cashier', { office });

      const day = randomUUID();
      const p = [0, 1, 2].map((i) => payment(s, b(i), laptop, day));
      const bySupervisor = payment(s, b(3), laptop, day, 'supervisor1');
      const otherDay = randomUUID();
      const theirs = payment(s, b(4), other, otherDay);
      expect(statuses(await laptop.push([opened(day), ...p, bySupervisor]))).toEqual(Array(5).fill('applied'));
      expect(statuses(await other.push([opened(otherDay), theirs]))).toEqual(['applied', 'applied']);

      // Its own payment, signed by a supervisor present: voided, the bill owed again.
      const own = await signedVoid(s, laptop, paymentIdOf(p[0]!));
      expect(await laptop.push([own])).toEqual([{ id: own.id, status: 'applied' }]);
      expect(await stateOf(t, paymentIdOf(p[0]!))).toEqual({ state: 'voided', voids: 1 });
      const { rows: voids } = await exec.query('SELECT device_id, supervisor, cashier FROM payment_voids');
      expect(voids).toEqual([{ device_id: laptop.id, supervisor: 'supervisor1', cashier: 'cajero1' }]);
      const { rows: bill } = await exec.query<{ state: string }>('SELECT state FROM bills WHERE bill_number = $1', [
        b(0).billNumber,
      ]);
      expect(['pendiente', 'vencida']).toContain(bill[0]?.state);

      // Another laptop's payment (same office, default voidScope office): refused.
      await refused(t, laptop, await signedVoid(s, laptop, paymentIdOf(theirs)), /otro equipo/);
      // The supervisor who collected it approving its void: refused.
      await refused(t, laptop, await signedVoid(s, laptop, paymentIdOf(bySupervisor)), /supervisor1» cobró ese pago/);
      // A kiosk never voids, even with a real signature.
      await refused(t, kiosk, await signedVoid(s, kiosk, paymentIdOf(p[1]!)), /no acepta eventos payment\.voided/);

      // Once the day is handed over at the office, only a counter voids it.
      const handed = await handover(s, laptop, day, [b(1), b(2), b(3)]);
      expect(await laptop.push([handed])).toEqual([{ id: handed.id, status: 'applied' }]);
      await refused(t, laptop, await signedVoid(s, laptop, paymentIdOf(p[1]!)), /ya cerrado o entregado/);
      const atCounter = await signedVoid(s, counter, paymentIdOf(p[2]!));
      expect(await counter.push([atCounter])).toEqual([{ id: atCounter.id, status: 'applied' }]);
      expect(await stateOf(t, paymentIdOf(p[2]!))).toEqual({ state: 'voided', voids: 1 });

      // A handover and a void of its day in one batch: the void reads the handover before it.
      const late = randomUUID();
      const lateTaken = payment(s, b(5), laptop, late);
      expect(statuses(await laptop.push([opened(late), lateTaken]))).toEqual(['applied', 'applied']);
      const lateVoid = await signedVoid(s, laptop, paymentIdOf(lateTaken));
      const results = await laptop.push([await handover(s, laptop, late, [b(5)]), lateVoid]);
      expect(statuses(results)).toEqual(['applied', 'rejected']);
      expect(results[1]?.reason).toMatch(/ya cerrado o entregado/);
      expect(await stateOf(t, paymentIdOf(lateTaken))).toEqual({ state: 'valid', voids: 0 });
    },
  );
});
