import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import type { Store } from '../../../src-main/store/open-store';
import { startCounter, type ReportedPayment } from '../../support/counter-child';
import { outboxStates, receiptNumber } from '../../support/outbox-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { openTestStore } from '../../support/replica-store';
import { TcpReceiptPrinter } from '../../support/tcp-receipt-printer';
import { tempDir } from '../../support/temp-dir';
import { startTestServer } from '../../support/server-harness';
import { enrolledDevice, expectReplicaEqual, seedServer, until } from '../../support/sync-support';

/**
 * `kill -9` of a counter while it takes payments the way a cashier does: a child process runs
 * the app core enrolled as a counter, signs in, opens its cash session and charges one bill
 * after another through the dispatcher's `cashier.takePayment` — the real service, committing
 * each payment with its outbox event, audit line and receipt number, printing its receipt on a
 * loopback ESC/POS printer, pushing to the central server all the while. It is killed at random
 * moments, several times. After each kill the device's records are whole; at the end the
 * server holds every payment once and its receipt series ends at the device's last number.
 */
const kills = 5;
const staff = { username: 'cajero1', password: '482615' };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a kill may never leave: checked against the store after each one. */
function expectWholeRecords(store: Store, reported: readonly ReportedPayment[], printed: Buffer): void {
  const sqlite = store.sqlite;
  // Every payment the counter reported is there once, with its number and its one event.
  const lookup = sqlite.prepare(
    `SELECT p.receipt_number AS receiptNumber,
            (SELECT count(*) FROM outbox o WHERE o.type = 'payment.taken' AND json_extract(o.payload, '$.paymentId') = p.id
               AND json_extract(o.payload, '$.reference') = p.receipt_number) AS events
     FROM cashier_payments p WHERE p.id = ?`,
  );
  for (const payment of reported)
    expect(lookup.all(payment.id), payment.receiptNumber).toEqual([
      { receiptNumber: payment.receiptNumber, events: 1 },
    ]);

  // No payment without its event and audit line, no event without its payment.
  const orphans = sqlite
    .prepare(
      `SELECT
         (SELECT count(*) FROM cashier_payments p WHERE (SELECT count(*) FROM outbox o WHERE o.type = 'payment.taken' AND json_extract(o.payload, '$.paymentId') = p.id) <> 1) AS paymentsWithoutOneEvent,
         (SELECT count(*) FROM outbox o WHERE o.type = 'payment.taken' AND NOT EXISTS (SELECT 1 FROM cashier_payments p WHERE p.id = json_extract(o.payload, '$.paymentId'))) AS eventsWithoutPayment,
         (SELECT count(*) FROM cashier_payments p WHERE (SELECT count(*) FROM audit_log a WHERE a.action = 'cashier.payment_taken' AND json_extract(a.details, '$.paymentId') = p.id) <> 1) AS paymentsWithoutOneAudit`,
    )
    .get();
  expect(orphans).toEqual({ paymentsWithoutOneEvent: 0, eventsWithoutPayment: 0, paymentsWithoutOneAudit: 0 });

  // Receipt numbers 1…n: none skipped, none twice, none taken by a payment that is not there.
  const numbers = sqlite
    .prepare('SELECT receipt_number FROM cashier_payments ORDER BY receipt_number')
    .pluck()
    .all() as string[];
  expect(numbers).toEqual(numbers.map((_, i) => receiptNumber(store, String(i + 1).padStart(6, '0'))));
  const next = sqlite.prepare("SELECT next FROM number_series WHERE name = 'receipt'").pluck().get() as
    number | undefined;
  expect(next ?? 1).toBe(numbers.length + 1);

  // Receipts: one job per payment at most, and no job's bytes reached the printer twice.
  const jobs = sqlite.prepare("SELECT title, content, state FROM print_jobs WHERE kind = 'receipt'").all() as {
    title: string;
    content: Buffer;
    state: string;
  }[];
  expect(jobs.length).toBe(new Set(jobs.map((j) => j.title)).size);
  expect(jobs.length).toBeLessThanOrEqual(numbers.length);
  for (const job of jobs) {
    const times = occurrences(printed, job.content);
    expect(times, `${job.title} (${job.state}) printed`).toBeLessThanOrEqual(1);
    if (job.state === 'done') expect(times, `${job.title} done`).toBe(1);
  }
}

