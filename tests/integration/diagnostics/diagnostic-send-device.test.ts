import { expect, it } from 'vitest';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer } from '../../support/server-harness';
import { callOk, enrolledDevice, expectReplicaEqual, seedServer } from '../../support/sync-support';

/**
 * «Enviar diagnóstico» on the device (src-main/diagnostics/start-diagnostics.ts): only a
 * supervisor's grant sends it (a cashier's is refused before anything is read), it reaches the
 * server and is counted there, and without the server the staff member reads why in Spanish.
 */
describeEachServerDatabase('diagnostic send from a counter', (variant) => {
  it(
    'refuses a cashier, sends for a supervisor, says so plainly without the server',
    { timeout: 120_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 5);
      const core = await enrolledDevice(t);
      await expectReplicaEqual(t, core);

      const cashier = await callOk(core, 'staff.authorize', { username: 'cajero1', password: 'Cajero1.Demo' });
      expect(await core.dispatch('diagnostics.send', { grantId: cashier.grantId })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });

      const grant = await callOk(core, 'staff.authorize', { username: 'supervisor1', password: 'Supervisor1.Demo' });
      const sent = await callOk(core, 'diagnostics.send', { grantId: grant.grantId });
      const { rows } = await t.server.database.exec.query<{ n: string | number }>(
        'SELECT count(*) AS n FROM device_diagnostics',
      );
      expect(Number(rows[0]?.n)).toBe(1);
      expect(sent.sizeBytes).toBeGreaterThan(0);

      await t.stop();
      const offline = await core.dispatch('diagnostics.send', { grantId: grant.grantId });
      expect(offline).toMatchObject({ ok: false, error: { code: 'offline' } });
      expect(offline.ok ? '' : offline.error.message).toContain('no tiene conexión con el servidor central');
    },
  );
});
