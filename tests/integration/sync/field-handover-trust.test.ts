import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { ServerClient } from '../../../src-main/server-link/server-client';
import type { PushResult } from '../../../src-shared/server-api/sync-api';
import { handoverApprovalMessage } from '../../../src-shared/sync/approval';
import { describeEachServerDatabase } from '../../support/postgres';
import { enrollPushingDevice, type PushingDevice } from '../../support/pushing-device';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { rememberedApprovalKey } from '../../support/approval-keys';
import { signApproval } from '../../support/staff-approval';
import { seedServer } from '../../support/sync-support';

/**
 * The entrega de recaudo (docs/field-mode.md) as an attacker holding a device's token pushes
 * it, straight to `/v1/sync/push` (docs/trust-model.md): a handover the server must refuse —
 * forged or altered signature, a cashier as the supervisor, someone else's day, a day named
 * twice, figures that do not add up, a counter or a kiosk — is `rejected` with its reason in
 * Spanish and writes nothing: no handover row, the day's cash session still open. Each refusal
 * is measured against a legitimate handover the same server applies. And the figures route the
 * laptop checks before a handover answers only for the calling field device's own days.
 */

const passwords: Readonly<Record<string, string>> = {
  cajero1: 'Cajero1.Demo',
  cajero2: 'Cajero2.Demo',
  supervisor1: 'Supervisor1.Demo',
};

const now = () => new Date().toISOString();
const event = (type: string, payload: Record<string, unknown>) => ({
  id: randomUUID(),
  type,
  payload,
  createdAt: now(),
});
const opened = (sessionId: string, cashier = 'cajero1') =>
  event('cash_session.opened', { sessionId, cashier, openedAt: now(), openingFloat: 0 });
const statuses = (results: readonly PushResult[]) => results.map((r) => r.status);

interface Bill {
  readonly billNumber: number;
  readonly codigoInterno: number;
  readonly period: string;
  readonly total: number;
}

/** One collection day as the laptop reports it in a handover. */
interface Day {
  readonly sessionId: string;
  readonly payments: number;
  readonly amount: number;
  readonly cash: number;
  readonly transfer: number;
}

/** A field scenario: the most populated ciclo, the owed bills in it, and receipt numbers per device. */
interface Field {
  readonly t: TestServer;
  readonly route: string;
  readonly bills: Bill[];
  readonly numbers: Map<string, number>;
}

async function fieldScenario(variant: Parameters<typeof startTestServer>[0]): Promise<Field> {
  const t = await startTestServer(variant, { logLevel: 'silent' });
  await seedServer(t, 60);
  const exec = t.server.database.exec;
  const { rows: routes } = await exec.query<{ route: string }>(
    'SELECT left(codigo_ruta, 2) AS route FROM subscribers GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1',
  );
  const route = routes[0]!.route;
  const { rows } = await exec.query<{ bill_number: string; codigo_interno: number; period: string; total: number }>(
    `SELECT b.bill_number, b.codigo_interno, b.period, b.total FROM bills b JOIN subscribers s USING (codigo_interno)
     WHERE b.state IN ('pendiente', 'vencida') AND s.codigo_ruta LIKE $1 ORDER BY b.bill_number LIMIT 16`,
    [`${route}-%`],
  );
  const bills = rows.map((r) => ({
    billNumber: Number(r.bill_number),
    codigoInterno: r.codigo_interno,
    period: r.period,
    total: r.total,
  }));
  expect(bills.length).toBeGreaterThanOrEqual(8);
  return { t, route, bills, numbers: new Map() };
}

const enrollField = (f: Field, name: string) => enrollPushingDevice(f.t, name, 'field', { scope: f.route });

