import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import type { Store } from '../../../src-main/store/open-store';
import { outboxLine } from '../../../src-shared/field/field-words';
import { startChild } from '../../support/child-process';
import { childLines } from '../../support/child-lines';
import { outboxStates } from '../../support/outbox-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { openTestStore } from '../../support/replica-store';
import { startTestServer } from '../../support/server-harness';
import { enrolledDevice, seedServer, until } from '../../support/sync-support';
import { tempDir } from '../../support/temp-dir';
import { startTestCore, testConfig } from '../../support/test-app';

/**
 * A field laptop collecting offline-first: enrolled as a field device for one ciclo of a real
 * central server (PGlite and PostgreSQL), its app core in a child process collects one bill
 * after another through `field.collect` and is `kill -9`ed at random moments, three times.
 * Every payment it reported survives each kill with its one event and its receipt number, in
 * an unbroken series; then the laptop starts again, sends what is left, and the server holds
 * each payment once, channel `campo`, in the day's cash session.
 */
const kills = 3;
const staff = { username: 'cajero1', password: '482615' };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Reported {
  readonly id: string;
  readonly receiptNumber: string;
}

function expectWholeRecords(store: Store, reported: readonly Reported[]): void {
  const lookup = store.sqlite.prepare(
    `SELECT p.receipt_number AS receiptNumber,
            (SELECT count(*) FROM outbox o WHERE o.type = 'payment.taken' AND json_extract(o.payload, '$.paymentId') = p.id
               AND json_extract(o.payload, '$.channel') = 'campo') AS events
     FROM cashier_payments p WHERE p.id = ?`,
  );
  for (const payment of reported)
    expect(lookup.all(payment.id), payment.receiptNumber).toEqual([
      { receiptNumber: payment.receiptNumber, events: 1 },
    ]);
  const orphans = store.sqlite
    .prepare(
      `SELECT
         (SELECT count(*) FROM cashier_payments p WHERE (SELECT count(*) FROM outbox o WHERE o.type = 'payment.taken' AND json_extract(o.payload, '$.paymentId') = p.id) <> 1) AS withoutOneEvent,
         (SELECT count(*) FROM outbox o WHERE o.type = 'payment.taken' AND NOT EXISTS (SELECT 1 FROM cashier_payments p WHERE p.id = json_extract(o.payload, '$.paymentId'))) AS eventsWithoutPayment`,
    )
    .get();
  expect(orphans).toEqual({ withoutOneEvent: 0, eventsWithoutPayment: 0 });
  const numbers = store.sqlite
    .prepare('SELECT receipt_number FROM cashier_payments ORDER BY receipt_number')
    .pluck()
    .all() as string[];
  expect(numbers.map((n) => Number(n.split('-').at(-1)))).toEqual(numbers.map((_, i) => i + 1));
}

describeEachServerDatabase('field: a laptop killed while it collects', (variant) => {
  it(
    'keeps every reported payment with its event and number, and the server gets each once as campo',
    { timeout: 240_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 600);
      const exec = t.server.database.exec;
      // The ciclo with the most subscribers, as a supervisor would assign its routes.
      const busiest = await exec.query<{ route: string }>(
        `SELECT left(codigo_ruta, 2) AS route FROM subscribers GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      );
      const route = busiest.rows[0]?.route ?? '';
      const dir = tempDir('field-kill');
      onTestFinished(() => dir.remove());
      writeFileSync(path.join(dir.path, 'ventanilla.json'), JSON.stringify({ device: { mode: 'field' } }));
      const enrolling = await enrolledDevice(t, { dir: dir.path, mode: 'field', scope: route });
      await until(
        'the route downloaded',
        // Caught up, not just a first page: field.openDay refuses a day on an unfinished download.
        () => enrolling.meta.get('caughtUpAt'),
        (at) => at !== null,
        60_000,
      );
      await enrolling.stop();
      const store = openTestStore(path.join(dir.path, 'device'));
      onTestFinished(() => store.close());
      const held = store.sqlite.prepare('SELECT codigo_ruta FROM subscribers').pluck().all() as string[];
      expect(held.length).toBeGreaterThan(0);
      expect(held.filter((r) => !r.startsWith(`${route}-`))).toEqual([]);

      const reported: Reported[] = [];
      for (let k = 0; k < kills; k += 1) {
        const child = startChild('field-process', [dir.path, t.server.url], { bundled: true });
        const lines = childLines(child);
        await child.firstLine;
        child.process.stdin?.write(`${JSON.stringify({ loop: staff })}\n`);
        await lines.wait((line) => /^\{"(paid|refused|done)"/.test(line), 60_000);
        await pause(Math.random() * 800);
        await child.kill9();
        await lines.ended;
        const parsed = lines.seen
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as { paid?: Reported; refused?: unknown });
        expect(parsed.flatMap((l) => (l.refused === undefined ? [] : [l.refused]))).toEqual([]);
        reported.push(...parsed.flatMap((l) => (l.paid === undefined ? [] : [l.paid])));
        expectWholeRecords(store, reported);
      }
      const taken = store.sqlite.prepare('SELECT count(*) FROM cashier_payments').pluck().get() as number;
      expect(reported.length).toBeGreaterThan(0);
      expect(taken).toBeGreaterThanOrEqual(reported.length);

      // Back in range: the laptop starts again and sends what is left.
      const back = startTestCore(testConfig(dir.path), t.server.url);
      onTestFinished(() => back.stop());
      await until(
        'outbox sent',
        () => outboxStates({ store }),
        (s) => s.pending === undefined,
        90_000,
      );
      const signed = await back.dispatch('field.signIn', staff);
      if (!signed.ok) throw new Error(signed.error.message);
      const { staffSession } = signed.value as { staffSession: string };
      const status = await back.dispatch('field.status', { staffSession });
      if (!status.ok) throw new Error(status.error.message);
      const outbox = (status.value as { outbox: { pending: number; oldestAt: string | null } }).outbox;
      expect(outboxLine(outbox.pending, outbox.oldestAt, new Date())).toBe(
        'Todos los pagos están enviados al servidor central.',
      );

      const deviceId = store.sqlite.prepare("SELECT value FROM device_meta WHERE key = 'deviceId'").pluck().get();
      const onDevice = store.sqlite
        .prepare(
          'SELECT id, receipt_number AS reference, session_id AS session FROM cashier_payments ORDER BY receipt_number',
        )
        .all() as { id: string; reference: string; session: string }[];
      const onServer = await exec.query<{ id: string; reference: string; session: string; channel: string }>(
        `SELECT id::text, reference, cash_session_id::text AS session, channel FROM payments
         WHERE device_id = $1 ORDER BY reference`,
        [deviceId],
      );
      expect(onServer.rows).toEqual(onDevice.map((p) => ({ ...p, channel: 'campo' })));
      expect(new Set(onDevice.map((p) => p.session)).size).toBe(1);
      expect((await exec.query('SELECT id FROM rejected_events WHERE device_id = $1', [deviceId])).rows).toEqual([]);
    },
  );
});
