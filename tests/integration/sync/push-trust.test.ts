import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { revokeDevice } from '../../../src-server/devices/admin';
import { defaultMoneyRules } from '../../../src-server/sync/money-rules';
import type { PushResult } from '../../../src-shared/server-api/sync-api';
import { closeApprovalMessage, voidApprovalMessage } from '../../../src-shared/sync/approval';
import { maxPesos } from '../../../src-shared/sync/events';
import { describeEachServerDatabase } from '../../support/postgres';
import { rememberedApprovalKey } from '../../support/approval-keys';
import { signApproval } from '../../support/staff-approval';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { enrollPushingDevice, type PushingDevice } from '../../support/pushing-device';
import { seedServer } from '../../support/sync-support';

/**
 * The central server as the authority (docs/trust-model.md): what an attacker holding one
 * device's token — a kiosk's from a public lobby, or a counter's — tries, pushed straight to
 * `/v1/sync/push`, beside the legitimate push each refusal is measured against. Every refusal
 * is a `rejected` answer with a reason, and the server's money records do not move.
 */

type Device = PushingDevice;
const enroll = enrollPushingDevice;

const now = () => new Date().toISOString();
const event = (type: string, payload: Record<string, unknown>, createdAt = now()) => ({
  id: randomUUID(),
  type,
  payload,
  createdAt,
});
const opened = (sessionId: string, cashier = 'cajero1') =>
  event('cash_session.opened', { sessionId, cashier, openedAt: now(), openingFloat: 0 });

async function bills(
  t: TestServer,
  n: number,
): Promise<{ billNumber: number; codigoInterno: number; period: string; total: number; ruta: string }[]> {
  const { rows } = await t.server.database.exec.query<{
    bill_number: string;
    codigo_interno: number;
    period: string;
    total: number;
    codigo_ruta: string;
  }>(
    `SELECT b.bill_number, b.codigo_interno, b.period, b.total, s.codigo_ruta FROM bills b JOIN subscribers s USING (codigo_interno)
     WHERE b.state IN ('pendiente', 'vencida') ORDER BY b.bill_number LIMIT $1`,
    [n],
  );
  return rows.map((r) => ({
    billNumber: Number(r.bill_number),
    codigoInterno: r.codigo_interno,
    period: r.period,
    total: r.total,
    ruta: r.codigo_ruta,
  }));
}

function payment(
  bill: { billNumber: number; codigoInterno: number; period: string; total: number },
  device: Device,
  sessionId: string,
  number: number,
  extra: Record<string, unknown> = {},
) {
  return event('payment.taken', {
    paymentId: randomUUID(),
    codigoInterno: bill.codigoInterno,
    billNumber: bill.billNumber,
    period: bill.period,
    amount: bill.total,
    paidAt: now(),
    channel: 'caja',
    reference: `${device.prefix ?? 'X'}-${String(number).padStart(6, '0')}`,
    cashSessionId: sessionId,
    cashier: 'cajero1',
    ...extra,
  });
}

async function signedVoid(
  t: TestServer,
  device: Device,
  paymentId: string,
  opts: { supervisor?: string; password?: string; signFor?: string } = {},
) {
  const supervisor = opts.supervisor ?? 'supervisor1';
  const voidedAt = now();
  const reason = 'Cobro a código equivocado';
  const key = await rememberedApprovalKey(t.server.database.exec, supervisor, opts.password ?? 'Supervisor1.Demo');
  const approval = signApproval(
    key,
    voidApprovalMessage({ deviceId: opts.signFor ?? device.id, paymentId, supervisor, voidedAt, reason }),
  );
  return event('payment.voided', { paymentId, reason, supervisor, voidedAt, cashier: 'cajero1', approval });
}

const statuses = (results: readonly PushResult[]) => results.map((r) => r.status);

