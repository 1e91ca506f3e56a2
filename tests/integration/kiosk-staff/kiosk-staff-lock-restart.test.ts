import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { expect, it, onTestFinished } from 'vitest';
import { auditLog } from '../../../db/local/schema';
import { startAppCore, type AppCore } from '../../../src-main/app-core';
import { appPaths } from '../../../src-main/app-paths';
import { createRootLogger } from '../../../src-main/logger';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer } from '../../support/server-harness';
import { cheapScrypt, seedConsoleStaff, staffPassword } from '../../support/staff-console';
import { tempDir } from '../../support/temp-dir';
import { quickSync, testConfig } from '../../support/test-app';

/**
 * The hidden corner's lock (kiosk-staff/staff-access-throttle.ts) is kept in the kiosk's store:
 * someone who guessed five times and pulled the plug finds the corner still closed when the kiosk
 * comes back, until the lock's five minutes pass on the kiosk's clock.
 */
describeEachServerDatabase('kiosk staff corner lock across a restart', (variant) => {
  it(
    'keeps the lock after the app core restarts on the same store, and lets staff in once it expires',
    {
      timeout: 120_000,
    },
    async () => {
      const t = await startTestServer(variant, {
        logLevel: 'warn',
        serverOptions: { passwordWork: { params: cheapScrypt } },
      });
      await seedConsoleStaff(t.server.database.exec);
      const dir = tempDir('kiosk-lock-restart');
      onTestFinished(() => dir.remove());
      // The kiosk's wall clock, moved by the test instead of waiting five minutes.
      let now = Date.now();
      const start = (): AppCore => {
        const core = startAppCore({
          config: testConfig(dir.path),
          paths: appPaths(path.resolve('.')),
          serverUrl: t.server.url,
          log: createRootLogger('silent'),
          helloIntervalMs: 60_000,
          sync: quickSync,
          now: () => now,
        });
        onTestFinished(() => core.stop().catch(() => undefined));
        return core;
      };
      const accessLines = (core: AppCore) =>
        core.store.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.action, 'kiosk.staff_access'))
          .orderBy(desc(auditLog.id))
          .all();

      const first = start();
      const { code } = await createEnrollmentCode(t.server.database, {
        deviceName: 'Kiosco Sede Centro',
        mode: 'kiosk',
      });
      expect(await first.dispatch('device.enroll', { code })).toMatchObject({ ok: true });

      // Five guesses, a new username each time (the server's per-username throttle never sees a repeat).
      for (let guess = 1; guess <= 4; guess += 1) {
        const refused = await first.dispatch('kiosk.staffSignIn', {
          username: `intruso${guess}`,
          password: 'clave123',
        });
        expect(refused).toMatchObject({ ok: false, error: { code: 'wrong-credentials' } });
        now += 10_000;
      }
      const fifth = await first.dispatch('kiosk.staffSignIn', { username: 'intruso5', password: 'clave123' });
      expect(fifth).toMatchObject({ ok: false, error: { code: 'locked' } });
      if (!fifth.ok) expect(fifth.error.message).toContain('Espere 5 minutos');

      // The plug is pulled (the core stops as a crash would leave the store: the lock is already on disk).
      await first.stop();
      now += 30_000;
      const second = start();
      const right = { username: 'soporte1', password: staffPassword('soporte1') };
      const stillLocked = await second.dispatch('kiosk.staffSignIn', right);
      expect(stillLocked).toMatchObject({ ok: false, error: { code: 'locked' } });
      if (!stillLocked.ok) expect(stillLocked.error.message).toContain('Espere 5 minutos');
      // Refused on the kiosk, before the server was asked: the audit line says `locked`, not a server answer.
      expect(accessLines(second)[0]).toMatchObject({ actor: 'soporte1', details: { outcome: 'locked' } });

      // A minute before the end the corner is still closed; once the five minutes pass it opens.
      now += 3 * 60_000;
      expect(await second.dispatch('kiosk.staffSignIn', right)).toMatchObject({ ok: false, error: { code: 'locked' } });
      now += 2 * 60_000;
      const inside = await second.dispatch('kiosk.staffSignIn', right);
      expect(inside).toMatchObject({ ok: true, value: { username: 'soporte1', role: 'soporte' } });

      // A success forgets the count, and that too outlives a restart: one wrong try after it does not lock.
      await second.stop();
      const third = start();
      expect(await third.dispatch('kiosk.staffSignIn', { username: 'intruso6', password: 'clave123' })).toMatchObject({
        ok: false,
        error: { code: 'wrong-credentials' },
      });
      expect(await third.dispatch('kiosk.staffSignIn', right)).toMatchObject({ ok: true });
      expect(JSON.stringify(accessLines(third))).not.toContain(staffPassword('soporte1'));
    },
  );
});
