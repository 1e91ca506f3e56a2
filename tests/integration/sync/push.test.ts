import { expect, it } from 'vitest';
import { ServerClient } from '../../../src-main/server-link/server-client';
import { revokeDevice } from '../../../src-server/devices/admin';
import { describeEachServerDatabase } from '../../support/postgres';
import { bearer, postJson, startTestServer } from '../../support/server-harness';
import { fixtureCashier, outboxStates, receiptNumber, takePayment, unpaidBill } from '../../support/outbox-fixtures';
import { rememberedApprovalKey } from '../../support/approval-keys';
import { signApproval } from '../../support/staff-approval';
import { voidApprovalMessage } from '../../../src-shared/sync/approval';
import { callOk, enrolledDevice, expectReplicaEqual, seedServer, status, until } from '../../support/sync-support';

describeEachServerDatabase('sync: push', (variant) => {
  it('sends every outbox event once, in order; payments come back through the feed, the excess as saldo a favor', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 40);
    const core = await enrolledDevice(t);
    await expectReplicaEqual(t, core);
    const bills = [0, 1, 2, 3, 4].map((i) => unpaidBill(core, i));
    const ids = bills.map((bill, i) => takePayment(core, bill, bill.total, `C1-${i + 1}`));
    // The same first bill paid a second time, as a bank and the counter both might.
    const twice = bills[0]!;
    ids.push(takePayment(core, twice, twice.total + 1000, 'C1-6'));

    await until(
      'outbox sent',
      () => outboxStates(core),
      (s) => s.sent === 7 && s.pending === undefined,
    );
    const exec = t.server.database.exec;
    const applied = await exec.query<{ id: string; type: string }>('SELECT id, type FROM applied_events ORDER BY id');
    expect(applied.rows.map((r) => r.type)).toEqual(['cash_session.opened', ...Array(6).fill('payment.taken')]);
    const payments = await exec.query<{ id: string; device_id: string; cashier: string; channel: string }>(
      `SELECT id, device_id, cashier, channel FROM payments WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(payments.rows).toHaveLength(6);
    // Who took it is the server's record: the authenticated device, its cashier, the channel its mode implies.
    expect(new Set(payments.rows.map((r) => `${r.device_id}|${r.cashier}|${r.channel}`))).toEqual(
      new Set([`${core.meta.get('deviceId')}|${fixtureCashier}|caja`]),
    );
    const credits = await exec.query<{ amount: number; reason: string }>(
      'SELECT amount, reason FROM subscriber_credits',
    );
    expect(credits.rows).toEqual([{ amount: twice.total + 1000, reason: expect.stringContaining('ya estaba pagada') }]);
    const paid = await exec.query<{ state: string }>('SELECT state FROM bills WHERE bill_number = ANY($1::bigint[])', [
      bills.map((b) => b.billNumber),
    ]);
    expect(paid.rows.every((r) => r.state === 'pagada')).toBe(true);

    // The server's view, bill states and payments, comes back down: the replica equals the server.
    await expectReplicaEqual(t, core);
    const figures = await status(core);
    expect(figures.sync).toMatchObject({ pendingEvents: 0, oldestPendingAt: null, parkedEvents: 0, lastError: null });
    expect(figures.sync.lastPushAt).not.toBeNull();
    // The file's first test also starts and migrates the file's first server: 26 s alone on PGlite, more under load.
  }, 90_000);

  it('applies a void made at the counter: the payment stays, voided, its bill is owed again, the signed approval is kept', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 10);
    const core = await enrolledDevice(t);
    await expectReplicaEqual(t, core);
    const bill = unpaidBill(core);
    const signed = await callOk(core, 'cashier.signIn', { username: 'cajero1', password: '482615' });
    await callOk(core, 'cashier.openSession', { staffSession: signed.staffSession, openingFloat: 50_000 });
    const taken = await callOk(core, 'cashier.takePayment', {
      staffSession: signed.staffSession,
      codigoInterno: bill.codigoInterno,
      billNumber: bill.billNumber,
      tenders: [{ kind: 'cash', received: bill.total }],
    });
    expect(taken.payment.receiptNumber).toBe(receiptNumber(core.store, '000001'));
    await until(
      'paid on the device',
      () => core.store.sqlite.prepare('SELECT state FROM bills WHERE bill_number = ?').pluck().get(bill.billNumber),
      (s) => s === 'pagada',
    );
    await callOk(core, 'cashier.voidPayment', {
      staffSession: signed.staffSession,
      paymentId: taken.payment.id,
      reason: 'Cobro a código equivocado',
      supervisor: { username: 'supervisor1', password: 'Supervisor1.Demo' },
    });
    await until(
      'outbox sent',
      () => outboxStates(core),
      (s) => s.sent === 3,
    );
    const exec = t.server.database.exec;
    const paymentId = taken.payment.id;
    expect((await exec.query<{ state: string }>('SELECT state FROM payments WHERE id = $1', [paymentId])).rows).toEqual(
      [{ state: 'voided' }],
    );
    expect(
      (await exec.query<{ state: string }>('SELECT state FROM bills WHERE bill_number = $1', [bill.billNumber])).rows[0]
        ?.state,
    ).toMatch(/^(pendiente|vencida)$/);
    const voids = await exec.query<{ supervisor: string; cashier: string; device_id: string }>(
      'SELECT supervisor, cashier, device_id FROM payment_voids WHERE payment_id = $1',
      [paymentId],
    );
    expect(voids.rows).toEqual([
      { supervisor: 'supervisor1', cashier: 'cajero1', device_id: core.meta.get('deviceId') },
    ]);
    await expectReplicaEqual(t, core);
    expect(core.store.sqlite.prepare('SELECT state FROM payments WHERE id = ?').pluck().get(paymentId)).toBe('voided');
  });

  it('answers a second delivery of the same events as duplicate and applies nothing twice', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 10);
    const core = await enrolledDevice(t);
    await expectReplicaEqual(t, core);
    const bill = unpaidBill(core);
    const deviceId = core.meta.get('deviceId')!;
    const token = core.meta.get('deviceToken')!;
    const sessionId = '01930000-0000-7000-8000-0000000000cc';
    const opened = {
      id: '01930000-0000-7000-8000-00000000ab00',
      deviceId,
      type: 'cash_session.opened',
      createdAt: new Date().toISOString(),
      payload: { sessionId, cashier: 'cajero1', openedAt: new Date().toISOString(), openingFloat: 0 },
    };
    const event = {
      id: '01930000-0000-7000-8000-00000000abcd',
      deviceId,
      type: 'payment.taken',
      payload: {
        paymentId: '01930000-0000-7000-8000-0000000000aa',
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        period: bill.period,
        amount: bill.total,
        paidAt: new Date().toISOString(),
        channel: 'caja',
        reference: receiptNumber(core.store, '000901'),
        cashSessionId: sessionId,
        cashier: 'cajero1',
      },
      createdAt: new Date().toISOString(),
    };
    const client = new ServerClient(t.server.url);
    expect((await client.push(token, [opened])).ok).toBe(true);
    // A payment and its void in one batch: the void finds the payment the batch just wrote.
    const other = unpaidBill(core, 1);
    const paid = {
      id: '01930000-0000-7000-8000-00000000ab01',
      deviceId,
      type: 'payment.taken',
      createdAt: new Date().toISOString(),
      payload: {
        ...event.payload,
        paymentId: '01930000-0000-7000-8000-0000000000bb',
        codigoInterno: other.codigoInterno,
        billNumber: other.billNumber,
        period: other.period,
        amount: other.total,
        reference: receiptNumber(core.store, '000902'),
      },
    };
    const voidedAt = new Date().toISOString();
    const key = await rememberedApprovalKey(t.server.database.exec, 'supervisor1', 'Supervisor1.Demo');
    const approval = signApproval(
      key,
      voidApprovalMessage({
        deviceId,
        paymentId: paid.payload.paymentId,
        supervisor: 'supervisor1',
        voidedAt,
        reason: 'Error',
      }),
    );
    const voided = {
      id: '01930000-0000-7000-8000-00000000ab02',
      deviceId,
      type: 'payment.voided',
      createdAt: voidedAt,
      payload: {
        paymentId: paid.payload.paymentId,
        reason: 'Error',
        supervisor: 'supervisor1',
        voidedAt,
        cashier: 'cajero1',
        approval,
      },
    };
    const both = await client.push(token, [paid, voided]);
    expect(both.ok && both.value.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const first = await client.push(token, [event]);
    const second = await client.push(token, [event]);
    expect(first.ok && first.value.results).toEqual([{ id: event.id, status: 'applied' }]);
    expect(second.ok && second.value.results).toEqual([{ id: event.id, status: 'duplicate' }]);
    const count = await t.server.database.exec.query<{ n: string }>(
      'SELECT count(*) AS n FROM payments WHERE id = $1',
      [event.payload.paymentId],
    );
    expect(Number(count.rows[0]?.n)).toBe(1);
  });

  it('parks a refused event where a supervisor sees it, sends the ones after it, and a discard is audit-logged', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 10);
    const core = await enrolledDevice(t);
    await expectReplicaEqual(t, core);
    const bill = unpaidBill(core);
    takePayment(core, { ...bill, billNumber: 99_999_999_999 }, 5000, 'C1-1');
    takePayment(core, bill, bill.total, 'C1-2');
    // The cash session's opening and the good payment go; the bad payment is parked.
    await until(
      'one parked, two sent',
      () => outboxStates(core),
      (s) => s.parked === 1 && s.sent === 2,
    );

    expect((await status(core)).sync.parkedEvents).toBe(1);
    const cashier = await callOk(core, 'staff.authorize', { username: 'cajero1', password: 'Cajero1.Demo' });
    expect(await core.dispatch('sync.parked', { grantId: cashier.grantId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const supervisor = await callOk(core, 'staff.authorize', { username: 'supervisor1', password: 'Supervisor1.Demo' });
    const parked = await callOk(core, 'sync.parked', { grantId: supervisor.grantId });
    expect(parked.events).toHaveLength(1);
    expect(parked.events[0]).toMatchObject({
      type: 'payment.taken',
      reason: expect.stringContaining('no existe'),
      summary: expect.stringContaining('Pago de $'),
    });

    const eventId = parked.events[0]!.id;
    expect(
      await core.dispatch('sync.resolveParked', { grantId: supervisor.grantId, eventId, action: 'discard' }),
    ).toEqual({ ok: true, value: { state: 'discarded' } });
    expect(
      await core.dispatch('sync.resolveParked', { grantId: supervisor.grantId, eventId, action: 'discard' }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const audit = core.store.sqlite
      .prepare("SELECT actor, details FROM audit_log WHERE action = 'sync.parked_discard'")
      .all() as { actor: string; details: string }[];
    expect(audit).toEqual([{ actor: 'supervisor1', details: JSON.stringify({ eventId }) }]);
    expect((await status(core)).sync.parkedEvents).toBe(0);
  });

  it('refuses an event of another device, a malformed batch and a revoked token, and applies nothing', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 5);
    const core = await enrolledDevice(t);
    const token = core.meta.get('deviceToken')!;
    const foreign = {
      id: '01930000-0000-7000-8000-00000000beef',
      deviceId: '01930000-0000-7000-8000-000000000001',
      type: 'kiosk.session_ended',
      payload: { reason: 'idle', durationSeconds: 3, at: new Date().toISOString() },
      createdAt: new Date().toISOString(),
    };
    const answer = await t.request(
      '/v1/sync/push',
      postJson({ events: [foreign] }, bearer(token).headers as Record<string, string>),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      ok: true,
      value: { results: [{ id: foreign.id, status: 'rejected', reason: 'El evento pertenece a otro dispositivo.' }] },
    });
    const malformed = await t.request(
      '/v1/sync/push',
      postJson({ events: [{ id: 'no-uuid' }] }, bearer(token).headers as Record<string, string>),
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ ok: false, error: { code: 'validation' } });

    await revokeDevice(t.server.database, core.meta.get('deviceId')!);
    const refused = await t.request(
      '/v1/sync/push',
      postJson(
        { events: [{ ...foreign, deviceId: core.meta.get('deviceId') }] },
        bearer(token).headers as Record<string, string>,
      ),
    );
    expect(refused.status).toBe(401);
    const applied = await t.server.database.exec.query<{ n: string }>('SELECT count(*) AS n FROM applied_events');
    expect(Number(applied.rows[0]?.n)).toBe(0);
  });
});
