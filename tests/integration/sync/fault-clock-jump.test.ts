import { expect, it, onTestFinished } from 'vitest';
import { DEFAULT_MAIL_FROM, type ServerConfig } from '../../../src-server/config';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { startServer, type RunningServer } from '../../../src-server/index';
import { createServerLogger } from '../../../src-server/logger';
import type { OpInput, OpName, OpOutput } from '../../../src-shared/api/contract';
import type { Result } from '../../../src-shared/api/result';
import { startCounter, type CounterChild } from '../../support/counter-child';
import { freePort } from '../../support/free-port';
import { outboxStates } from '../../support/outbox-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { openTestStore } from '../../support/replica-store';
import { tempDir } from '../../support/temp-dir';
import { startTestCore, testConfig } from '../../support/test-app';
import { prepareDatabase } from '../../support/server-harness';
import { seedServer, until } from '../../support/sync-support';

/**
 * A counter whose wall clock jumps while the central server is down, hours forward and then
 * back, as a clock set by hand or a dead CMOS battery does. The counter runs in a child whose
 * `Date` is shifted (tests/support/processes/shifted-clock.ts): the whole process sees the
 * jump, UUIDv7 ids and payment dates included, while the server keeps the true time.
 *
 * Offline the counter cannot tell its clock is off (its last measured offset was right), so it
 * records; its outbox keeps the order payments were taken in, across a restart with the clock
 * behind. Back online, the server refuses the payment dated hours ahead of its own clock; the
 * counter parks it with the server's reason for a supervisor and the office finds it among the
 * refused events; the rest apply. With the offset measured again, money operations refuse with
 * the clock message until the clock is right — behind or ahead.
 */
const hour = 3_600_000;
const cashier = { username: 'cajero1', password: '482615' };
const supervisor = { username: 'supervisor1', password: 'Supervisor1.Demo' };
const skewMessage = (direction: 'atrasado' | 'adelantado', minutes: number) =>
  `El reloj de este equipo está ${direction} unos ${minutes} minutos respecto al servidor central. Por seguridad no se registran pagos hasta corregirlo: avise a soporte técnico.`;

async function value<K extends OpName>(counter: CounterChild, op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const result = await counter.call(op, input);
  if (!result.ok) throw new Error(`${op}: ${result.error.code} ${result.error.message}`);
  return result.value as OpOutput<K>;
}

