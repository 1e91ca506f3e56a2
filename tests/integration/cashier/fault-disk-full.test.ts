import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import type { AppCore } from '../../../src-main/app-core';
import { paymentMessages } from '../../../src-main/payment-taking/payment-messages';
import { receiptMessages } from '../../../src-main/devices/receipt-printer/receipt-messages';
import { storeWriteMessages } from '../../../src-main/store/store-write-failure';
import type { DatabaseVariant } from '../../support/postgres';
import { FullDisk } from '../../support/full-disk';
import { outboxStates, receiptNumber, unpaidBill } from '../../support/outbox-fixtures';
import { TcpReceiptPrinter } from '../../support/tcp-receipt-printer';
import { tempDir } from '../../support/temp-dir';
import { startTestServer } from '../../support/server-harness';
import { callOk, enrolledDevice, expectReplicaEqual, seedServer, until } from '../../support/sync-support';

/**
 * The device's disk fills up at the counter. SQLite itself answers SQLITE_FULL (its page cap,
 * see tests/support/full-disk.ts) on the app's own connection, while the real app core runs:
 * staff see in Spanish that nothing was recorded, the payment's transaction leaves nothing
 * behind (no payment, no outbox event, no audit line, no receipt number, no print job), and
 * once space is freed the same payment goes through with the number it did not use. When the
 * disk fills between a payment's commit and its receipt's print job, the payment stands and its
 * receipt is printed again on request. The device-side faults do not depend on the server's
 * database, so PGlite alone serves as the central server.
 */
const pglite: DatabaseVariant = { kind: 'pglite', freshDatabaseUrl: () => Promise.resolve(null) };

interface Written {
  readonly payments: number;
  readonly paymentEvents: number;
  readonly auditLines: number;
  readonly nextReceipt: number;
  readonly printJobs: number;
  readonly sessions: number;
}

function written(core: AppCore): Written {
  const count = (sql: string): number => core.store.sqlite.prepare(sql).pluck().get() as number;
  return {
    payments: count('SELECT count(*) FROM cashier_payments'),
    paymentEvents: count("SELECT count(*) FROM outbox WHERE type = 'payment.taken'"),
    auditLines: count("SELECT count(*) FROM audit_log WHERE action = 'cashier.payment_taken'"),
    nextReceipt: count("SELECT coalesce((SELECT next FROM number_series WHERE name = 'receipt'), 1)"),
    printJobs: count('SELECT count(*) FROM print_jobs'),
    sessions: count('SELECT count(*) FROM cash_sessions'),
  };
}

/** Every payment with its event and audit line, one for one, numbered 1…n without a gap. */
function expectWhole(core: AppCore): void {
  const rows = core.store.sqlite
    .prepare(
      `SELECT p.receipt_number AS number,
              (SELECT count(*) FROM outbox o WHERE o.type = 'payment.taken' AND json_extract(o.payload, '$.paymentId') = p.id) AS events,
              (SELECT count(*) FROM audit_log a WHERE a.action = 'cashier.payment_taken' AND json_extract(a.details, '$.paymentId') = p.id) AS audits
       FROM cashier_payments p ORDER BY p.receipt_number`,
    )
    .all() as { number: string; events: number; audits: number }[];
  const state = written(core);
  expect(rows.map((r) => r.number)).toEqual(
    rows.map((_, i) => receiptNumber(core.store, String(i + 1).padStart(6, '0'))),
  );
  expect(rows.every((r) => r.events === 1 && r.audits === 1)).toBe(true);
  expect(state.paymentEvents).toBe(rows.length);
  expect(state.nextReceipt).toBe(rows.length + 1);
}

async function printedDone(core: AppCore, jobId: string | null): Promise<void> {
  if (jobId === null) throw new Error('no print job');
  await until(
    'receipt printed',
    () => core.dispatch('print.job', { jobId }),
    (r) => r.ok && (r.value as { state: string }).state === 'done',
    20_000,
  );
}