function occurrences(haystack: Buffer, needle: Buffer): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n += 1;
  return n;
}

describeEachServerDatabase('sync faults: a counter killed while it takes payments', (variant) => {
  it(
    'keeps every reported payment once with its event and number, never reprints by itself, and the server gets each once',
    { timeout: 180_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      // Enough owed bills for five runs of a fast counter: started bundled on a quiet machine it
      // charged every owed bill of 300 subscribers before its fifth kill (CI: «no bill left to charge»).
      await seedServer(t, 1200);
      const printer = await TcpReceiptPrinter.start();
      onTestFinished(() => printer.stop());
      const dir = tempDir('fault-cashier');
      onTestFinished(() => dir.remove());
      writeFileSync(path.join(dir.path, 'ventanilla.json'), JSON.stringify({ printers: { receipt: printer.address } }));
      // Enrolled and downloaded in this process, then handed to child processes that are killed.
      const enrolling = await enrolledDevice(t, { dir: dir.path });
      await expectReplicaEqual(t, enrolling);
      await enrolling.stop();
      const store = openTestStore(path.join(dir.path, 'device'));
      onTestFinished(() => store.close());

      const reported: ReportedPayment[] = [];
      const perRun: number[] = [];
      for (let k = 0; k < kills; k += 1) {
        const counter = await startCounter(dir.path, t.server.url, 0, { bundled: true });
        counter.takePaymentsUntilKilled(staff);
        await counter.lines.wait((line) => line.startsWith('{"paid"') || line.startsWith('{"refused"'), 60_000);
        await pause(Math.random() * 1500);
        await counter.child.kill9();
        await counter.lines.ended;
        const run = counter.reported();
        expect(run.refused).toEqual([]);
        reported.push(...run.paid);
        perRun.push(run.paid.length);
        expectWholeRecords(store, reported, printer.received);
      }
      const taken = store.sqlite.prepare('SELECT count(*) FROM cashier_payments').pluck().get() as number;
      expect(taken, `payments per run: ${perRun.join(', ')}`).toBeGreaterThanOrEqual(reported.length);

      // The counter starts once more and sends what is left: the server has each payment once.
      const last = await startCounter(dir.path, t.server.url, 0, { bundled: true });
      await until(
        'outbox sent',
        () => outboxStates({ store }),
        (s) => s.pending === undefined,
        60_000,
      );
      // It also settles the print jobs the kills left (an unsent one fails, one the printer had
      // is asked about): none stays queued or printing, and none is sent again by itself. The
      // settling asks the printer, so it may end after the outbox has: wait for it, then stop.
      const unsettled = store.sqlite
        .prepare("SELECT count(*) FROM print_jobs WHERE state IN ('queued', 'printing')")
        .pluck();
      await until(
        'the left-over print jobs settled',
        () => unsettled.get() as number,
        (n) => n === 0,
        60_000,
      );
      await last.child.stop();
      expectWholeRecords(store, reported, printer.received);
      expect(unsettled.get()).toBe(0);

      const exec = t.server.database.exec;
      const deviceId = store.sqlite
        .prepare("SELECT value FROM device_meta WHERE key = 'deviceId'")
        .pluck()
        .get() as string;
      const devicePayments = store.sqlite
        .prepare('SELECT id, receipt_number AS reference FROM cashier_payments ORDER BY receipt_number')
        .all() as { id: string; reference: string }[];
      const serverPayments = await exec.query<{ id: string; reference: string }>(
        'SELECT id, reference FROM payments WHERE device_id = $1 ORDER BY reference',
        [deviceId],
      );
      expect(serverPayments.rows).toEqual(devicePayments);
      const applied = await exec.query<{ id: string }>(
        'SELECT id FROM applied_events WHERE device_id = $1 ORDER BY id',
        [deviceId],
      );
      expect(applied.rows.map((r) => r.id)).toEqual(
        store.sqlite.prepare('SELECT id FROM outbox ORDER BY id').pluck().all(),
      );
      expect((await exec.query('SELECT id FROM rejected_events WHERE device_id = $1', [deviceId])).rows).toEqual([]);
      const series = await exec.query<{ last_number: number }>(
        'SELECT last_number FROM receipt_series WHERE device_id = $1',
        [deviceId],
      );
      expect(Number(series.rows[0]?.last_number)).toBe(taken);
    },
  );
});
