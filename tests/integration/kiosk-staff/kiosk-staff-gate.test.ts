import { desc, like } from 'drizzle-orm';
import { expect, it, onTestFinished } from 'vitest';
import { auditLog } from '../../../db/local/schema';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { DeviceMeta } from '../../../src-main/device/device-meta';
import { KioskStaffGate } from '../../../src-main/kiosk-staff/kiosk-staff-access';
import { createRootLogger } from '../../../src-main/logger';
import { ServerClient } from '../../../src-main/server-link/server-client';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { openTestStore } from '../../support/replica-store';
import { postJson, startTestServer } from '../../support/server-harness';
import { cheapScrypt, seedConsoleStaff, staffPassword } from '../../support/staff-console';
import { until } from '../../support/accounts-server';
import { tempDir } from '../../support/temp-dir';

/**
 * The kiosk's side of the staff corner (kiosk-staff-access.ts) against a real store and a real
 * central server: what the web host cannot show — «Salir del modo quiosco» reaching the host,
 * once, audit-logged — and what an unreachable server does.
 */
describeEachServerDatabase('kiosk staff gate', (variant) => {
  it(
    'signs support in, leaves kiosk mode once through the host, and says so when the server is away',
    {
      timeout: 90_000,
    },
    async () => {
      const { t, store, meta, client } = await enrolledKiosk(variant);
      const log = createRootLogger('silent');
      const audit = () =>
        store.db.select().from(auditLog).where(like(auditLog.action, 'kiosk.%')).orderBy(desc(auditLog.id)).all();

      let left = 0;
      const gate = new KioskStaffGate({ store, meta, client, log, leaveKioskMode: () => (left += 1) });
      const access = await gate.signIn('Soporte1', staffPassword('soporte1'));
      if (!access.ok) throw new Error(access.error.message);
      expect(access.value).toMatchObject({ username: 'soporte1', role: 'soporte', canLeaveKiosk: true });
      expect(meta.get('lastKioskExitBy')).toBe('soporte1');
      expect(Date.parse(meta.get('lastKioskExitAt') ?? '')).not.toBeNaN();

      expect(gate.leave(access.value.grantId)).toEqual({ ok: true, value: { leaving: true } });
      await until('the host left kiosk mode', () => left === 1);
      expect(audit()[0]).toMatchObject({ action: 'kiosk.exit', actor: 'soporte1', details: { outcome: 'granted' } });
      // Once: the grant is spent.
      expect(gate.leave(access.value.grantId)).toMatchObject({ ok: false, error: { code: 'session-ended' } });

      // Where the host has no way out (the web host), the access says so and leaving is refused.
      const browserGate = new KioskStaffGate({ store, meta, client, log });
      const inBrowser = await browserGate.signIn('soporte1', staffPassword('soporte1'));
      if (!inBrowser.ok) throw new Error(inBrowser.error.message);
      expect(inBrowser.value.canLeaveKiosk).toBe(false);
      expect(browserGate.leave(inBrowser.value.grantId)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // The visit ended: the access is forgotten.
      const again = await gate.signIn('soporte1', staffPassword('soporte1'));
      if (!again.ok) throw new Error(again.error.message);
      gate.forget();
      expect(gate.leave(again.value.grantId)).toMatchObject({ ok: false, error: { code: 'session-ended' } });

      // The server away: a plain Spanish answer, logged, not counted as a guess.
      await t.stop();
      const away = await gate.signIn('soporte1', staffPassword('soporte1'));
      expect(away).toMatchObject({ ok: false, error: { code: 'offline' } });
      if (!away.ok) expect(away.error.message).toContain('necesita conexión con el servidor central');
      expect(audit()[0]).toMatchObject({
        action: 'kiosk.staff_access',
        actor: 'soporte1',
        details: { outcome: 'offline' },
      });
      expect(left).toBe(1);
      expect(JSON.stringify(audit())).not.toContain(staffPassword('soporte1'));
    },
  );

  it('locks the corner after guesses at one username, locked on the kiosk itself', { timeout: 90_000 }, async () => {
    const { t, store, meta, client } = await enrolledKiosk(variant);
    const gate = new KioskStaffGate({
      store,
      meta,
      client,
      log: createRootLogger('silent'),
    });

    const answers: string[] = [];
    for (let guess = 0; guess < 5; guess += 1) {
      const tried = await gate.signIn('soporte1', `no-es-la-clave-${guess}`);
      expect(tried.ok).toBe(false);
      if (!tried.ok) answers.push(tried.error.code);
    }
    // Four refusals from the server; the fifth locks the corner on the kiosk.
    expect(answers).toEqual([...Array(4).fill('wrong-credentials'), 'locked']);
    // Locked on the kiosk itself, whatever the server says from now on: with the server away,
    // the answer is «locked», not «offline» (the kiosk does not even ask).
    await t.stop();
    const other = await gate.signIn('supervisor1', staffPassword('supervisor1'));
    expect(other).toMatchObject({ ok: false, error: { code: 'locked' } });
    if (!other.ok) expect(other.error.message).toMatch(/Espere/);
  });
});

/** A central server with the console's staff, and a kiosk store enrolled on it. */
async function enrolledKiosk(variant: DatabaseVariant) {
  const t = await startTestServer(variant, {
    logLevel: 'warn',
    serverOptions: { passwordWork: { params: cheapScrypt } },
  });
  const dir = tempDir('kiosk-staff-gate');
  const store = openTestStore(dir.path);
  onTestFinished(() => {
    store.close();
    dir.remove();
  });
  await seedConsoleStaff(t.server.database.exec);
  const { code } = await createEnrollmentCode(t.server.database, {
    deviceName: 'Kiosco',
    mode: 'kiosk',
    office: 'Sede Centro',
  });
  const enrolled = await t.request('/v1/enroll', postJson({ code }));
  const meta = new DeviceMeta(store);
  meta.set({ deviceToken: (enrolled.body as { value: { token: string } }).value.token });
  return { t, store, meta, client: new ServerClient(t.server.url) };
}