it(
  'refuses a payment the full disk cannot take with a clear message and nothing half-written; once freed, the same payment takes the unused number',
  { timeout: 120_000 },
  async () => {
    const t = await startTestServer(pglite, { logLevel: 'silent' });
    await seedServer(t, 20);
    const printer = await TcpReceiptPrinter.start();
    onTestFinished(() => printer.stop());
    const dir = tempDir('fault-disk');
    onTestFinished(() => dir.remove());
    writeFileSync(path.join(dir.path, 'ventanilla.json'), JSON.stringify({ printers: { receipt: printer.address } }));
    const core = await enrolledDevice(t, { dir: dir.path });
    await expectReplicaEqual(t, core);
    const disk = new FullDisk(core.store.sqlite);
    const { staffSession } = await callOk(core, 'cashier.signIn', { username: 'cajero1', password: '482615' });
    // Chosen now: as payments sync, the feed turns their bills `pagada` in the replica. The same
    // four bills are charged again and again, so each charge is confirmed as one of a bill not owed.
    const bills = [0, 1, 2, 3].map((skip) => unpaidBill(core, skip));
    const pay = (n: number) => {
      const bill = bills[n % bills.length]!;
      return core.dispatch('cashier.takePayment', {
        staffSession,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        tenders: [{ kind: 'cash', received: bill.total }],
        notOwedConfirmed: true,
      });
    };

    // Opening the cash session on a full disk: the dispatcher's words, nothing written.
    disk.fillsAt('cash_sessions');
    expect(await core.dispatch('cashier.openSession', { staffSession, openingFloat: 100_000 })).toEqual({
      ok: false,
      error: { code: 'internal', message: storeWriteMessages['disk-full'] },
    });
    expect(written(core).sessions).toBe(0);
    expect(outboxStates(core)).toEqual({});
    disk.free();
    await callOk(core, 'cashier.openSession', { staffSession, openingFloat: 100_000 });
    const first = await pay(0);
    expect(first).toMatchObject({
      ok: true,
      value: { payment: { receiptNumber: receiptNumber(core.store, '000001') }, printerProblem: null },
    });
    if (first.ok) await printedDone(core, (first.value as { jobId: string | null }).jobId);

    // The disk fills as the payment's outbox event is written: after its row, its audit line and
    // its receipt number, in the same transaction. All of it is undone.
    const before = written(core);
    const printedBefore = printer.received.length;
    disk.fillsAt('outbox');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(await pay(1)).toEqual({
        ok: false,
        error: { code: 'internal', message: paymentMessages.notRecorded['disk-full'] },
      });
      expect(written(core)).toEqual(before);
    }
    expect(printer.received.length).toBe(printedBefore);
    expectWhole(core);

    disk.free();
    const second = await pay(1);
    expect(second).toMatchObject({
      ok: true,
      value: { payment: { receiptNumber: receiptNumber(core.store, '000002') }, printerProblem: null },
    });
    if (second.ok) await printedDone(core, (second.value as { jobId: string | null }).jobId);
    expect(printer.received.includes(Buffer.from(receiptNumber(core.store, '000002')))).toBe(true);

    // The disk fills between the payment's commit and its receipt's print job: the payment
    // stands with its event, the receipt could not be stored, and is reprinted once space is back.
    disk.fillsAt('print_jobs');
    const third = await pay(2);
    expect(third).toMatchObject({
      ok: true,
      value: {
        payment: { receiptNumber: receiptNumber(core.store, '000003') },
        jobId: null,
        printerProblem: receiptMessages.notStored,
      },
    });
    expect(written(core)).toMatchObject({ payments: 3, paymentEvents: 3, printJobs: 2 });
    disk.free();
    const thirdId = third.ok ? (third.value as { payment: { id: string } }).payment.id : '';
    const copy = await callOk(core, 'cashier.reprint', { staffSession, paymentId: thirdId });
    expect(copy.printerProblem).toBeNull();
    await printedDone(core, copy.jobId);
    expect(printer.received.includes(Buffer.from(receiptNumber(core.store, '000003')))).toBe(true);
    expectWhole(core);

    // The disk really full, no trigger: every free page taken. Payments go on while their rows
    // still fit in pages the file has (their receipts may not), until one needs a new page.
    disk.fillUp();
    let refused = null;
    for (let n = 3; n < 200 && refused === null; n += 1) {
      const result = await pay(n);
      if (!result.ok) refused = result.error;
      else
        expect([null, receiptMessages.notStored]).toContain(
          (result.value as { printerProblem: string | null }).printerProblem,
        );
      expectWhole(core);
    }
    expect(refused).toEqual({ code: 'internal', message: paymentMessages.notRecorded['disk-full'] });
    disk.free();
    const taken = written(core).payments;

    // Everything reaches the central server once, and its series ends where the device's does.
    await until(
      'outbox sent',
      () => outboxStates(core),
      (s) => s.pending === undefined && s.sent === taken + 1,
      30_000,
    );
    const exec = t.server.database.exec;
    const server = await exec.query<{ reference: string }>(
      'SELECT reference FROM payments WHERE device_id = $1 ORDER BY reference',
      [core.meta.get('deviceId')],
    );
    expect(server.rows.map((r) => r.reference)).toEqual(
      Array.from({ length: taken }, (_, i) => receiptNumber(core.store, String(i + 1).padStart(6, '0'))),
    );
    const series = await exec.query<{ last_number: number }>(
      'SELECT last_number FROM receipt_series WHERE device_id = $1',
      [core.meta.get('deviceId')],
    );
    expect(Number(series.rows[0]?.last_number)).toBe(taken);
  },
);
