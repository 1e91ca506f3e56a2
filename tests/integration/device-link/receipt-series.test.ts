import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { ServerClient } from '../../../src-main/server-link/server-client';
import { AdminInputError, createEnrollmentCode, revokeDevice } from '../../../src-server/devices/admin';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { seedServer } from '../../support/sync-support';

/**
 * Receipt numbers never repeat (docs/trust-model.md, "Receipt numbers"): the server issues each counter a series
 * prefix nobody else holds, remembers the last number it received, and hands a reinstalled
 * counter its old series to go on after that number — never a series a live device holds.
 */

async function enroll(t: TestServer, name: string, receiptPrefix?: string) {
  const { code } = await createEnrollmentCode(t.server.database, {
    deviceName: name,
    mode: 'cashier',
    ...(receiptPrefix === undefined ? {} : { receiptPrefix }),
  });
  const answer = await new ServerClient(t.server.url).enroll(code);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

describeEachServerDatabase('receipt series issued by the central server', (variant) => {
  it('gives two counters of the same name different prefixes, and a kiosk none', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    const first = await enroll(t, 'Caja 1');
    const second = await enroll(t, 'Caja 1');
    expect(first.receiptSeries).toEqual({ prefix: 'CAJA1', next: 1 });
    expect(second.receiptSeries).toEqual({ prefix: 'CAJA12', next: 1 });
    const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Kiosco lobby', mode: 'kiosk' });
    const kiosk = await new ServerClient(t.server.url).enroll(code);
    expect(kiosk.ok && kiosk.value.receiptSeries).toBeNull();
    await expect(
      createEnrollmentCode(t.server.database, { deviceName: 'Kiosco', mode: 'kiosk', receiptPrefix: 'KIOS' }),
    ).rejects.toThrow(/no emite recibos/);
  });

  it(
    'hands a reinstalled counter its series after the last number received, and never a live device’s',
    { timeout: 90_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 5);
      const old = await enroll(t, 'Caja 1');
      const client = new ServerClient(t.server.url);
      const { rows } = await t.server.database.exec.query<{
        bill_number: string;
        codigo_interno: number;
        period: string;
        total: number;
      }>(
        "SELECT bill_number, codigo_interno, period, total FROM bills WHERE state IN ('pendiente', 'vencida') ORDER BY bill_number LIMIT 1",
      );
      const bill = rows[0]!;
      const sessionId = randomUUID();
      const now = new Date().toISOString();
      const pushed = await client.push(old.token, [
        {
          id: randomUUID(),
          deviceId: old.deviceId,
          type: 'cash_session.opened',
          createdAt: now,
          payload: { sessionId, cashier: 'cajero1', openedAt: now, openingFloat: 0 },
        },
        {
          id: randomUUID(),
          deviceId: old.deviceId,
          type: 'payment.taken',
          createdAt: now,
          payload: {
            paymentId: randomUUID(),
            codigoInterno: bill.codigo_interno,
            billNumber: Number(bill.bill_number),
            period: bill.period,
            amount: bill.total,
            paidAt: now,
            channel: 'caja',
            reference: 'CAJA1-000041',
            cashSessionId: sessionId,
            cashier: 'cajero1',
          },
        },
      ]);
      expect(pushed.ok && pushed.value.results.map((r) => r.status)).toEqual(['applied', 'applied']);

      // While the old counter is live, nobody else may take its series.
      await expect(
        createEnrollmentCode(t.server.database, {
          deviceName: 'Caja 1 (nueva)',
          mode: 'cashier',
          receiptPrefix: 'caja1',
        }),
      ).rejects.toThrow(AdminInputError);
      await expect(
        createEnrollmentCode(t.server.database, { deviceName: 'Caja', mode: 'cashier', receiptPrefix: 'CAJA-1' }),
      ).rejects.toThrow(/sin guiones/);

      await revokeDevice(t.server.database, old.deviceId);
      const reinstalled = await enroll(t, 'Caja 1 (reinstalada)', 'CAJA1');
      expect(reinstalled.receiptSeries).toEqual({ prefix: 'CAJA1', next: 42 });
      // Its hello says the same, so a device enrolled before series existed learns its own.
      const hello = await client.hello(reinstalled.token);
      expect(hello.ok && hello.value.receiptSeries).toEqual({ prefix: 'CAJA1', next: 42 });
    },
  );
});
