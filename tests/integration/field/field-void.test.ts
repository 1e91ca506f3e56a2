import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createRootLogger } from '../../../src-main/logger';
import { StaffAuthorizer } from '../../../src-main/staff/staff-authorizer';
import type { Store } from '../../../src-main/store/open-store';
import { approvalMatches } from '../../../src-node/staff-credentials';
import { err } from '../../../src-shared/api/result';
import { voidApprovalMessage } from '../../../src-shared/sync/approval';
import { value } from '../../support/cashier-harness';
import { fieldHarness, type FieldHarness } from '../../support/field-harness';
import { openReplicaStore, replicaNow } from '../../support/replica-store';
import { testStaffPepper } from '../../support/staff-pepper';
import { tempDir } from '../../support/temp-dir';

/**
 * A supervisor present at the field laptop voids one of its payments (issue 16, item 4), over a
 * real replica store through the real dispatcher: the payment marked voided, its audit line and
 * the supervisor's signed `payment.voided` event in one commit, and the day's totals without it.
 * Every refusal — a cajero as supervisor, a wrong password, an unknown or voided payment, a day
 * already handed over, the collector approving their own collection — writes nothing.
 */
let dir: ReturnType<typeof tempDir>;
let store: Store;
const now = () => replicaNow;
let h: FieldHarness;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  dir = tempDir('field-void');
  store = await openReplicaStore(dir.path, { subscribers: 300, staffPepper: testStaffPepper });
  h = fieldHarness(store, null, now, 'field', (stop) => stops.push(stop));
  h.meta.set({ lastPullAt: new Date(replicaNow.getTime() - 3_600_000).toISOString() });
}, 120_000);
afterAll(async () => {
  for (const stop of stops) await stop();
  store.close();
  dir.remove();
});

const count = (sql: string, ...args: unknown[]): number =>
  store.sqlite
    .prepare(sql)
    .pluck()
    .get(...args) as number;
/** An owed bill not due yet (nothing to ask about), the n-th. */
const owed = (skip: number) =>
  store.sqlite
    .prepare(
      `SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, total FROM bills
       WHERE state = 'pendiente' AND due_on > '2026-03-10'
         AND bill_number NOT IN (SELECT bill_number FROM cashier_payments) ORDER BY bill_number LIMIT 1 OFFSET ?`,
    )
    .get(skip) as { billNumber: number; codigoInterno: number; total: number };
/** Everything a void would write: outbox events, audit lines, voided payments. */
const written = () => ({
  outbox: count('SELECT count(*) FROM outbox'),
  audit: count('SELECT count(*) FROM audit_log'),
  voided: count("SELECT count(*) FROM cashier_payments WHERE state = 'voided'"),
});

const supervisor = { username: 'supervisor1', password: 'Supervisor1.Demo' };
const reason = 'Cobro al código equivocado';

async function signIn(username = 'cajero1', password = 'Cajero1.Demo'): Promise<string> {
  return (await value(h.field.signIn({ username, password }))).staffSession;
}

async function collect(staffSession: string, skip: number, on: FieldHarness = h) {
  const bill = owed(skip);
  const taken = await value(
    on.field.collect({
      staffSession,
      codigoInterno: bill.codigoInterno,
      billNumber: bill.billNumber,
      amount: bill.total,
      tender: { kind: 'cash', received: bill.total },
    }),
  );
  return taken.payment;
}

