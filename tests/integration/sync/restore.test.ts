import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { DEFAULT_MAIL_FROM, pgliteDataDir, type ServerConfig } from '../../../src-server/config';
import { openServerDatabase } from '../../../src-server/db/open';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { startServer, type RunningServer } from '../../../src-server/index';
import { createServerLogger } from '../../../src-server/logger';
import { renewEpoch } from '../../../src-server/sync/feed-epoch';
import { freePort } from '../../support/free-port';
import { openSession, outboxStates, takePayment, unpaidBill } from '../../support/outbox-fixtures';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { deviceChecksums, serverChecksums } from '../../support/replica-checksum';
import { tempDir } from '../../support/temp-dir';
import { startTestCore, testConfig } from '../../support/test-app';
import { prepareDatabase } from '../../support/server-harness';
import { seedServer, until } from '../../support/sync-support';

/**
 * The central server's database restored from a backup taken before some pushes (docs/sync-protocol.md, "Epochs"):
 * the change feed's numbers go back, and what devices sent after the backup is gone. With the
 * epoch renewed (`npm run admin -- restored`), or noticed by the server when a device comes
 * back ahead of the feed, every device downloads again and sends again: the server ends with
 * every payment once and the replica hashes like the server — including a change made after the
 * restore under a feed number the device had already seen before.
 */

interface Backup {
  take(): Promise<void>;
  restore(): void;
}

/** A PGlite data dir copied while the server is stopped; a pg_dump of PostgreSQL in custom format. */
function backupFor(config: ServerConfig, dir: string): Backup {
  if (config.databaseUrl === null) {
    const live = pgliteDataDir(config.dataDir);
    const copy = path.join(dir, 'pglite-backup');
    return {
      take: async () => cpSync(live, copy, { recursive: true }),
      restore: () => {
        rmSync(live, { recursive: true, force: true });
        cpSync(copy, live, { recursive: true });
      },
    };
  }
  const url = config.databaseUrl;
  const file = path.join(dir, 'ventanilla.dump');
  return {
    take: async () => {
      execFileSync('pg_dump', ['--format=custom', `--file=${file}`, url], { stdio: 'pipe' });
    },
    restore: () => {
      execFileSync(
        'pg_restore',
        ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${url}`, file],
        { stdio: 'pipe' },
      );
    },
  };
}

async function scenario(variant: DatabaseVariant, renew: boolean): Promise<void> {
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
  const start = () => startServer(config, { logger: createServerLogger('silent') });
  let server: RunningServer = await start();
  onTestFinished(() => server.stop());
  await seedServer({ server }, 20);
  const deviceDir = tempDir('restore-device');
  onTestFinished(() => deviceDir.remove());
  const core = startTestCore(testConfig(deviceDir.path), server.url);
  onTestFinished(() => core.stop());
  const { code } = await createEnrollmentCode(server.database, { deviceName: 'Caja 1', mode: 'cashier' });
  expect((await core.dispatch('device.enroll', { code })).ok).toBe(true);
  const caughtUp = async () => {
    const expected = await serverChecksums(server.database.exec, undefined, 'cashier');
    await until(
      'replica = server',
      () => deviceChecksums(core.store),
      (d) => JSON.stringify(d) === JSON.stringify(expected),
      60_000,
    );
  };
  await caughtUp();
  const epochBefore = core.meta.get('feedEpoch');
  expect(epochBefore).not.toBeNull();

  // The backup, taken before the counter's shift.
  const backup = backupFor(config, serverDir.path);
  if (databaseUrl === null) await server.stop();
  await backup.take();
  if (databaseUrl === null) server = await start();

  openSession(core);
  const ids = [0, 1, 2].map((i) => takePayment(core, unpaidBill(core, i), 20_000 + i, String(i + 1).padStart(6, '0')));
  await until(
    'the shift sent',
    () => outboxStates(core),
    (s) => s.sent === 4 && s.pending === undefined,
  );
  await caughtUp();

  // The database is lost and restored from the backup: the shift is not in it.
  await server.stop();
  backup.restore();
  // What the restored database holds, read before the server starts: once it answers, the
  // device may send the shift again before a query of the test's runs.
  const database = await openServerDatabase(config, { logger: createServerLogger('silent') });
  const lost = await database.exec.query<{ n: string }>(
    'SELECT count(*) AS n FROM payments WHERE id = ANY($1::uuid[])',
    [ids],
  );
  expect(Number(lost.rows[0]?.n)).toBe(0);
  if (renew) {
    await renewEpoch(database.exec);
    // After the restore, changes take feed numbers the device already applied before.
    await database.exec.query(
      "UPDATE subscribers SET address = 'Carrera 5 No. 40-12' WHERE codigo_interno = (SELECT min(codigo_interno) FROM subscribers)",
    );
  }
  await database.close();
  server = await start();

  // The device notices, downloads again and sends again: every payment is back, once.
  await until(
    'a new epoch on the device',
    () => core.meta.get('feedEpoch'),
    (epoch) => epoch !== null && epoch !== epochBefore,
    60_000,
  );
  await until(
    'the shift sent again',
    () => outboxStates(core),
    (s) => s.sent === 4 && s.pending === undefined,
    60_000,
  );
  const back = await server.database.exec.query<{ n: string }>(
    'SELECT count(*) AS n FROM payments WHERE id = ANY($1::uuid[])',
    [ids],
  );
  expect(Number(back.rows[0]?.n)).toBe(3);
  const applied = await server.database.exec.query<{ id: string }>(
    'SELECT id FROM applied_events WHERE device_id = $1',
    [core.meta.get('deviceId')],
  );
  const outboxIds = (core.store.sqlite.prepare('SELECT id FROM outbox').pluck().all() as string[]).sort();
  expect(applied.rows.map((r) => r.id).sort()).toEqual(outboxIds);
  await caughtUp();
  if (renew) {
    expect(
      core.store.sqlite.prepare("SELECT count(*) FROM subscribers WHERE address = 'Carrera 5 No. 40-12'").pluck().get(),
    ).toBe(1);
  }
}

describeEachServerDatabase('sync: a central server restored from a backup', (variant) => {
  it(
    'after `admin restored`: the device downloads again and sends again what the server lost',
    { timeout: 180_000 },
    async () => {
      await scenario(variant, true);
    },
  );

  it(
    'without it: the server notices a device ahead of its feed and renews the epoch itself',
    { timeout: 180_000 },
    async () => {
      await scenario(variant, false);
    },
  );
});
