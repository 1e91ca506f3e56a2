// First: it installs the movable wall clock (shifted-clock.ts) before the server's modules load.
import {
  addDays,
  bogotaTime,
  startFieldLaptop,
  testProcessClock,
  type FieldLaptopChild,
} from '../../support/field-week';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Store } from '../../../src-main/store/open-store';
import { DEFAULT_MAIL_FROM, type ServerConfig } from '../../../src-server/config';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { startServer, type RunningServer } from '../../../src-server/index';
import { createServerLogger } from '../../../src-server/logger';
import type { OpOutput } from '../../../src-shared/api/contract';
import { bogotaDay, outboxLine } from '../../../src-shared/field/field-words';
import { value } from '../../support/cashier-harness';
import { fieldHarness } from '../../support/field-harness';
import { freePort } from '../../support/free-port';
import { outboxStates } from '../../support/outbox-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { openReplicaStore, openTestStore, replicaNow } from '../../support/replica-store';
import { prepareDatabase } from '../../support/server-harness';
import { testStaffPepper } from '../../support/staff-pepper';
import { seedServer, until } from '../../support/sync-support';
import { tempDir } from '../../support/temp-dir';
import { startTestCore, testConfig } from '../../support/test-app';

/**
 * Issue 16's week in the field: a laptop enrolled for its route and prepared («Preparar
 * salida») at the office on day 0, then 7 Bogotá days without the central server. Each day the
 * collector opens the day and collects cash and transfers; on day 4 the app is `kill -9`ed with
 * payments in flight and started again; on day 5 the clock goes back a few hours (same date),
 * on day 6 a whole day back and is set right, on day 7 it jumps 3 hours ahead and stays so.
 * On day 8 the laptop is back: it sends everything, measures its clock, refuses money while the
 * clock is 3 hours ahead and takes it once the clock is right. The server then holds each
 * payment once, channel `campo`, in its day's cash session, with each day's count and sum equal
 * to the laptop's «Días de recaudo».
 *
 * The laptop is a child process whose wall clock is set per step (shifted-clock.ts); the central
 * server runs in this process, which is moved to day 8 before the server starts again (it
 * refuses payments dated after its own clock, so the week must be behind it).
 */
const staff = { username: 'cajero1', password: '482615' };
const hour = 3_600_000;

interface OwedBill {
  readonly billNumber: number;
  readonly codigoInterno: number;
  readonly total: number;
}
type Collected = OpOutput<'field.collect'>['payment'];

/** The laptop's payments as its store holds them: each with exactly one `payment.taken` event. */
function paymentRecords(store: Store): { id: string; receiptNumber: string; billNumber: number; events: number }[] {
  return store.sqlite
    .prepare(
      `SELECT p.id, p.receipt_number AS receiptNumber, p.bill_number AS billNumber,
              (SELECT count(*) FROM outbox o WHERE o.type = 'payment.taken'
                 AND json_extract(o.payload, '$.paymentId') = p.id) AS events
       FROM cashier_payments p ORDER BY p.receipt_number`,
    )
    .all() as { id: string; receiptNumber: string; billNumber: number; events: number }[];
}

/** Every payment once with one event, no bill twice, and the receipt series 1..n without a gap. */
function expectWholeSeries(store: Store, reported: readonly Collected[]): void {
  const records = paymentRecords(store);
  expect(records.filter((r) => r.events !== 1)).toEqual([]);
  expect(new Set(records.map((r) => r.billNumber)).size).toBe(records.length);
  expect(records.map((r) => Number(r.receiptNumber.split('-').at(-1)))).toEqual(records.map((_, i) => i + 1));
  const byId = new Map(records.map((r) => [r.id, r.receiptNumber]));
  for (const payment of reported) expect(byId.get(payment.id), payment.receiptNumber).toBe(payment.receiptNumber);
}