/** A payment of the whole bill, taken on the route by the session's collector. */
function payment(f: Field, bill: Bill, device: PushingDevice, sessionId: string, cashier = 'cajero1') {
  const number = (f.numbers.get(device.id) ?? 0) + 1;
  f.numbers.set(device.id, number);
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

/**
 * A day with its payments pushed and applied: the first bill paid in cash, the rest by
 * transfer, as the laptop's records would give the day.
 */
async function collectedDay(f: Field, device: PushingDevice, paid: readonly Bill[], cashier = 'cajero1'): Promise<Day> {
  const sessionId = randomUUID();
  const results = await device.push([
    opened(sessionId, cashier),
    ...paid.map((b) => payment(f, b, device, sessionId, cashier)),
  ]);
  expect(statuses(results)).toEqual(results.map(() => 'applied'));
  const [first, ...rest] = paid;
  return {
    sessionId,
    payments: paid.length,
    amount: paid.reduce((sum, b) => sum + b.total, 0),
    cash: first?.total ?? 0,
    transfer: rest.reduce((sum, b) => sum + b.total, 0),
  };
}

interface HandoverOptions {
  readonly handoverId?: string;
  readonly collector?: string;
  readonly supervisor?: string;
  /** Whose key signs it (default: the supervisor's own, with their password). */
  readonly signer?: string;
  /** The device named in the signed text (default: the pushing device). */
  readonly signFor?: string;
  /** Counted cash; default what the days say (no difference). */
  readonly countedCash?: number;
  readonly difference?: number;
  /** When it was handed over (default: now). */
  readonly handedAt?: string;
  /** A change to the payload after it was signed. */
  readonly tamper?: (payload: Record<string, unknown>) => Record<string, unknown>;
}

/** A `field.handover` event signed as a supervisor does at the laptop. */
async function handover(f: Field, device: PushingDevice, days: readonly Day[], opts: HandoverOptions = {}) {
  const handoverId = opts.handoverId ?? randomUUID();
  const collector = opts.collector ?? 'cajero1';
  const supervisor = opts.supervisor ?? 'supervisor1';
  const signer = opts.signer ?? supervisor;
  const handedAt = opts.handedAt ?? now();
  const countedCash = opts.countedCash ?? days.reduce((sum, d) => sum + d.cash, 0);
  const countedTransfer = days.reduce((sum, d) => sum + d.transfer, 0);
  const expected = days.reduce((sum, d) => sum + d.cash + d.transfer, 0);
  const difference = opts.difference ?? countedCash + countedTransfer - expected;
  const key = await rememberedApprovalKey(f.t.server.database.exec, signer, passwords[signer]!);
  const approval = signApproval(
    key,
    handoverApprovalMessage({
      deviceId: opts.signFor ?? device.id,
      handoverId,
      supervisor,
      collector,
      handedAt,
      days,
      countedCash,
      countedTransfer,
      difference,
    }),
  );
  const payload = {
    handoverId,
    collector,
    supervisor,
    handedAt,
    days,
    countedCash,
    countedTransfer,
    difference,
    approval,
  };
  return event('field.handover', opts.tamper?.(payload) ?? payload);
}

const handoverIdOf = (e: { payload: Record<string, unknown> }) => String(e.payload.handoverId);

async function count(t: TestServer, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await t.server.database.exec.query<{ n: string }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** The one answer of a push of one event, refused with `reason`. */
async function refused(device: PushingDevice, e: ReturnType<typeof event>, reason: RegExp): Promise<void> {
  const [result, ...more] = await device.push([e]);
  expect(more).toEqual([]);
  expect(result).toEqual({ id: e.id, status: 'rejected', reason: expect.stringMatching(reason) });
}

/** Nothing of the handover was written and every named day is still open. */
async function nothingWritten(t: TestServer, handoverId: string, sessionIds: readonly string[]): Promise<void> {
  expect(await count(t, 'SELECT count(*) AS n FROM field_handovers WHERE id = $1', [handoverId])).toBe(0);
  expect(await count(t, 'SELECT count(*) AS n FROM field_handover_days WHERE handover_id = $1', [handoverId])).toBe(0);
  await stillOpen(t, sessionIds);
}

/** The days' cash sessions are open: no close, no supervisor, no handover of theirs. */
async function stillOpen(t: TestServer, sessionIds: readonly string[]): Promise<void> {
  const ids = [...new Set(sessionIds)];
  const { rows } = await t.server.database.exec.query<{ id: string; closed: boolean; approved_by: string | null }>(
    'SELECT id, closed_at IS NOT NULL AS closed, approved_by FROM cash_sessions WHERE id = ANY($1::uuid[]) ORDER BY id',
    [ids],
  );
  expect(rows).toEqual(ids.sort().map((id) => ({ id, closed: false, approved_by: null })));
  expect(
    await count(t, 'SELECT count(*) AS n FROM field_handover_days WHERE session_id = ANY($1::uuid[])', [ids]),
  ).toBe(0);
}

async function sessionClosed(
  t: TestServer,
  sessionId: string,
): Promise<{ closed: boolean; approvedBy: string | null }> {
  const { rows } = await t.server.database.exec.query<{ closed: boolean; approved_by: string | null }>(
    'SELECT closed_at IS NOT NULL AS closed, approved_by FROM cash_sessions WHERE id = $1',
    [sessionId],
  );
  return { closed: rows[0]!.closed, approvedBy: rows[0]!.approved_by };
}

describeEachServerDatabase('sync: the server decides which entrega de recaudo it takes', (variant) => {
  it(
    'applies a signed handover once, and refuses a second one, a forged or altered signature, a cashier as supervisor, a difference that does not add up and a day named twice',
    { timeout: 90_000 },
    async () => {
      const f = await fieldScenario(variant);
      const { t } = f;
      const exec = t.server.database.exec;
      const laptop = await enrollField(f, 'Portátil ruta');
      const b = (i: number) => f.bills[i]!;

      // The legitimate handover: one day, two payments, $ 1.000 short in cash.
      const day = await collectedDay(f, laptop, [b(0), b(1)]);
      const good = await handover(f, laptop, [day], { countedCash: day.cash - 1000 });
      expect(await laptop.push([good])).toEqual([{ id: good.id, status: 'applied' }]);
      const { rows: handovers } = await exec.query(
        `SELECT device_id, collector, supervisor, expected_cash, expected_transfer, counted_cash, counted_transfer,
           difference, matches_server FROM field_handovers`,
      );
      expect(handovers).toEqual([
        {
          device_id: laptop.id,
          collector: 'cajero1',
          supervisor: 'supervisor1',
          expected_cash: b(0).total,
          expected_transfer: b(1).total,
          counted_cash: b(0).total - 1000,
          counted_transfer: b(1).total,
          difference: -1000,
          matches_server: true,
        },
      ]);
      const { rows: days } = await exec.query('SELECT * FROM field_handover_days');
      expect(days).toEqual([
        {
          handover_id: handoverIdOf(good),
          session_id: day.sessionId,
          payments: 2,
          amount: b(0).total + b(1).total,
          cash: b(0).total,
          transfer: b(1).total,
          server_payments: 2,
          server_amount: b(0).total + b(1).total,
        },
      ]);
      expect(await sessionClosed(t, day.sessionId)).toEqual({ closed: true, approvedBy: 'supervisor1' });

      // The same event again (a retry after a lost answer): a duplicate, nothing written twice.
      expect(await laptop.push([good])).toEqual([{ id: good.id, status: 'duplicate' }]);
      // The same day handed over again under a new handover.
      await refused(laptop, await handover(f, laptop, [day]), /ya estaba cerrado o entregado/);
      expect(await count(t, 'SELECT count(*) AS n FROM field_handovers')).toBe(1);
      expect(await count(t, 'SELECT count(*) AS n FROM field_handover_days')).toBe(1);

      // A second day, still open, for every refusal below.
      const open = await collectedDay(f, laptop, [b(2), b(3)]);
      const attempts: { e: ReturnType<typeof event>; reason: RegExp }[] = [
        // Signed with a cashier's key in the supervisor's name.
        {
          e: await handover(f, laptop, [open], { signer: 'cajero1' }),
          reason: /«supervisor1» no tiene una firma válida/,
        },
        // A real signature, and then more cash counted than was signed (the difference kept consistent).
        {
          e: await handover(f, laptop, [open], {
            tamper: (p) => ({ ...p, countedCash: Number(p.countedCash) + 50_000, difference: 50_000 }),
          }),
          reason: /no tiene una firma válida/,
        },
        // A real signature made for another laptop, replayed from this one.
        { e: await handover(f, laptop, [open], { signFor: randomUUID() }), reason: /no tiene una firma válida/ },
        // A signature that is not one at all.
        {
          e: await handover(f, laptop, [open], { tamper: (p) => ({ ...p, approval: 'A'.repeat(43) }) }),
          reason: /firma válida/,
        },
        // A cashier as the one who received it, signing with their own key.
        {
          e: await handover(f, laptop, [open], { supervisor: 'cajero1' }),
          reason: /Quien recibió la entrega «cajero1» no tiene el rol necesario \(supervisor\)/,
        },
        // Someone who is not staff.
        {
          e: await handover(f, laptop, [open], { tamper: (p) => ({ ...p, supervisor: 'nadie' }) }),
          reason: /«nadie» no es un usuario del personal/,
        },
        // A difference that does not add up, signed as such.
        { e: await handover(f, laptop, [open], { difference: 20_000 }), reason: /diferencia de la entrega no cuadra/ },
        // The same day named twice (so its money counts twice against the count), signed as such.
        {
          e: await handover(f, laptop, [open, open], { countedCash: 2 * open.cash }),
          reason: /nombra dos veces el mismo día/,
        },
      ];
      for (const { e, reason } of attempts) {
        await refused(laptop, e, reason);
        await nothingWritten(t, handoverIdOf(e), [open.sessionId]);
      }
      expect(await count(t, 'SELECT count(*) AS n FROM rejected_events WHERE device_id = $1', [laptop.id])).toBe(
        attempts.length + 1,
      );

      // The day the refusals named is still the laptop's to hand over, properly.
      const fine = await handover(f, laptop, [open]);
      expect(statuses(await laptop.push([fine]))).toEqual(['applied']);
      expect(await sessionClosed(t, open.sessionId)).toEqual({ closed: true, approvedBy: 'supervisor1' });
      expect(await count(t, 'SELECT count(*) AS n FROM field_handovers')).toBe(2);
    },
  );

  it(
    'refuses figures moved between tenders after signing, a supervisor handing over to themselves, and dates out of range',
    { timeout: 90_000 },
    async () => {
      const f = await fieldScenario(variant);
      const { t } = f;
      const laptop = await enrollField(f, 'Portátil ruta');
      const day = await collectedDay(f, laptop, [f.bills[0]!, f.bills[1]!]);
      const ids = [day.sessionId];

      // The same total, $ 1.000 moved from the expected cash to the transfers after signing.
      const moved = await handover(f, laptop, [day], {
        tamper: (p) => ({ ...p, days: [{ ...day, cash: day.cash - 1000, transfer: day.transfer + 1000 }] }),
      });
      await refused(laptop, moved, /no tiene una firma válida/);
      await nothingWritten(t, handoverIdOf(moved), ids);

      const self = await handover(f, laptop, [day], { collector: 'supervisor1' });
      await refused(laptop, self, /^Quien recibe la entrega debe ser un supervisor distinto de quien cobró\.$/);
      await nothingWritten(t, handoverIdOf(self), ids);

      const future = await handover(f, laptop, [day], { handedAt: new Date(Date.now() + 3_600_000).toISOString() });
      await refused(laptop, future, /fecha posterior a la del servidor central/);
      const past = await handover(f, laptop, [day], { handedAt: new Date(Date.now() - 30 * 86_400_000).toISOString() });
      await refused(laptop, past, /fecha anterior a la apertura de uno de sus días/);
      await nothingWritten(t, handoverIdOf(past), ids);

      expect(statuses(await laptop.push([await handover(f, laptop, [day])]))).toEqual(['applied']);
    },
  );

  it(
    'takes one handover per id and per day, in one batch as across batches, and no money into a day after it was handed over',
    { timeout: 90_000 },
    async () => {
      const f = await fieldScenario(variant);
      const { t } = f;
      const b = (i: number) => f.bills[i]!;
      const laptop = await enrollField(f, 'Portátil ruta');
      const first = await collectedDay(f, laptop, [b(0)]);
      const second = await collectedDay(f, laptop, [b(1)]);
      const third = await collectedDay(f, laptop, [b(2)]);

      // In one batch: a handover, another one under the same handover id (a different day), and
      // a third naming the first one's day again. Only the first is taken.
      const handoverId = randomUUID();
      const batch = [
        await handover(f, laptop, [first], { handoverId }),
        await handover(f, laptop, [second], { handoverId }),
        await handover(f, laptop, [first]),
      ];
      const results = await laptop.push(batch);
      expect(statuses(results)).toEqual(['applied', 'rejected', 'rejected']);
      expect(results[1]?.reason).toMatch(/Esa entrega ya estaba registrada: su identificador no se usa dos veces\./);
      expect(results[2]?.reason).toMatch(/ya estaba cerrado o entregado/);
      await nothingWritten(t, handoverIdOf(batch[2]!), [second.sessionId]);

      // Across batches: the handover id reused for another day, under a new event id.
      const reused = await handover(f, laptop, [third], { handoverId });
      await refused(laptop, reused, /ya estaba registrada/);
      await stillOpen(t, [second.sessionId, third.sessionId]);
      const { rows } = await t.server.database.exec.query<{ handover_id: string; session_id: string }>(
        'SELECT handover_id, session_id FROM field_handover_days',
      );
      expect(rows).toEqual([{ handover_id: handoverId, session_id: first.sessionId }]);

      // A payment taken after the handover, into the handed-over day: refused, the day's figures stay.
      const late = payment(f, b(3), laptop, first.sessionId);
      await refused(laptop, late, /posterior al cierre de su sesión de caja/);
      expect(await count(t, 'SELECT count(*) AS n FROM payments WHERE cash_session_id = $1', [first.sessionId])).toBe(
        1,
      );
      // The days the refusals named are still the laptop's to hand over, together.
      expect(statuses(await laptop.push([await handover(f, laptop, [second, third])]))).toEqual(['applied']);
    },
  );

  it(
    'refuses a day of another laptop, of another collector, never opened, or already closed, with nothing of the handover written',
    { timeout: 90_000 },
    async () => {
      const f = await fieldScenario(variant);
      const { t } = f;
      const b = (i: number) => f.bills[i]!;
      const laptop = await enrollField(f, 'Portátil 1');
      const other = await enrollField(f, 'Portátil 2');
      const own = await collectedDay(f, laptop, [b(0), b(1)]);
      const othersDay = await collectedDay(f, other, [b(2)]);
      const cajero2Day = await collectedDay(f, laptop, [b(3)], 'cajero2');
      const closedDay = await collectedDay(f, laptop, [b(4)]);
      const closing = event('cash_session.closed', {
        sessionId: closedDay.sessionId,
        cashier: 'cajero1',
        closedAt: now(),
        expectedCash: closedDay.cash,
        countedCash: closedDay.cash,
        expectedCard: 0,
        countedCard: 0,
        expectedCheck: 0,
        countedCheck: 0,
        difference: 0,
        approvedBy: null,
        approval: null,
      });
      expect(statuses(await laptop.push([closing]))).toEqual(['applied']);

      // Another laptop's day, alone and beside one of this laptop's own: the whole handover is refused.
      for (const days of [[othersDay], [own, othersDay]]) {
        const e = await handover(f, laptop, days);
        await refused(laptop, e, /no es de este equipo/);
        await nothingWritten(
          t,
          handoverIdOf(e),
          days.map((d) => d.sessionId),
        );
      }
      // A day the server never saw opened.
      const ghost = { ...own, sessionId: randomUUID() };
      await refused(
        laptop,
        await handover(f, laptop, [ghost]),
        /no es de este equipo \(o el servidor no recibió su apertura\)/,
      );
      // cajero2's day handed over as cajero1's, and cajero1's as cajero2's.
      for (const [days, collector] of [
        [[own, cajero2Day], 'cajero1'],
        [[own], 'cajero2'],
      ] as const) {
        const e = await handover(f, laptop, days, { collector });
        await refused(laptop, e, new RegExp(`no es de «${collector}»`));
        await nothingWritten(
          t,
          handoverIdOf(e),
          days.map((d) => d.sessionId),
        );
      }
      // A day already closed at the laptop (not a handover), beside an open one.
      const late = await handover(f, laptop, [own, closedDay]);
      await refused(laptop, late, /ya estaba cerrado o entregado/);
      await nothingWritten(t, handoverIdOf(late), [own.sessionId]);
      expect(await count(t, 'SELECT count(*) AS n FROM field_handovers')).toBe(0);
      expect(await count(t, 'SELECT count(*) AS n FROM field_handover_days')).toBe(0);

      // Each laptop hands over its own days: the other laptop's day was never spent by the refusals.
      expect(statuses(await other.push([await handover(f, other, [othersDay])]))).toEqual(['applied']);
      expect(statuses(await laptop.push([await handover(f, laptop, [cajero2Day], { collector: 'cajero2' })]))).toEqual([
        'applied',
      ]);
    },
  );

  it(
    'refuses a handover from a counter or a kiosk by its mode, and records one whose payments differ from the server’s without refusing it',
    { timeout: 90_000 },
    async () => {
      const f = await fieldScenario(variant);
      const { t } = f;
      const exec = t.server.database.exec;
      const b = (i: number) => f.bills[i]!;

      // A counter with an open cash session of its own, and a kiosk.
      const counter = await enrollPushingDevice(t, 'Caja 1', 'cashier');
      const kiosk = await enrollPushingDevice(t, 'Kiosco lobby', 'kiosk');
      const counterDay = await collectedDay(f, counter, [b(0), b(1)]);
      const fromCounter = await handover(f, counter, [counterDay]);
      await refused(counter, fromCounter, /no acepta eventos field\.handover de una caja/);
      await nothingWritten(t, handoverIdOf(fromCounter), [counterDay.sessionId]);
      const fromKiosk = await handover(f, kiosk, [counterDay]);
      await refused(kiosk, fromKiosk, /no acepta eventos field\.handover de un kiosco/);
      await nothingWritten(t, handoverIdOf(fromKiosk), [counterDay.sessionId]);

      // The laptop says three payments where the server holds two (one never arrived, or was
      // voided meanwhile): the money is never refused; the office sees the mismatch.
      const laptop = await enrollField(f, 'Portátil ruta');
      const day = await collectedDay(f, laptop, [b(2), b(3)]);
      const claimed = { ...day, payments: 3, amount: day.amount + b(4).total, transfer: day.transfer + b(4).total };
      const e = await handover(f, laptop, [claimed]);
      expect(statuses(await laptop.push([e]))).toEqual(['applied']);
      const { rows } = await exec.query(
        `SELECT h.matches_server, h.expected_transfer, d.payments, d.amount, d.server_payments, d.server_amount
         FROM field_handovers h JOIN field_handover_days d ON d.handover_id = h.id WHERE h.id = $1`,
        [handoverIdOf(e)],
      );
      expect(rows).toEqual([
        {
          matches_server: false,
          expected_transfer: claimed.transfer,
          payments: 3,
          amount: claimed.amount,
          server_payments: 2,
          server_amount: day.amount,
        },
      ]);
      expect(await sessionClosed(t, day.sessionId)).toEqual({ closed: true, approvedBy: 'supervisor1' });
      expect(await count(t, 'SELECT count(*) AS n FROM field_handovers')).toBe(1);
    },
  );

  it(
    'answers the handover figures only to a field laptop, and only of its own days, with the saldo a favor they made',
    { timeout: 90_000 },
    async () => {
      const f = await fieldScenario(variant);
      const { t } = f;
      const b = (i: number) => f.bills[i]!;
      const client = new ServerClient(t.server.url);
      const laptop = await enrollField(f, 'Portátil 1');
      const other = await enrollField(f, 'Portátil 2');
      const counter = await enrollPushingDevice(t, 'Caja 1', 'cashier');

      // The laptop's day: two bills, the first one charged twice (the second payment is saldo a favor).
      const day = await collectedDay(f, laptop, [b(0), b(1), b(0)]);
      const othersDay = await collectedDay(f, other, [b(2), b(2)]);
      const counterDay = await collectedDay(f, counter, [b(3)]);
      const { rows: credits } = await t.server.database.exec.query<{ payment_id: string; device_id: string }>(
        'SELECT c.payment_id, p.device_id FROM subscriber_credits c JOIN payments p ON p.id = c.payment_id',
      );
      expect(credits.map((c) => c.device_id).sort()).toEqual([laptop.id, other.id].sort());

      const forCounter = await client.call('field.handoverFigures', { sessions: [counterDay.sessionId] }, counter);
      expect(forCounter).toEqual({
        ok: false,
        error: { code: 'forbidden', message: expect.stringMatching(/Solo un equipo de campo entrega recaudo/) },
      });

      const unknownDay = randomUUID();
      const answer = await client.call(
        'field.handoverFigures',
        { sessions: [othersDay.sessionId, counterDay.sessionId, unknownDay, day.sessionId] },
        laptop,
      );
      if (!answer.ok) throw new Error(answer.error.message);
      const nothing = { known: false, closed: false, payments: 0, amount: 0 };
      expect(answer.value.sessions).toEqual([
        { sessionId: othersDay.sessionId, ...nothing },
        { sessionId: counterDay.sessionId, ...nothing },
        { sessionId: unknownDay, ...nothing },
        { sessionId: day.sessionId, known: true, closed: false, payments: 3, amount: 2 * b(0).total + b(1).total },
      ]);
      const laptopCredit = credits.find((c) => c.device_id === laptop.id)!;
      expect(answer.value.credits).toEqual([
        {
          paymentId: laptopCredit.payment_id,
          reference: `${laptop.prefix}-000003`,
          codigoInterno: b(0).codigoInterno,
          period: b(0).period,
          amount: b(0).total,
          reason: expect.stringMatching(
            new RegExp(`Factura ${b(0).period} ya estaba pagada: .* quedan como saldo a favor\\.`),
          ),
        },
      ]);

      // Another laptop's days alone: nothing of them, not even their saldo a favor.
      const snooping = await client.call('field.handoverFigures', { sessions: [othersDay.sessionId] }, laptop);
      expect(snooping.ok && snooping.value).toMatchObject({
        sessions: [{ sessionId: othersDay.sessionId, ...nothing }],
        credits: [],
      });

      // Handed over, the day reads as closed.
      expect(statuses(await laptop.push([await handover(f, laptop, [day])]))).toEqual(['applied']);
      const after = await client.call('field.handoverFigures', { sessions: [day.sessionId] }, laptop);
      expect(after.ok && after.value.sessions).toEqual([
        { sessionId: day.sessionId, known: true, closed: true, payments: 3, amount: 2 * b(0).total + b(1).total },
      ]);
    },
  );
});