async function count(t: TestServer, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await t.server.database.exec.query<{ n: string }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

describeEachServerDatabase('sync: the server decides what a device may push', (variant) => {
  it('refuses a kiosk token every money event, and records its visit', { timeout: 90_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 10);
    const kiosk = await enroll(t, 'Kiosco lobby', 'kiosk');
    const [bill] = await bills(t, 1);
    const sessionId = randomUUID();
    const bankPayment = (
      await t.server.database.exec.query<{ id: string }>("SELECT id FROM payments WHERE channel = 'banco' LIMIT 1")
    ).rows[0]!.id;
    const before = await count(t, 'SELECT count(*) AS n FROM payments');
    const results = await kiosk.push([
      opened(sessionId),
      payment(bill!, kiosk, sessionId, 1),
      await signedVoid(t, kiosk, bankPayment),
      event('cash_session.closed', {
        sessionId,
        cashier: 'cajero1',
        closedAt: now(),
        expectedCash: 0,
        countedCash: 0,
        expectedCard: 0,
        countedCard: 0,
        expectedCheck: 0,
        countedCheck: 0,
        difference: 0,
        approvedBy: null,
        approval: null,
      }),
      event('kiosk.session_ended', { reason: 'idle', durationSeconds: 42, at: now() }),
    ]);
    expect(statuses(results)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'applied']);
    for (const refused of results.slice(0, 4)) expect(refused.reason).toMatch(/no acepta eventos .* de un kiosco/);
    expect(await count(t, 'SELECT count(*) AS n FROM payments')).toBe(before);
    expect(await count(t, "SELECT count(*) AS n FROM payments WHERE state = 'voided'")).toBe(0);
    expect(await count(t, 'SELECT count(*) AS n FROM cash_sessions')).toBe(0);
    expect(await count(t, 'SELECT count(*) AS n FROM rejected_events WHERE device_id = $1', [kiosk.id])).toBe(4);
  });

  it(
    'checks each claim a counter makes about a payment: amount, date, cashier, session, receipt number, bill',
    { timeout: 90_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 10);
      const counter = await enroll(t, 'Caja 1', 'cashier', { office: 'Sede Centro' });
      const other = await enroll(t, 'Caja 2', 'cashier', { office: 'Sede Centro' });
      const list = await bills(t, 12);
      const b = (i: number) => list[i]!;
      const sessionId = randomUUID();
      const othersSession = randomUUID();
      expect(statuses(await other.push([opened(othersSession)]))).toEqual(['applied']);
      const dayMs = 86_400_000;
      const results = await counter.push([
        opened(sessionId),
        payment(b(0), counter, sessionId, 1, { amount: maxPesos + 1 }),
        payment(b(1), counter, sessionId, 2, {
          paidAt: new Date(Date.now() - (defaultMoneyRules.paymentMaxAgeDays + 1) * dayMs).toISOString(),
        }),
        payment(b(2), counter, sessionId, 3, { paidAt: new Date(Date.now() + 3_600_000).toISOString() }),
        payment(b(3), counter, sessionId, 4, { cashier: 'nadie' }),
        payment(b(4), counter, sessionId, 5, { cashier: 'soporte1' }),
        payment(b(5), counter, othersSession, 6),
        payment(b(6), counter, sessionId, 7, { reference: `${other.prefix}-000007` }),
        payment(b(7), counter, sessionId, 8, { codigoInterno: b(8).codigoInterno }),
        payment(b(9), counter, sessionId, 9),
        payment(b(10), counter, sessionId, 9),
      ]);
      expect(statuses(results)).toEqual([
        'applied',
        'rejected',
        'rejected',
        'rejected',
        'rejected',
        'rejected',
        'rejected',
        'rejected',
        'rejected',
        'applied',
        'rejected',
      ]);
      const reasons = results.map((r) => r.reason ?? '');
      expect(reasons[1]).toMatch(/no es válido/);
      expect(reasons[2]).toMatch(/hace más de 60 días/);
      expect(reasons[3]).toMatch(/posterior a la hora del servidor/);
      expect(reasons[4]).toMatch(/«nadie» no es un usuario/);
      expect(reasons[5]).toMatch(/«soporte1» no tiene el rol/);
      expect(reasons[6]).toMatch(/sesión de caja del pago no es de este dispositivo/);
      expect(reasons[7]).toMatch(/no es de la serie/);
      expect(reasons[8]).toMatch(/no existe para el código interno/);
      expect(reasons[10]).toMatch(/ya se usó/);
      // The one good payment is there, with what the server knows of it; nothing else is.
      const { rows } = await t.server.database.exec.query<{ bill_number: string; device_id: string; channel: string }>(
        'SELECT bill_number::text AS bill_number, device_id, channel FROM payments WHERE device_id IS NOT NULL',
      );
      expect(rows).toEqual([{ bill_number: String(b(9).billNumber), device_id: counter.id, channel: 'caja' }]);
      expect(await count(t, 'SELECT last_number AS n FROM receipt_series WHERE device_id = $1', [counter.id])).toBe(9);
    },
  );

  it(
    'counts a bill paid by its amount when the change was rounded, and makes saldo a favor only of money received',
    { timeout: 90_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 10);
      const counter = await enroll(t, 'Caja 1', 'cashier');
      const list = await bills(t, 3);
      const b = (i: number) => list[i]!;
      const sessionId = randomUUID();
      const results = await counter.push([
        opened(sessionId),
        // Owed, paid in cash with the change rounded up: 17 pesos the entity gave up.
        payment(b(0), counter, sessionId, 1, { cashRounding: 17 }),
        // Paid already (by the payment above), charged again: only what was received is the subscriber's.
        payment(b(0), counter, sessionId, 2, { cashRounding: 17 }),
        // A rounding a coin cannot make, one below zero, and one as large as the payment: refused.
        payment(b(1), counter, sessionId, 3, { cashRounding: 1000 }),
        payment(b(1), counter, sessionId, 4, { cashRounding: -1 }),
        payment({ ...b(2), total: 500 }, counter, sessionId, 5, { cashRounding: 500 }),
      ]);
      expect(statuses(results)).toEqual(['applied', 'applied', 'applied', 'rejected', 'rejected', 'rejected']);
      expect(results[5]?.reason).toMatch(/redondeo del efectivo/);
      const exec = t.server.database.exec;
      expect(
        (await exec.query<{ state: string }>('SELECT state FROM bills WHERE bill_number = $1', [b(0).billNumber])).rows,
      ).toEqual([{ state: 'pagada' }]);
      // The first payment left no saldo a favor (none of 17 pesos, none "owed" either); the second
      // left exactly the money that came in.
      const credits = await exec.query<{ amount: number }>(
        'SELECT amount FROM subscriber_credits WHERE codigo_interno = $1',
        [b(0).codigoInterno],
      );
      expect(credits.rows).toEqual([{ amount: b(0).total - 17 }]);
      const amounts = await exec.query<{ amount: number }>(
        'SELECT amount FROM payments WHERE bill_number = $1 AND device_id IS NOT NULL ORDER BY reference',
        [b(0).billNumber],
      );
      expect(amounts.rows).toEqual([{ amount: b(0).total }, { amount: b(0).total }]);
      expect(
        await count(
          t,
          'SELECT count(*) AS n FROM payments WHERE device_id IS NOT NULL AND bill_number = ANY($1::bigint[])',
          [[b(1).billNumber, b(2).billNumber]],
        ),
      ).toBe(0);
    },
  );

  it(
    'lets a counter void only its office’s counter payments, with a supervisor’s valid signature, once',
    { timeout: 90_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 10);
      const centro = await enroll(t, 'Caja Centro', 'cashier', { office: 'Sede Centro' });
      const centro2 = await enroll(t, 'Caja Centro 2', 'cashier', { office: 'Sede Centro' });
      const norte = await enroll(t, 'Caja Norte', 'cashier', { office: 'Sede Norte' });
      const [first, second] = await bills(t, 2);
      const sessionId = randomUUID();
      const paid = [payment(first!, centro, sessionId, 1), payment(second!, centro, sessionId, 2)];
      expect(statuses(await centro.push([opened(sessionId), ...paid]))).toEqual(['applied', 'applied', 'applied']);
      const [one, two] = paid.map((p) => String(p.payload.paymentId));
      const bankPayment = (
        await t.server.database.exec.query<{ id: string }>("SELECT id FROM payments WHERE channel = 'banco' LIMIT 1")
      ).rows[0]!.id;

      const refused = await norte.push([await signedVoid(t, norte, one!), await signedVoid(t, norte, bankPayment)]);
      expect(statuses(refused)).toEqual(['rejected', 'rejected']);
      expect(refused[0]?.reason).toMatch(/otra sede/);
      expect(refused[1]?.reason).toMatch(/banco, en línea/);

      const forged = await centro2.push([
        // Signed with a password that is not the supervisor's.
        await signedVoid(t, centro2, one!, { password: 'Adivinanza.123' }),
        // A cashier cannot approve.
        await signedVoid(t, centro2, one!, { supervisor: 'cajero1', password: 'Cajero1.Demo' }),
        // A real approval made on another counter, replayed from this one.
        await signedVoid(t, centro2, one!, { signFor: centro.id }),
      ]);
      expect(statuses(forged)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(forged[0]?.reason).toMatch(/firma válida/);
      expect(forged[1]?.reason).toMatch(/«cajero1» no tiene el rol/);
      expect(forged[2]?.reason).toMatch(/firma válida/);
      expect(await count(t, "SELECT count(*) AS n FROM payments WHERE state = 'voided'")).toBe(0);

      // Another counter of the same office, with a real approval: the void is recorded as a state.
      const good = await signedVoid(t, centro2, one!);
      expect(statuses(await centro2.push([good]))).toEqual(['applied']);
      expect(statuses(await centro2.push([good]))).toEqual(['duplicate']);
      const again = await centro.push([await signedVoid(t, centro, one!)]);
      expect(again[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/ya estaba anulado/) });
      // The voided payment cannot come back under a new event.
      const replayedPayment = { ...paid[0]!, id: randomUUID() };
      const back = await centro.push([replayedPayment]);
      expect(back[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/ya fue anulado/) });
      const { rows } = await t.server.database.exec.query<{ id: string; state: string }>(
        'SELECT id, state FROM payments WHERE id = ANY($1::uuid[]) ORDER BY id',
        [[one, two]],
      );
      expect(Object.fromEntries(rows.map((r) => [r.id, r.state]))).toEqual({ [one!]: 'voided', [two!]: 'valid' });
      expect(await count(t, 'SELECT count(*) AS n FROM payment_voids')).toBe(1);
    },
  );

  it('with voidScope "device", only the counter that took a payment voids it', { timeout: 90_000 }, async () => {
    const t = await startTestServer(variant, {
      logLevel: 'silent',
      config: { money: { ...defaultMoneyRules, voidScope: 'device' } },
    });
    await seedServer(t, 5);
    const centro = await enroll(t, 'Caja Centro', 'cashier', { office: 'Sede Centro' });
    const centro2 = await enroll(t, 'Caja Centro 2', 'cashier', { office: 'Sede Centro' });
    const [bill] = await bills(t, 1);
    const sessionId = randomUUID();
    const paid = payment(bill!, centro, sessionId, 1);
    await centro.push([opened(sessionId), paid]);
    const paymentId = String(paid.payload.paymentId);
    const refused = await centro2.push([await signedVoid(t, centro2, paymentId)]);
    expect(refused[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/otro equipo/) });
    expect(statuses(await centro.push([await signedVoid(t, centro, paymentId)]))).toEqual(['applied']);
  });

  it(
    'accepts a close beyond the tolerance only with a valid signature, and a field device’s payments only within its routes',
    { timeout: 90_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 30);
      const counter = await enroll(t, 'Caja 1', 'cashier');
      const figures = {
        expectedCash: 100_000,
        countedCash: 90_000,
        expectedCard: 0,
        countedCard: 0,
        expectedCheck: 0,
        countedCheck: 0,
        difference: -10_000,
      };
      const sessionId = randomUUID();
      const closedAt = now();
      const forged = event('cash_session.closed', {
        sessionId,
        cashier: 'cajero1',
        closedAt,
        ...figures,
        approvedBy: 'supervisor1',
        approval: 'A'.repeat(43),
      });
      const key = await rememberedApprovalKey(t.server.database.exec, 'supervisor1', 'Supervisor1.Demo');
      const approval = signApproval(
        key,
        closeApprovalMessage({
          deviceId: counter.id,
          sessionId,
          supervisor: 'supervisor1',
          closedAt,
          difference: -10_000,
        }),
      );
      const closed = event('cash_session.closed', {
        sessionId,
        cashier: 'cajero1',
        closedAt,
        ...figures,
        approvedBy: 'supervisor1',
        approval,
      });
      const results = await counter.push([opened(sessionId), forged, closed, { ...closed, id: randomUUID() }]);
      expect(statuses(results)).toEqual(['applied', 'rejected', 'applied', 'rejected']);
      expect(results[1]?.reason).toMatch(/firma válida/);
      expect(results[3]?.reason).toMatch(/ya estaba cerrada/);

      const list = await bills(t, 60);
      const route = list[0]!.ruta.split('-').slice(0, 2).join('-');
      const inside = list.find((b) => b.ruta.startsWith(`${route}-`))!;
      const outside = list.find((b) => !b.ruta.startsWith(`${route}-`))!;
      const field = await enroll(t, 'Portátil ruta', 'field', { scope: route });
      const fieldSession = randomUUID();
      const pushed = await field.push([
        opened(fieldSession),
        payment(outside, field, fieldSession, 1),
        payment(inside, field, fieldSession, 2),
        await signedVoid(t, field, randomUUID()),
      ]);
      expect(statuses(pushed)).toEqual(['applied', 'rejected', 'applied', 'rejected']);
      expect(pushed[1]?.reason).toMatch(/no está en las rutas asignadas/);
      // A field laptop may void (with a supervisor's signature) only its own payments
      // (field-void-trust.test.ts): one the server never saw is refused as unknown.
      expect(pushed[3]?.reason).toMatch(/no existe en el servidor central/);
      const { rows } = await t.server.database.exec.query<{ channel: string }>(
        'SELECT channel FROM payments WHERE device_id = $1',
        [field.id],
      );
      expect(rows).toEqual([{ channel: 'campo' }]);
    },
  );

  it('refuses a revoked token before reading any event', { timeout: 90_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 3);
    const counter = await enroll(t, 'Caja 1', 'cashier');
    await revokeDevice(t.server.database, counter.id);
    await expect(counter.push([opened(randomUUID())])).rejects.toThrow(/device-locked/);
    expect(await count(t, 'SELECT count(*) AS n FROM applied_events')).toBe(0);
  });
});