describeEachServerDatabase('field: a week offline with a kill -9 and clock changes', (variant) => {
  it(
    'files every payment in its day, survives the kill, refuses money on a known-wrong clock, and the server gets each once',
    { timeout: 300_000 },
    async () => {
      onTestFinished(() => testProcessClock.reset());
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
      await seedServer({ server }, 300);
      const exec = () => server!.database.exec;
      const busiest = await exec().query<{ route: string }>(
        `SELECT left(codigo_ruta, 2) AS route FROM subscribers GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      );
      const route = busiest.rows[0]?.route ?? '';

      // Day 0 at the office: enrolled for the route, downloaded, then «Preparar salida».
      const day0 = bogotaDay(new Date());
      const dir = tempDir('field-week');
      onTestFinished(() => dir.remove());
      writeFileSync(path.join(dir.path, 'ventanilla.json'), JSON.stringify({ device: { mode: 'field' } }));
      const enrolling = startTestCore(testConfig(dir.path), serverUrl);
      const { code } = await createEnrollmentCode(server.database, {
        deviceName: 'Portátil ruta',
        mode: 'field',
        scope: route,
      });
      expect((await enrolling.dispatch('device.enroll', { code })).ok).toBe(true);
      // «Sincronizar ahora»: without it the puller finds the new token at the end of its 2 s
      // sleep (puller.ts), and the route is downloaded 2 s later.
      expect((await enrolling.dispatch('sync.now', {})).ok).toBe(true);
      await until(
        'the route downloaded',
        () => enrolling.meta.get('caughtUpAt'),
        (at) => at !== null,
        90_000,
      );
      await enrolling.stop();
      const store = openTestStore(path.join(dir.path, 'device'));
      onTestFinished(() => store.close());

      let laptop: FieldLaptopChild = await startFieldLaptop(dir.path, serverUrl, new Date());
      let staffSession = (await laptop.value('field.signIn', staff)).staffSession;
      const prepared = await laptop.value('field.prepare', { staffSession, redownload: false });
      expect(prepared).toMatchObject({ ok: true, differences: [] });
      expect(prepared.message).toContain('Salida preparada');

      // The laptop is shut at the office and the route is out of range for a week. The data's
      // age is its last pull before it was shut.
      await laptop.counter.child.stop();
      const dataAsOf = store.sqlite.prepare("SELECT value FROM device_meta WHERE key = 'lastPullAt'").pluck().get() as
        string | undefined;
      await server.stop();
      server = null;
      laptop = await startFieldLaptop(dir.path, serverUrl, bogotaTime(addDays(day0, 1), '07:55'));
      expect(bogotaDay(new Date(dataAsOf ?? ''))).toBe(day0);
      expect(Date.parse(dataAsOf ?? '')).toBeGreaterThanOrEqual(Date.parse(prepared.dataAsOf ?? ''));

      const owed = store.sqlite.prepare(
        `SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, total FROM bills
         WHERE state IN ('pendiente', 'vencida') AND bill_number NOT IN (SELECT bill_number FROM cashier_payments)
         ORDER BY bill_number LIMIT ?`,
      );
      const nextBills = (n: number) => owed.all(n) as OwedBill[];
      let transfers = 0;
      const collect = (bill: OwedBill, tender: 'cash' | 'transfer') => {
        transfers += tender === 'transfer' ? 1 : 0;
        return laptop.call('field.collect', {
          staffSession,
          codigoInterno: bill.codigoInterno,
          billNumber: bill.billNumber,
          amount: bill.total,
          tender:
            tender === 'cash'
              ? { kind: 'cash', received: bill.total + 2_000 }
              : { kind: 'transfer', amount: bill.total, via: 'Nequi', reference: `NQ${100_000 + transfers}` },
          // Data more than a day old: the collector asked, the subscriber had not paid elsewhere.
          notPaidElsewhere: true,
        });
      };
      const reported: Collected[] = [];
      let writtenUnconfirmed = 0;
      const collectOk = async (tender: 'cash' | 'transfer'): Promise<Collected> => {
        const [bill] = nextBills(1);
        if (bill === undefined) throw new Error('no owed bill left on the route');
        const result = await collect(bill, tender);
        if (!result.ok) throw new Error(`field.collect: ${result.error.code} ${result.error.message}`);
        reported.push(result.value.payment);
        return result.value.payment;
      };
      const status = () => laptop.value('field.status', { staffSession });
      const paymentsNow = () => store.sqlite.prepare('SELECT count(*) FROM cashier_payments').pluck().get() as number;
      const dayIds: string[] = [];
      const openDay = async (date: string) => {
        const day = await laptop.value('field.openDay', { staffSession });
        expect(day).toMatchObject({ date, state: 'open', payments: 0, total: 0 });
        dayIds.push(day.id);
        return day;
      };
      /** Signs in again: the session of yesterday (or of a clock moved by hours) has ended. */
      const signIn = async () => {
        staffSession = (await laptop.value('field.signIn', staff)).staffSession;
      };
      /** What the bar under the title says: every payment so far unsent, the oldest from day 1. */
      const expectUnsent = async (date: string, now: Date) => {
        const { outbox, lastPullAt, today } = await status();
        expect(outbox.pending).toBe(paymentsNow());
        expect(bogotaDay(new Date(outbox.oldestAt ?? ''))).toBe(addDays(day0, 1));
        expect(lastPullAt).toBe(dataAsOf);
        expect(today?.date).toBe(date);
        const days = Math.floor((now.getTime() - Date.parse(outbox.oldestAt ?? '')) / (24 * hour));
        if (days >= 1)
          expect(outboxLine(outbox.pending, outbox.oldestAt, now)).toBe(
            `${outbox.pending} pagos sin enviar, el más antiguo de hace ${days} ${days === 1 ? 'día' : 'días'}`,
          );
        return today!;
      };

      // Days 1 to 3: open the day, cash, a transfer, cash.
      for (let k = 1; k <= 3; k += 1) {
        const date = addDays(day0, k);
        await laptop.setClockTo(bogotaTime(date, '08:00'));
        await signIn();
        await openDay(date);
        for (const tender of ['cash', 'transfer', 'cash'] as const) await collectOk(tender);
        const today = await expectUnsent(date, bogotaTime(date, '08:05'));
        expect(today).toMatchObject({ payments: 3 });
      }
      expect((await laptop.value('field.days', { staffSession })).days.map((d) => [d.date, d.state])).toEqual([
        [addDays(day0, 3), 'open'],
        [addDays(day0, 2), 'ended'],
        [addDays(day0, 1), 'ended'],
      ]);

      // Day 4: killed with payments in flight, started again; what it reported is there once.
      const day4 = addDays(day0, 4);
      await laptop.setClockTo(bogotaTime(day4, '08:00'));
      await signIn();
      const opened4 = await openDay(day4);
      await collectOk('cash');
      const burst = nextBills(6);
      const inFlight = burst.map((bill, i) => collect(bill, i % 2 === 0 ? 'cash' : 'transfer'));
      for (const answer of inFlight) void answer.catch(() => undefined);
      await laptop.counter.lines.wait(
        (line) => line.includes('"receiptNumber"'),
        60_000,
        laptop.counter.lines.seen.length,
      );
      await laptop.counter.child.kill9();
      await laptop.counter.lines.ended;
      const answered = (await Promise.allSettled(inFlight)).flatMap((a) =>
        a.status === 'fulfilled' && a.value.ok ? [a.value.value.payment] : [],
      );
      expect(answered.length).toBeGreaterThan(0);
      reported.push(...answered);
      expectWholeSeries(store, reported);

      laptop = await startFieldLaptop(dir.path, serverUrl, bogotaTime(day4, '10:00'));
      await signIn();
      expect(await laptop.value('field.openDay', { staffSession })).toMatchObject({ id: opened4.id, date: day4 });
      // The collector goes back to the subscribers whose payment the screen never confirmed: a
      // payment that was written is refused, naming its receipt, and is never taken twice.
      const taken = new Map(paymentRecords(store).map((r) => [r.billNumber, r.receiptNumber]));
      const unconfirmed = burst.filter((b) => !answered.some((p) => p.billNumber === b.billNumber));
      writtenUnconfirmed = unconfirmed.filter((b) => taken.has(b.billNumber)).length;
      for (const bill of unconfirmed) {
        const again = await collect(bill, 'cash');
        const receipt = taken.get(bill.billNumber);
        if (receipt !== undefined) {
          expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
          expect(!again.ok && again.error.message).toMatch(
            new RegExp(`^Ya se cobró en este equipo \\(recibo ${receipt}\\)\\. No se puede cobrar de nuevo en terreno`),
          );
        } else if (again.ok) reported.push(again.value.payment);
        else throw new Error(`field.collect after the restart: ${again.error.message}`);
      }
      await collectOk('transfer');
      expectWholeSeries(store, reported);
      await expectUnsent(day4, bogotaTime(day4, '10:05'));

      // Day 5: the clock goes back 5 hours (a time zone set wrong), still the same date but
      // before the day was opened: evidently wrong, so no money is taken and nothing is written
      // until the clock is right; then day 5 goes on.
      const day5 = addDays(day0, 5);
      await laptop.setClockTo(bogotaTime(day5, '08:00'));
      await signIn();
      await openDay(day5);
      await collectOk('cash');
      await collectOk('transfer');
      await laptop.setClockTo(bogotaTime(day5, '03:10'));
      await signIn();
      const paidBefore = paymentsNow();
      const [tooEarly] = nextBills(1);
      const behind = await collect(tooEarly!, 'cash');
      expect(behind).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(!behind.ok && behind.error.message).toMatch(
        /^El reloj de este equipo marca una hora anterior a la apertura/,
      );
      expect(paymentsNow()).toBe(paidBefore);
      await laptop.setClockTo(bogotaTime(day5, '09:10'));
      await signIn();
      const later = await collectOk('cash');
      expect(bogotaDay(new Date(later.takenAt))).toBe(day5);
      expect(await expectUnsent(day5, bogotaTime(day5, '09:15'))).toMatchObject({ payments: 3 });

      // Day 6: the clock goes back a whole day (a dead CMOS battery, a date typed wrong). Today
      // is not the open day any more: no money is taken and nothing is written.
      const day6 = addDays(day0, 6);
      await laptop.setClockTo(bogotaTime(day6, '09:00'));
      await signIn();
      const opened6 = await openDay(day6);
      await collectOk('cash');
      await laptop.setClockTo(bogotaTime(day5, '09:30'));
      await signIn();
      const before = paymentsNow();
      const outboxBefore = outboxStates({ store });
      expect((await status()).today).toBeNull();
      const [wrongDay] = nextBills(1);
      // Refused: the clock reads before the open day began (and «Abrir el día» is refused too, below).
      expect(await collect(wrongDay!, 'cash')).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(paymentsNow()).toBe(before);
      expect(outboxStates({ store })).toEqual(outboxBefore);
      // The collector sees the wrong date and sets the clock right: day 6 goes on.
      await laptop.setClockTo(bogotaTime(day6, '10:30'));
      await signIn();
      expect((await status()).today).toMatchObject({ id: opened6.id, payments: 1 });
      await collectOk('transfer');
      await collectOk('cash');
      await expectUnsent(day6, bogotaTime(day6, '10:35'));

      // Day 7: the clock jumps 3 hours ahead and stays so; still day 7.
      const day7 = addDays(day0, 7);
      await laptop.setClockTo(bogotaTime(day7, '08:00'));
      await signIn();
      await openDay(day7);
      await collectOk('cash');
      await laptop.setClockTo(bogotaTime(day7, '11:00'));
      await signIn();
      await collectOk('transfer');
      await collectOk('cash');
      await expectUnsent(day7, bogotaTime(day7, '11:05'));
      const week = await laptop.value('field.days', { staffSession });
      expect(week.days.map((d) => d.date)).toEqual([7, 6, 5, 4, 3, 2, 1].map((k) => addDays(day0, k)));
      expect(week.days.map((d) => d.id)).toEqual([...dayIds].reverse());

      // Day 8: back at the office. The server's clock is day 8's; the laptop's still 3 hours ahead.
      await laptop.counter.child.stop();
      const day8 = addDays(day0, 8);
      testProcessClock.setTo(bogotaTime(day8, '08:00'));
      server = await startServer(config, { logger: createServerLogger('silent') });
      laptop = await startFieldLaptop(dir.path, serverUrl, new Date(Date.now() + 3 * hour));
      await until(
        'the week sent',
        () => outboxStates({ store }),
        (s) => s.pending === undefined,
        90_000,
      );
      expect(outboxStates({ store })).toEqual({ sent: paymentsNow() + 7 });
      const offset = async () => (await laptop.value('status.get', {})).sync.clockOffsetSeconds;
      await until('the clock measured', offset, (s) => s !== null && s < -2.9 * 3600, 30_000);
      await signIn();
      expect((await status()).outbox).toEqual({ pending: 0, oldestAt: null });
      const atOffice = paymentsNow();
      const skew = {
        ok: false,
        error: {
          code: 'clock-skew',
          message:
            'El reloj de este equipo está adelantado unos 180 minutos respecto al servidor central. ' +
            'Por seguridad no se registran pagos hasta corregirlo: avise a soporte técnico.',
        },
      };
      // A day takes its date from the clock: with one known to be wrong, no day opens either.
      expect(await laptop.call('field.openDay', { staffSession })).toEqual(skew);
      expect(await collect(nextBills(1)[0]!, 'cash')).toEqual(skew);
      expect(paymentsNow()).toBe(atOffice);
      await laptop.setClockTo(new Date());
      await until('the clock measured right', offset, (s) => s !== null && Math.abs(s) < 60, 30_000);
      await signIn();
      await openDay(day8);
      await collectOk('cash');
      await until(
        'the last payment sent',
        () => outboxStates({ store }),
        (s) => s.pending === undefined,
        60_000,
      );

      // The server holds each payment once, campo, in the session of its day; per day the same
      // count and sum as the laptop's «Días de recaudo».
      expectWholeSeries(store, reported);
      const deviceId = store.sqlite.prepare("SELECT value FROM device_meta WHERE key = 'deviceId'").pluck().get();
      const onDevice = store.sqlite
        .prepare(
          `SELECT id, receipt_number AS reference, session_id AS session, amount FROM cashier_payments
           WHERE state = 'valid' ORDER BY receipt_number`,
        )
        .all() as { id: string; reference: string; session: string; amount: number }[];
      expect(onDevice.length).toBe(reported.length + writtenUnconfirmed);
      const onServer = await exec().query<{ id: string; reference: string; session: string; amount: number }>(
        `SELECT id::text, reference, cash_session_id::text AS session, amount, channel, state FROM payments
         WHERE device_id = $1 ORDER BY reference`,
        [deviceId],
      );
      expect(onServer.rows).toEqual(onDevice.map((p) => ({ ...p, channel: 'campo', state: 'valid' })));
      const serverDays = await exec().query<{ id: string; date: string; payments: number; total: number }>(
        `SELECT s.id::text, to_char(s.opened_at AT TIME ZONE 'America/Bogota', 'YYYY-MM-DD') AS date,
                count(p.id)::int AS payments, coalesce(sum(p.amount), 0)::int AS total
         FROM cash_sessions s LEFT JOIN payments p ON p.cash_session_id = s.id
         WHERE s.device_id = $1 GROUP BY s.id, s.opened_at ORDER BY s.opened_at DESC`,
        [deviceId],
      );
      const laptopDays = (await laptop.value('field.days', { staffSession })).days;
      expect(laptopDays.map((d) => d.date)).toEqual([8, 7, 6, 5, 4, 3, 2, 1].map((k) => addDays(day0, k)));
      expect(serverDays.rows).toEqual(
        laptopDays.map((d) => ({ id: d.id, date: d.date, payments: d.payments, total: d.total })),
      );
      expect(laptopDays.reduce((sum, d) => sum + d.total, 0)).toBe(onDevice.reduce((sum, p) => sum + p.amount, 0));
      expect((await exec().query('SELECT id FROM rejected_events WHERE device_id = $1', [deviceId])).rows).toEqual([]);
      await laptop.counter.child.stop();
    },
  );
});

/**
 * The clock set back across midnight while a day is open (a dead CMOS battery, a wrong manual
 * change): «Abrir el día» and «Cobrar» are refused with a clock message until the clock is right,
 * so no second collection day opens for an earlier date, no day ends before it opened, and no
 * payment is filed under the wrong date (src-main/field/field-days.ts, clockRefusal).
 */
describe('field: the clock set back a day while offline', () => {
  it('never opens a second collection day for a date, nor ends a day before it opened', async () => {
    const dir = tempDir('field-clock-back');
    onTestFinished(() => dir.remove());
    let clock = new Date('2026-03-12T13:00:00Z');
    const setUp = async () => {
      const store = await openReplicaStore(dir.path, { subscribers: 20, staffPepper: testStaffPepper });
      onTestFinished(() => store.close());
      const h = fieldHarness(store, null, () => clock);
      h.meta.set({ lastPullAt: replicaNow.toISOString() });
      const bills = store.sqlite
        .prepare(
          `SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, total FROM bills
           WHERE state IN ('pendiente', 'vencida') ORDER BY bill_number LIMIT 2`,
        )
        .all() as OwedBill[];
      const collect = (staffSession: string, bill: OwedBill) =>
        h.field.collect({
          staffSession,
          codigoInterno: bill.codigoInterno,
          billNumber: bill.billNumber,
          amount: bill.total,
          tender: { kind: 'cash', received: bill.total },
          notPaidElsewhere: true,
        });
      const staffSession = (await value(h.field.signIn(staff))).staffSession;
      await value(h.field.openDay({ staffSession }));
      await value(collect(staffSession, bills[0]!));
      return { store, h, bills, collect, staffSession };
    };
    const { store, h, bills, collect, staffSession } = await setUp();

    clock = new Date('2026-03-11T14:00:00Z');
    // What a collector would try: open «today» and collect. Both refused, with the clock named.
    const clockWords =
      /^El reloj de este equipo marca una hora anterior a la apertura del día de recaudo abierto \(12\/03\/2026 08:00\)\./;
    const opened = await h.field.openDay({ staffSession });
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error.message).toMatch(clockWords);
    const refused = await collect(staffSession, bills[1]!);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(clockWords);

    const days = (await value(h.field.days({ staffSession }))).days;
    expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
    expect(days.map((d) => d.date)).toEqual(['2026-03-12']);
    const endedBeforeOpening = store.sqlite
      .prepare('SELECT count(*) FROM cash_sessions WHERE closed_at IS NOT NULL AND closed_at < opened_at')
      .pluck()
      .get();
    expect(endedBeforeOpening).toBe(0);
  });
});
