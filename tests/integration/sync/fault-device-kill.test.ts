import { expect, it, onTestFinished } from 'vitest';
import { startChild } from '../../support/child-process';
import { openSession, outboxStates, takePayment, unpaidBill } from '../../support/outbox-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { deviceChecksums, serverChecksums } from '../../support/replica-checksum';
import { openTestStore } from '../../support/replica-store';
import { tempDir } from '../../support/temp-dir';
import { latestSeq } from '../../../src-server/sync/feed-reader';
import { startTestServer } from '../../support/server-harness';
import { enrolledDevice, seedServer, until } from '../../support/sync-support';

/**
 * `kill -9` of the app (a child process) in the middle of its first download and in the middle
 * of pushing its outbox, three times each at random moments; then it runs to the end. After
 * it: every change once on the device (its replica hashes like the server's tables) and every
 * event once on the server (applied_events and payments match the outbox one for one).
 */
const kills = 3;
const events = 400;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachServerDatabase('sync faults: the app killed with SIGKILL', (variant) => {
  it(
    'during the first download and during a push, and converges with every change and event once',
    { timeout: 180_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 1200);
      const dir = tempDir('fault-device');
      onTestFinished(() => dir.remove());
      // Enrolled in this process, then handed to child processes that are killed.
      const enrolling = await enrolledDevice(t, { dir: dir.path });
      await enrolling.stop();
      const store = openTestStore(`${dir.path}/device`);
      onTestFinished(() => store.close());
      const cursor = () =>
        Number(
          (store.sqlite.prepare("SELECT value FROM device_meta WHERE key = 'syncCursor'").pluck().get() as
            string | undefined) ?? 0,
        );
      const server = await serverChecksums(t.server.database.exec);

      const latest = await latestSeq(t.server.database.exec);
      let interrupted = 0;
      for (let k = 0; k < kills; k += 1) {
        const before = cursor();
        // Pages of 200 rows: the download takes a few seconds, so the kill lands inside it.
        const child = startChild('device-process', [dir.path, t.server.url, '200'], { bundled: true });
        await child.firstLine;
        await until('a page applied', cursor, (c) => c > before || c === latest, 30_000);
        await pause(Math.random() * 300);
        await child.kill9();
        if (cursor() < latest) interrupted += 1;
      }
      expect(interrupted, 'kills that landed inside the download').toBeGreaterThan(0);
      const finishing = startChild('device-process', [dir.path, t.server.url], { bundled: true });
      await until(
        'replica = server',
        () => deviceChecksums(store),
        (d) => JSON.stringify(d) === JSON.stringify(server),
        60_000,
      );
      await finishing.stop();

      // The cash session's opening, then the payments: `records` events in the outbox.
      openSession({ store });
      const records = events + 1;
      const ids: string[] = [];
      for (let i = 0; i < events; i += 1) {
        const bill = unpaidBill({ store }, i % 50);
        ids.push(takePayment({ store }, bill, 1000 + i, `F1-${i + 1}`));
      }
      const applied = async () =>
        Number(
          (await t.server.database.exec.query<{ n: string }>('SELECT count(*) AS n FROM applied_events')).rows[0]?.n ??
            0,
        );
      for (let k = 0; k < kills; k += 1) {
        const before = await applied();
        const child = startChild('device-process', [dir.path, t.server.url], { bundled: true });
        await child.firstLine;
        await until('a batch applied', applied, (n) => n > before || n === records, 30_000);
        await pause(Math.random() * 100);
        await child.kill9();
      }
      const last = startChild('device-process', [dir.path, t.server.url], { bundled: true });
      await until(
        'outbox sent',
        () => outboxStates({ store }),
        (s) => s.sent === records,
        60_000,
      );
      await last.stop();

      const exec = t.server.database.exec;
      const eventRows = await exec.query<{ id: string }>('SELECT id FROM applied_events');
      const payments = await exec.query<{ n: string }>(
        'SELECT count(*) AS n FROM payments WHERE id = ANY($1::uuid[])',
        [ids],
      );
      const outboxIds = (store.sqlite.prepare('SELECT id FROM outbox').pluck().all() as string[]).sort();
      expect(eventRows.rows.map((r) => r.id).sort()).toEqual(outboxIds);
      expect(Number(payments.rows[0]?.n)).toBe(events);
    },
  );
});
