import { expect, it } from 'vitest';
import { createEnrollmentCode, listDevices, revokeDevice } from '../../../src-server/devices/admin';
import { describeEachServerDatabase } from '../../support/postgres';
import { bearer, postJson, startTestServer, type TestServer } from '../../support/server-harness';

const UNAUTHORIZED = {
  ok: false,
  error: {
    code: 'device-locked',
    message:
      'Este dispositivo no está autorizado ante el servidor central. Inscríbalo con un código nuevo del administrador.',
  },
};

async function enroll(t: TestServer, deviceName = 'Caja 1'): Promise<{ deviceId: string; token: string }> {
  const { code } = await createEnrollmentCode(t.server.database, { deviceName, mode: 'cashier' });
  const { body } = await t.request('/v1/enroll', postJson({ code }));
  return (body as { value: { deviceId: string; token: string } }).value;
}

describeEachServerDatabase('central server: device token authentication', (variant) => {
  it('refuses hello without a token, with an unknown token and with a malformed header', async () => {
    const t = await startTestServer(variant);
    await enroll(t);
    const cases: Array<Record<string, string>> = [
      {},
      { authorization: `Bearer ${'A'.repeat(43)}` },
      { authorization: 'Bearer not-a-token' },
      { authorization: 'Basic dXNlcjpwYXNz' },
      { authorization: 'Bearer' },
    ];
    for (const headers of cases) {
      const { status, body, headers: answer } = await t.request('/v1/device/hello', { headers });
      expect(status, JSON.stringify(headers)).toBe(401);
      expect(body).toEqual(UNAUTHORIZED);
      expect(answer.get('www-authenticate')).toContain('Bearer');
    }
  });

  it('refuses a revoked device at its next request, on the same server', async () => {
    const t = await startTestServer(variant);
    const device = await enroll(t);
    const other = await enroll(t, 'Caja 2');
    expect((await t.request('/v1/device/hello', bearer(device.token))).status).toBe(200);

    expect(await revokeDevice(t.server.database, device.deviceId)).toBe('revoked');
    expect(await revokeDevice(t.server.database, device.deviceId)).toBe('already-revoked');
    expect(await revokeDevice(t.server.database, '00000000-0000-4000-8000-000000000000')).toBe('not-found');
    expect(await revokeDevice(t.server.database, 'not-a-uuid')).toBe('not-found');

    const refused = await t.request('/v1/device/hello', bearer(device.token));
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(UNAUTHORIZED);
    // Revoking one device leaves the others working.
    expect((await t.request('/v1/device/hello', bearer(other.token))).status).toBe(200);
    const listed = await listDevices(t.server.database);
    expect(listed.map((d) => ({ name: d.name, revoked: d.revokedAt !== null }))).toEqual([
      { name: 'Caja 1', revoked: true },
      { name: 'Caja 2', revoked: false },
    ]);
  });

  it('accepts the scheme in any case', async () => {
    const t = await startTestServer(variant);
    const device = await enroll(t);
    const { status } = await t.request('/v1/device/hello', { headers: { authorization: `bearer ${device.token}` } });
    expect(status).toBe(200);
  });

  it('records last_seen_at on the first request and not again within the minute', async () => {
    const t = await startTestServer(variant);
    const device = await enroll(t);
    const lastSeen = async () =>
      (
        await t.server.database.exec.query<{ last_seen_at: Date | null }>(
          'select last_seen_at from devices where id = $1',
          [device.deviceId],
        )
      ).rows[0]?.last_seen_at ?? null;
    expect(await lastSeen()).toBeNull();

    await t.request('/v1/device/hello', bearer(device.token));
    const first = await lastSeen();
    expect(first).not.toBeNull();

    await t.request('/v1/device/hello', bearer(device.token));
    expect(await lastSeen()).toEqual(first);

    // Two minutes later (as the database sees it), the next request refreshes it.
    await t.server.database.exec.query(`update devices set last_seen_at = now() - interval '2 minutes' where id = $1`, [
      device.deviceId,
    ]);
    const stale = await lastSeen();
    await t.request('/v1/device/hello', bearer(device.token));
    const refreshed = await lastSeen();
    expect(refreshed?.getTime()).toBeGreaterThan(stale?.getTime() ?? Infinity);
  });
});