describeEachServerDatabase('sync faults: the counter clock jumps while offline', (variant) => {
  it(
    'records offline in the order taken, the server refuses the payment dated ahead and the counter parks it, and money waits for a right clock',
    { timeout: 120_000 },
    async () => {
      const { dir: serverDir, databaseUrl } = await prepareDatabase(variant);
      onTestFinished(() => serverDir.remove());
      const config: ServerConfig = {
        dataDir: serverDir.path,
        databaseUrl,
        host: '127.0.0.1',
        port: await freePort(),
        logLevel: 'silent',
        enrollmentCodeTtlHours: 24,
        smtpUrl: null,
        mailFrom: DEFAULT_MAIL_FROM,
      };
      const serverUrl = `http://127.0.0.1:${config.port}`;
      let server: RunningServer | null = await startServer(config, { logger: createServerLogger('silent') });
      onTestFinished(() => server?.stop());
      await seedServer({ server }, 20);

      // Enrolled and downloaded in this process, then run as a child whose clock can move.
      const dir = tempDir('fault-clock');
      onTestFinished(() => dir.remove());
      const enrolling = startTestCore(testConfig(dir.path), serverUrl);
      const { code } = await createEnrollmentCode(server.database, { deviceName: 'Caja 1', mode: 'cashier' });
      expect((await enrolling.dispatch('device.enroll', { code })).ok).toBe(true);
      await until(
        'bills downloaded',
        () => enrolling.store.sqlite.prepare('SELECT count(*) FROM bills').pluck().get() as number,
        (n) => n >= 100,
        30_000,
      );
      const bills = enrolling.store.sqlite
        .prepare(
          "SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, total FROM bills WHERE state IN ('pendiente', 'vencida') ORDER BY bill_number LIMIT 6",
        )
        .all() as { billNumber: number; codigoInterno: number; total: number }[];
      await enrolling.stop();
      const store = openTestStore(`${dir.path}/device`);
      onTestFinished(() => store.close());
      const exec = () => server!.database.exec;

      let counter = await startCounter(dir.path, serverUrl, 0, { bundled: true });
      let staffSession = (await value(counter, 'cashier.signIn', cashier)).staffSession;
      const pay = async (n: number): Promise<Result<unknown>> => {
        const bill = bills[n]!;
        return counter.call('cashier.takePayment', {
          staffSession,
          codigoInterno: bill.codigoInterno,
          billNumber: bill.billNumber,
          tenders: [{ kind: 'cash', received: bill.total }],
        });
      };
      const paid = async (n: number) => {
        const result = await pay(n);
        if (!result.ok) throw new Error(`payment ${n}: ${result.error.message}`);
        return (result.value as OpOutput<'cashier.takePayment'>).payment;
      };
      await value(counter, 'cashier.openSession', { staffSession, openingFloat: 100_000 });
      const p1 = await paid(0);
      await until(
        'first payment sent',
        () => outboxStates({ store }),
        (s) => s.pending === undefined && s.sent === 2,
      );
      const offset = async () => (await value(counter, 'status.get', {})).sync.clockOffsetSeconds;
      expect(Math.abs((await offset()) ?? Infinity)).toBeLessThan(60);

      // The server goes down; the counter's clock jumps 3 hours ahead. It cannot know: it records.
      await server.stop();
      server = null;
      await counter.setClock(3 * hour);
      // The jump ends the cashier's session (it looks idle for three hours): signed in again.
      expect(await pay(1)).toMatchObject({ ok: false, error: { code: 'session-ended' } });
      staffSession = (await value(counter, 'cashier.signIn', cashier)).staffSession;
      const p2 = await paid(1);
      expect(Date.parse(p2.takenAt) - Date.now()).toBeGreaterThan(2.9 * hour);

      // Then 3 hours behind the true time, in this run and after a restart with the clock still behind.
      await counter.setClock(-3 * hour);
      const p3 = await paid(2);
      expect(Date.now() - Date.parse(p3.takenAt)).toBeGreaterThan(2.9 * hour);
      await counter.child.stop();
      counter = await startCounter(dir.path, serverUrl, -3 * hour, { bundled: true });
      staffSession = (await value(counter, 'cashier.signIn', cashier)).staffSession;
      const p4 = await paid(3);
      await value(counter, 'cashier.voidPayment', {
        staffSession,
        paymentId: p3.id,
        reason: 'Cobro a código equivocado',
        supervisor,
      });

      // The outbox keeps the order things happened in, whatever the clock said.
      const written = () =>
        (
          store.sqlite
            .prepare(
              "SELECT type, coalesce(json_extract(payload, '$.paymentId'), '') AS paymentId FROM outbox ORDER BY id",
            )
            .all() as { type: string; paymentId: string }[]
        ).map((e) => `${e.type} ${e.paymentId}`.trim());
      expect(written()).toEqual([
        'cash_session.opened',
        `payment.taken ${p1.id}`,
        `payment.taken ${p2.id}`,
        `payment.taken ${p3.id}`,
        `payment.taken ${p4.id}`,
        `payment.voided ${p3.id}`,
      ]);

      // The server is back. It refuses the payment dated hours ahead of its clock; the rest apply.
      server = await startServer(config, { logger: createServerLogger('silent') });
      await until(
        'outbox answered',
        () => outboxStates({ store }),
        (s) => s.pending === undefined,
        60_000,
      );
      expect(outboxStates({ store })).toEqual({ sent: 5, parked: 1 });
      const futureReason =
        'La fecha del pago es posterior a la hora del servidor central: revise el reloj del dispositivo.';
      const p2Event = store.sqlite
        .prepare("SELECT id, last_error AS reason FROM outbox WHERE state = 'parked'")
        .get() as { id: string; reason: string };
      expect(p2Event.reason).toBe(futureReason);
      const onServer = await exec().query<{ id: string; state: string }>(
        'SELECT id, state FROM payments WHERE id = ANY($1::uuid[]) ORDER BY id',
        [[p1.id, p2.id, p3.id, p4.id]],
      );
      expect(onServer.rows).toEqual(
        [
          { id: p1.id, state: 'valid' },
          { id: p3.id, state: 'voided' },
          { id: p4.id, state: 'valid' },
        ].sort((a, b) => a.id.localeCompare(b.id)),
      );
      // What the office finds: the refused event with its reason and the payment it carried.
      const refused = await exec().query<{ id: string; type: string; reason: string; payment: string }>(
        "SELECT id, type, reason, payload->>'paymentId' AS payment FROM rejected_events",
      );
      expect(refused.rows).toEqual([{ id: p2Event.id, type: 'payment.taken', reason: futureReason, payment: p2.id }]);

      // What the counter shows: the parked payment for a supervisor, counted in the status.
      const grant = await value(counter, 'staff.authorize', supervisor);
      const parked = await value(counter, 'sync.parked', { grantId: grant.grantId });
      expect(parked.events).toEqual([
        expect.objectContaining({ id: p2Event.id, type: 'payment.taken', reason: futureReason }),
      ]);
      expect((await value(counter, 'status.get', {})).sync.parkedEvents).toBe(1);

      // Online again, the counter has measured its clock 3 hours behind: money waits for the fix.
      await until('offset measured', offset, (s) => s !== null && s > 2.9 * 3600, 30_000);
      const before = outboxStates({ store });
      expect(await pay(4)).toEqual({ ok: false, error: { code: 'clock-skew', message: skewMessage('atrasado', 180) } });
      expect(outboxStates({ store })).toEqual(before);
      await counter.setClock(0);
      await until('offset measured', offset, (s) => s !== null && Math.abs(s) < 60, 30_000);
      // Three hours passed for the session in the fix: signed in again.
      staffSession = (await value(counter, 'cashier.signIn', cashier)).staffSession;
      const p5 = await paid(4);
      await until(
        'sent',
        () => outboxStates({ store }),
        (s) => s.pending === undefined && s.sent === 6,
      );
      expect((await exec().query('SELECT id FROM payments WHERE id = $1', [p5.id])).rows).toHaveLength(1);

      // A clock that jumps ahead while online is caught at the next exchange with the server.
      await counter.setClock(2 * hour);
      await until('offset measured', offset, (s) => s !== null && s < -1.9 * 3600, 30_000);
      staffSession = (await value(counter, 'cashier.signIn', cashier)).staffSession;
      expect(await pay(5)).toEqual({
        ok: false,
        error: { code: 'clock-skew', message: skewMessage('adelantado', 120) },
      });
      expect(store.sqlite.prepare('SELECT count(*) FROM cashier_payments').pluck().get()).toBe(5);
      await counter.child.stop();
    },
  );
});
