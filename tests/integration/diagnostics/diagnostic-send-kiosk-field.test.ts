import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { expect, it, onTestFinished } from 'vitest';
import { auditLog } from '../../../db/local/schema';
import { startAppCore, type AppCore } from '../../../src-main/app-core';
import { appPaths } from '../../../src-main/app-paths';
import { createRootLogger } from '../../../src-main/logger';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { cheapScrypt, seedConsoleStaff, staffPassword } from '../../support/staff-console';
import { callOk, enrolledDevice, seedServer, until } from '../../support/sync-support';
import { tempDir } from '../../support/temp-dir';
import { quickSync, testConfig } from '../../support/test-app';

/** A grant nobody was given. */
const forgedGrant = 'no-es-un-acceso-'.padEnd(32, '0');

async function diagnosticsOnServer(t: TestServer): Promise<{ mode: string; requested_by: string | null }[]> {
  const { rows } = await t.server.database.exec.query<{ mode: string; requested_by: string | null }>(
    `SELECT d.mode, g.requested_by FROM device_diagnostics g JOIN devices d ON d.id = g.device_id ORDER BY g.uploaded_at`,
  );
  return rows;
}

/**
 * «Enviar diagnóstico» where the counters' screen was not: the kiosk's staff screen (with the
 * grant of a sign-in at the hidden corner, which the server gives supervisors, support and
 * admins only) and the field laptop (with a supervisor's grant, as at a counter). Each refusal is
 * checked before anything reaches the server: no grant, a forged one, one the visit's end or
 * the clock took away, a cashier, an operation of another mode. What reaches it carries the
 * member's signed permission (the server's checks: diagnostic-upload.test.ts), which the screen
 * never sees.
 */
describeEachServerDatabase('diagnostic send from a kiosk and a field laptop', (variant) => {
  it('sends from the kiosk only with a live corner grant', { timeout: 120_000 }, async () => {
    const t = await startTestServer(variant, {
      logLevel: 'warn',
      serverOptions: { passwordWork: { params: cheapScrypt } },
    });
    await seedConsoleStaff(t.server.database.exec);
    const dir = tempDir('kiosk-diagnostic');
    onTestFinished(() => dir.remove());
    let now = Date.now();
    const kiosk: AppCore = startAppCore({
      config: testConfig(dir.path),
      paths: appPaths(path.resolve('.')),
      serverUrl: t.server.url,
      log: createRootLogger('silent'),
      helloIntervalMs: 60_000,
      sync: quickSync,
      now: () => now,
    });
    onTestFinished(() => kiosk.stop());
    const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Kiosco 1', mode: 'kiosk' });
    expect(await kiosk.dispatch('device.enroll', { code })).toMatchObject({ ok: true });

    // Nobody signed in at the corner: refused on the kiosk.
    expect(await kiosk.dispatch('kiosk.sendDiagnostic', { grantId: forgedGrant })).toMatchObject({
      ok: false,
      error: { code: 'session-ended' },
    });
    // The counters' operation is not a kiosk's (its supervisor grant cannot exist on a kiosk).
    expect(await kiosk.dispatch('diagnostics.send', { grantId: forgedGrant })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // A cashier gets no grant at the corner: the server refuses the role.
    expect(
      await kiosk.dispatch('kiosk.staffSignIn', { username: 'cajero1', password: staffPassword('cajero1') }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await diagnosticsOnServer(t)).toEqual([]);

    const access = await callOk(kiosk, 'kiosk.staffSignIn', {
      username: 'soporte1',
      password: staffPassword('soporte1'),
    });
    // The permission the server signed stays on the Node side: the screen gets none of it.
    expect(Object.keys(access).sort()).toEqual(['canLeaveKiosk', 'fullName', 'grantId', 'role', 'username']);
    const sent = await callOk(kiosk, 'kiosk.sendDiagnostic', { grantId: access.grantId });
    expect(sent.sizeBytes).toBeGreaterThan(0);
    expect(await diagnosticsOnServer(t)).toEqual([{ mode: 'kiosk', requested_by: 'soporte1' }]);
    const lines = kiosk.store.db.select().from(auditLog).where(eq(auditLog.action, 'kiosk.diagnostic')).all();
    expect(lines).toMatchObject([{ actor: 'soporte1', details: { outcome: 'granted' } }]);

    // The visit ended (idle, «Terminar»): the grant went with it.
    expect(await kiosk.dispatch('kiosk.sessionEnded', { reason: 'idle', durationSeconds: 90 })).toMatchObject({
      ok: true,
    });
    expect(await kiosk.dispatch('kiosk.sendDiagnostic', { grantId: access.grantId })).toMatchObject({
      ok: false,
      error: { code: 'session-ended' },
    });

    // A grant left alone for ten minutes has expired.
    const admin = await callOk(kiosk, 'kiosk.staffSignIn', { username: 'admin', password: staffPassword('admin') });
    now += 10 * 60_000 + 1;
    expect(await kiosk.dispatch('kiosk.sendDiagnostic', { grantId: admin.grantId })).toMatchObject({
      ok: false,
      error: { code: 'session-ended' },
    });
    expect(await diagnosticsOnServer(t)).toHaveLength(1);
  });

  it('sends from a field laptop with a supervisor’s grant, not a collector’s', { timeout: 180_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 5);
    const dir = tempDir('field-diagnostic');
    onTestFinished(() => dir.remove());
    writeFileSync(path.join(dir.path, 'ventanilla.json'), JSON.stringify({ device: { mode: 'field' } }));
    const { rows } = await t.server.database.exec.query<{ route: string }>(
      'SELECT left(codigo_ruta, 2) AS route FROM subscribers GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1',
    );
    const laptop = await enrolledDevice(t, { dir: dir.path, mode: 'field', scope: rows[0]?.route });
    await until(
      'the staff accounts downloaded',
      () => laptop.meta.get('caughtUpAt'),
      (at) => at !== null,
      90_000,
    );

    expect(await laptop.dispatch('diagnostics.send', { grantId: forgedGrant })).toMatchObject({
      ok: false,
      error: { code: 'session-ended' },
    });
    // A kiosk's corner operation is not a laptop's.
    expect(await laptop.dispatch('kiosk.sendDiagnostic', { grantId: forgedGrant })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const collector = await callOk(laptop, 'staff.authorize', { username: 'cajero1', password: 'Cajero1.Demo' });
    expect(await laptop.dispatch('diagnostics.send', { grantId: collector.grantId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await diagnosticsOnServer(t)).toEqual([]);

    const supervisor = await callOk(laptop, 'staff.authorize', {
      username: 'supervisor1',
      password: 'Supervisor1.Demo',
    });
    // The permission the laptop signed with the supervisor's key is not in the grant the screen holds.
    expect(JSON.stringify(supervisor)).not.toMatch(/proof|until|approval/i);
    await callOk(laptop, 'diagnostics.send', { grantId: supervisor.grantId });
    expect(await diagnosticsOnServer(t)).toEqual([{ mode: 'field', requested_by: 'supervisor1' }]);
  });
});
