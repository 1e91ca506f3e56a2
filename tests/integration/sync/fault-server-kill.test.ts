import { expect, it, onTestFinished } from 'vitest';
import { DEFAULT_MAIL_FROM } from '../../../src-server/config';
import { openServerDatabase } from '../../../src-server/db/open';
import { startServer } from '../../../src-server/index';
import { createServerLogger } from '../../../src-server/logger';
import { startChild } from '../../support/child-process';
import { freePort } from '../../support/free-port';
import { openSession, outboxStates, takePayment, unpaidBill } from '../../support/outbox-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { serverChecksums, deviceChecksums } from '../../support/replica-checksum';
import { tempDir } from '../../support/temp-dir';
import { startTestCore, testConfig } from '../../support/test-app';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { prepareDatabase } from '../../support/server-harness';
import { seedServer, until } from '../../support/sync-support';

/**
 * `kill -9` of the central server after it committed a push and before it answered: the
 * device never hears back, so for it the outcome is unknown. It sends the batch again to the
 * restarted server, which answers `duplicate`; every event ends applied exactly once.
 */
const events = 250;

describeEachServerDatabase('sync faults: the server killed between commit and reply', (variant) => {
  it(
    'leaves the outcome unknown to the device, which sends again and gets duplicate: every event once',
    { timeout: 180_000 },
    async () => {
      const { dir: serverDir, databaseUrl } = await prepareDatabase(variant);
      onTestFinished(() => serverDir.remove());
      const port = await freePort();
      const config = {
        dataDir: serverDir.path,
        databaseUrl,
        host: '127.0.0.1',
        port,
        logLevel: 'silent',
        enrollmentCodeTtlHours: 24,
        smtpUrl: null,
        mailFrom: DEFAULT_MAIL_FROM,
      };

      // Seed and enroll with the server in this process, then stop it: the device is offline.
      const first = await startServer(config, { logger: createServerLogger('silent') });
      await seedServer({ server: first }, 40);
      const deviceDir = tempDir('fault-server-device');
      onTestFinished(() => deviceDir.remove());
      const core = startTestCore(testConfig(deviceDir.path), first.url);
      onTestFinished(() => core.stop());
      const { code } = await createEnrollmentCode(first.database, { deviceName: 'Caja 1', mode: 'cashier' });
      expect((await core.dispatch('device.enroll', { code })).ok).toBe(true);
      const expected = await serverChecksums(first.database.exec);
      await until(
        'first download',
        () => deviceChecksums(core.store),
        (d) => JSON.stringify(d) === JSON.stringify(expected),
        30_000,
      );
      await first.stop();

      // The cash session's opening, then the payments: `records` events in the outbox.
      openSession(core);
      const ids: string[] = [];
      for (let i = 0; i < events; i += 1)
        ids.push(takePayment(core, unpaidBill(core, i % 30), 2000 + i, `K1-${i + 1}`));
      const records = events + 1;
      expect(outboxStates(core)).toEqual({ pending: records });

      // Three times: a server that commits the first batch it gets, then dies before answering.
      for (let k = 0; k < 3; k += 1) {
        const dying = startChild('server-process', [
          serverDir.path,
          databaseUrl ?? 'pglite',
          String(port),
          'kill-after-push-commit',
        ]);
        await dying.firstLine;
        await new Promise<void>((resolve) => dying.process.once('exit', () => resolve()));
        expect(dying.process.signalCode).toBe('SIGKILL');
      }
      // Nothing was marked on the device, since no answer ever came; yet the first batch (100
      // events) was committed on the server, once, however many times it arrived.
      expect(outboxStates(core).pending).toBe(records);
      const between = await openServerDatabase(
        { dataDir: serverDir.path, databaseUrl },
        { logger: createServerLogger('silent') },
      );
      const committed = await between.exec.query<{ n: string }>('SELECT count(*) AS n FROM applied_events');
      await between.close();
      expect(Number(committed.rows[0]?.n)).toBe(100);

      const healthy = startChild('server-process', [serverDir.path, databaseUrl ?? 'pglite', String(port)]);
      await healthy.firstLine;
      await until(
        'outbox sent',
        () => outboxStates(core),
        (s) => s.sent === records,
        60_000,
      );
      await healthy.stop();

      const database = await openServerDatabase(
        { dataDir: serverDir.path, databaseUrl },
        { logger: createServerLogger('silent') },
      );
      onTestFinished(() => database.close());
      const applied = await database.exec.query<{ id: string }>('SELECT id FROM applied_events');
      const payments = await database.exec.query<{ n: string }>(
        'SELECT count(*) AS n FROM payments WHERE id = ANY($1::uuid[])',
        [ids],
      );
      const outboxIds = (core.store.sqlite.prepare('SELECT id FROM outbox').pluck().all() as string[]).sort();
      expect(applied.rows.map((r) => r.id).sort()).toEqual(outboxIds);
      expect(Number(payments.rows[0]?.n)).toBe(events);
      expect(applied.rows.length).toBe(records);
    },
  );
});
