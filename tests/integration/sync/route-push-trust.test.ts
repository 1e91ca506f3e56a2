import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { unassignRoutes } from '../../../src-server/devices/device-routes';
import { describeEachServerDatabase } from '../../support/postgres';
import { enrollPushingDevice, type PushingDevice } from '../../support/pushing-device';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { seedServer, until } from '../../support/sync-support';

/**
 * A field laptop's payments are checked against the routes the server assigned it
 * (docs/trust-model.md): a route assigned now, or assigned when the payment was taken (a route
 * taken away while the laptop was offline keeps the money it collected there); any other bill
 * is refused with a Spanish reason, and no payment is recorded for it.
 */

const event = (type: string, payload: Record<string, unknown>, createdAt = new Date().toISOString()) => ({
  id: randomUUID(),
  type,
  payload,
  createdAt,
});

interface Bill {
  billNumber: number;
  codigoInterno: number;
  period: string;
  total: number;
}

async function unpaidBillOf(t: TestServer, route: string, skip = 0): Promise<Bill> {
  const { rows } = await t.server.database.exec.query<{
    bill_number: string;
    codigo_interno: number;
    period: string;
    total: number;
  }>(
    `SELECT b.bill_number, b.codigo_interno, b.period, b.total FROM bills b JOIN subscribers s USING (codigo_interno)
     WHERE b.state IN ('pendiente', 'vencida') AND left(s.codigo_ruta, 7) = $1 ORDER BY b.bill_number OFFSET $2 LIMIT 1`,
    [`${route}-`, skip],
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`no unpaid bill in route ${route}`);
  return {
    billNumber: Number(row.bill_number),
    codigoInterno: row.codigo_interno,
    period: row.period,
    total: row.total,
  };
}

const payment = (bill: Bill, device: PushingDevice, sessionId: string, n: number, paidAt: string) =>
  event('payment.taken', {
    paymentId: randomUUID(),
    codigoInterno: bill.codigoInterno,
    billNumber: bill.billNumber,
    period: bill.period,
    amount: bill.total,
    paidAt,
    channel: 'campo',
    reference: `${device.prefix ?? 'X'}-${String(n).padStart(6, '0')}`,
    cashSessionId: sessionId,
    cashier: 'cajero1',
  });

describeEachServerDatabase('field routes: what a field laptop may push', (variant) => {
  it(
    'accepts a payment taken while its route was assigned, refuses one taken after and one outside its routes',
    { timeout: 120_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 80);
      const { rows } = await t.server.database.exec.query<{ route: string }>(
        'SELECT DISTINCT left(codigo_ruta, 6) AS route FROM subscribers ORDER BY 1 LIMIT 2',
      );
      const [a, b] = rows.map((r) => r.route) as [string, string];
      const laptop = await enrollPushingDevice(t, 'Portátil ruta', 'field', { scope: a });

      // Offline in route A: a session opened and a payment taken while A was assigned.
      const openedAt = new Date().toISOString();
      const takenWhileAssigned = new Date().toISOString();
      await until('the clock moves past the payment', Date.now, (n) => n > Date.parse(takenWhileAssigned) + 5);
      // Meanwhile at the office a supervisor takes route A away.
      await unassignRoutes(t.server.database, laptop.id, [a], 'supervisor1');
      // Payments stamped from here on were taken after the unassignment (the database's clock
      // stamped it before this line ran; both clocks are this machine's).

      const sessionId = randomUUID();
      const results = await laptop.push([
        event('cash_session.opened', { sessionId, cashier: 'cajero1', openedAt, openingFloat: 0 }),
        payment(await unpaidBillOf(t, a), laptop, sessionId, 1, takenWhileAssigned),
        payment(await unpaidBillOf(t, a, 1), laptop, sessionId, 2, new Date().toISOString()),
        payment(await unpaidBillOf(t, b), laptop, sessionId, 3, new Date().toISOString()),
      ]);
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected', 'rejected']);
      for (const refused of [results[2], results[3]])
        expect(refused?.reason).toMatch(
          /no está en las rutas asignadas a este equipo de campo, ni lo estaba cuando se tomó el pago/,
        );
      expect(results[3]?.reason).toContain(`(ruta ${b}-`);

      const recorded = await t.server.database.exec.query<{ reference: string }>(
        'SELECT reference FROM payments WHERE device_id = $1',
        [laptop.id],
      );
      expect(recorded.rows.map((r) => r.reference)).toEqual([`${laptop.prefix}-000001`]);
    },
  );
});