describe('field void with a supervisor present', () => {
  it('voids a payment: marked voided, audit line, signed event in one commit; the day’s totals drop it', async () => {
    const staffSession = await signIn();
    const day = await value(h.field.openDay({ staffSession }));
    const kept = await collect(staffSession, 0);
    const wrong = await collect(staffSession, 1);
    // Flagged for the office first: a supervisor turning up later may still void it here.
    await value(h.field.flagVoid({ staffSession, paymentId: wrong.id, reason: 'Se cobró dos veces' }));
    const before = (await value(h.field.dayPayments({ staffSession, dayId: day.id }))).day;
    expect(before).toMatchObject({ payments: 2, total: kept.amount + wrong.amount, flagged: 1 });
    const writes = written();

    const voided = await value(h.field.voidPayment({ staffSession, paymentId: wrong.id, reason, supervisor }));
    expect(voided.payment).toMatchObject({ id: wrong.id, state: 'voided' });
    expect(written()).toEqual({ outbox: writes.outbox + 1, audit: writes.audit + 1, voided: writes.voided + 1 });
    expect(
      store.sqlite
        .prepare('SELECT state, voided_by AS voidedBy, void_reason AS voidReason FROM cashier_payments WHERE id = ?')
        .get(wrong.id),
    ).toEqual({ state: 'voided', voidedBy: 'supervisor1', voidReason: reason });
    const audit = store.sqlite
      .prepare("SELECT actor, details FROM audit_log WHERE action = 'field.payment_voided'")
      .all() as { actor: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe('supervisor1');
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({
      paymentId: wrong.id,
      receiptNumber: wrong.receiptNumber,
      collector: 'cajero1',
      reason,
      flaggedForOffice: 'Se cobró dos veces',
    });

    // The event carries the supervisor's signature over exactly this void on this laptop.
    const event = JSON.parse(
      store.sqlite.prepare("SELECT payload FROM outbox WHERE type = 'payment.voided'").pluck().get() as string,
    ) as { paymentId: string; reason: string; supervisor: string; voidedAt: string; cashier: string; approval: string };
    expect(event).toMatchObject({ paymentId: wrong.id, reason, supervisor: 'supervisor1', cashier: 'cajero1' });
    const key = await value(
      new StaffAuthorizer(store, createRootLogger('silent'), testStaffPepper).approve(
        'supervisor1',
        'Supervisor1.Demo',
      ),
    );
    const signed = (paymentId: string) =>
      voidApprovalMessage({
        deviceId: h.meta.get('deviceId') ?? '',
        paymentId,
        supervisor: 'supervisor1',
        voidedAt: event.voidedAt,
        reason,
      });
    expect(approvalMatches(key.approvalKey, signed(wrong.id), event.approval)).toBe(true);
    expect(approvalMatches(key.approvalKey, signed(kept.id), event.approval)).toBe(false);

    // The day's totals without it; the flag needs the office no more.
    const after = await value(h.field.dayPayments({ staffSession, dayId: day.id }));
    expect(after.day).toMatchObject({ payments: 1, cash: kept.cash, total: kept.amount, flagged: 0 });
    expect(after.payments.find((p) => p.id === wrong.id)?.state).toBe('voided');
    const listed = (await value(h.field.days({ staffSession }))).days.find((d) => d.id === day.id);
    expect(listed?.total).toBe(kept.amount);

    // Already voided: refused, nothing written.
    const writesAfter = written();
    expect(await h.field.voidPayment({ staffSession, paymentId: wrong.id, reason, supervisor })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Ese pago ya está anulado.' },
    });
    expect(written()).toEqual(writesAfter);
  });

  it('refuses a cajero as supervisor, a wrong password, an unknown payment and the collector approving their own, writing nothing', async () => {
    const staffSession = await signIn();
    const payment = await collect(staffSession, 2);
    const writes = written();
    const attempt = (extra: Partial<{ paymentId: string; supervisor: { username: string; password: string } }>) =>
      h.field.voidPayment({ staffSession, paymentId: payment.id, reason, supervisor, ...extra });

    expect(await attempt({ supervisor: { username: 'cajero2', password: 'Cajero2.Demo' } })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Para anular hace falta el usuario y la contraseña de un supervisor.' },
    });
    expect(await attempt({ supervisor: { username: 'supervisor1', password: 'Supervisor1.Mal' } })).toMatchObject({
      ok: false,
      error: { code: 'wrong-credentials' },
    });
    expect(await attempt({ paymentId: '0190d9e4-0000-7000-8000-000000000000' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Ese pago no está en este equipo.' },
    });
    expect(await h.field.voidPayment({ staffSession, paymentId: payment.id, reason: 'no', supervisor })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/al menos 5 letras/) },
    });
    expect(written()).toEqual(writes);
    const day = await value(h.field.dayPayments({ staffSession, dayId: dayOf(payment.id) }));
    expect(day.payments.find((p) => p.id === payment.id)?.state).toBe('valid');

    // A supervisor who collected a payment (in the collector's day) does not approve its void.
    const supervisorSession = await signIn('supervisor1', 'Supervisor1.Demo');
    const theirs = await collect(supervisorSession, 4);
    const writesBefore = written();
    expect(
      await h.field.voidPayment({ staffSession: supervisorSession, paymentId: theirs.id, reason, supervisor }),
    ).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          '«supervisor1» cobró ese pago: otro supervisor debe aprobar la anulación (o márquelo para anular en la oficina).',
      },
    });
    expect(written()).toEqual(writesBefore);
  });

  it('counts an unsent void among the day’s unsent records, so the handover waits for it', async () => {
    // A laptop out of reach of the server: the check says offline, with the records still to send.
    const offline = fieldHarness(store, null, now, 'field', onTestFinished, {
      client: { call: () => Promise.resolve(err('offline', 'Sin conexión con el servidor central.')) },
      syncNow: () => undefined,
    });
    h.meta.set({ deviceToken: 'token-de-prueba' });
    const staffSession = (await value(offline.field.signIn({ username: 'cajero1', password: 'Cajero1.Demo' })))
      .staffSession;
    const payment = await collect(staffSession, 5, offline);
    const before = await value(offline.field.handoverCheck({ staffSession }));
    expect(before.stage).toBe('offline');
    await value(offline.field.voidPayment({ staffSession, paymentId: payment.id, reason, supervisor }));
    expect((await value(offline.field.handoverCheck({ staffSession }))).unsent).toBe(before.unsent + 1);
  });

  it('refuses to void a payment of a day handed over at the office', async () => {
    const staffSession = await signIn();
    const payment = await collect(staffSession, 3);
    // The day as the entrega de recaudo leaves it (src-main/field/field-handover.ts): ended,
    // with its handover's id; the handover itself needs the central server (field-handover.test.ts).
    store.sqlite
      .prepare("UPDATE cash_sessions SET state = 'closed', handover_id = 'entrega-de-prueba' WHERE id = ?")
      .run(dayOf(payment.id));
    const writes = written();
    expect(await h.field.voidPayment({ staffSession, paymentId: payment.id, reason, supervisor })).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Ese pago es de un día ya entregado en la oficina: solo la oficina puede anularlo, en una caja.',
      },
    });
    expect(written()).toEqual(writes);
  });
});

function dayOf(paymentId: string): string {
  return store.sqlite.prepare('SELECT session_id FROM cashier_payments WHERE id = ?').pluck().get(paymentId) as string;
}
