import { describe, expect, it } from 'vitest';
import {
  AdminRequestError,
  createEnrollmentCodeViaServer,
  isServerAnswering,
  listDevicesViaServer,
  revokeDeviceViaServer,
} from '../../../src-server/admin/admin-client';
import { readLocalAdminFile } from '../../../src-server/admin/local-admin-file';
import { openServerDatabase } from '../../../src-server/db/open';
import { PgliteLockedError } from '../../../src-server/db/pglite-lock';
import { AdminInputError, createEnrollmentCode } from '../../../src-server/devices/admin';
import { createServerLogger } from '../../../src-server/logger';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { bearer, postJson, startTestServer } from '../../support/server-harness';

describeEachServerDatabase('central server: administration', (variant) => {
  it('validates what an admin asks for, in Spanish', async () => {
    const t = await startTestServer(variant);
    const bad = [
      [{ deviceName: '  ', mode: 'kiosk' }, 'Falta el nombre del dispositivo.'],
      [{ deviceName: 'Caja', mode: 'supervisor' }, 'El modo debe ser kiosk, cashier o field.'],
      [{ deviceName: 'Caja', mode: 'cashier', ttlHours: 0 }, 'La vigencia mínima es 1 hora.'],
      [{ deviceName: 'Caja', mode: 'cashier', ttlHours: 1.5 }, 'La vigencia debe ser un número entero de horas.'],
    ] as const;
    for (const [input, message] of bad) {
      // @ts-expect-error -- deliberately wrong input, as a script or a careless caller would send
      const refusal = await createEnrollmentCode(t.server.database, input).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(AdminInputError);
      expect((refusal as Error).message).toBe(message);
    }
    const { rows } = await t.server.database.exec.query<{ n: number }>(
      'select count(*)::int as n from enrollment_codes',
    );
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('uses the configured default lifetime for codes made through the admin routes', async () => {
    const t = await startTestServer(variant, { config: { enrollmentCodeTtlHours: 2 } });
    const endpoint = await readLocalAdminFile(t.config.dataDir);
    if (variant.kind === 'postgres') {
      // PostgreSQL can be opened by the admin command directly: no hand-off file, no admin routes.
      expect(endpoint).toBeNull();
      expect((await t.request('/admin/v1/devices')).status).toBe(404);
      return;
    }
    expect(endpoint).not.toBeNull();
    if (endpoint === null) return;
    const { expiresAt } = await createEnrollmentCodeViaServer(endpoint, { deviceName: 'Kiosco', mode: 'kiosk' });
    const hours = (Date.parse(expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);
  });
});

// PGlite only: with PostgreSQL the admin command opens the database itself (tested above).
describe('central server: admin hand-off while PGlite is open [pglite]', () => {
  const variant: DatabaseVariant = { kind: 'pglite', freshDatabaseUrl: async () => null };

  it('lets the admin command work through the running server only with the local admin token', async () => {
    const t = await startTestServer(variant);
    const endpoint = await readLocalAdminFile(t.config.dataDir);
    if (endpoint === null) throw new Error('the server wrote no admin file');
    expect(await isServerAnswering(endpoint)).toBe(true);

    // PGlite is single-process: a second opener is refused instead of corrupting the files.
    await expect(openServerDatabase(t.config, { logger: createServerLogger('silent') })).rejects.toBeInstanceOf(
      PgliteLockedError,
    );

    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${endpoint.token}x`]) {
      const { status, body } = await t.request(
        '/admin/v1/devices',
        authorization === undefined ? {} : { headers: { authorization } },
      );
      expect(status).toBe(401);
      expect(body).toMatchObject({ ok: false, error: { code: 'wrong-credentials' } });
    }
    const refused = await createEnrollmentCodeViaServer(
      { ...endpoint, token: 'wrong' },
      { deviceName: 'X', mode: 'kiosk' },
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AdminRequestError);

    const { code } = await createEnrollmentCodeViaServer(endpoint, {
      deviceName: 'Caja 4',
      mode: 'cashier',
      scope: 'Norte',
    });
    const enrolled = await t.request('/v1/enroll', postJson({ code }));
    const { deviceId, token } = (enrolled.body as { value: { deviceId: string; token: string } }).value;
    expect(await listDevicesViaServer(endpoint)).toEqual([
      expect.objectContaining({ id: deviceId, name: 'Caja 4', mode: 'cashier', scope: 'Norte', revokedAt: null }),
    ]);
    expect(await revokeDeviceViaServer(endpoint, deviceId)).toEqual({ outcome: 'revoked' });
    await expect(revokeDeviceViaServer(endpoint, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'not-found',
    });
    expect((await t.request('/v1/device/hello', bearer(token))).status).toBe(401);

    // Stopping removes the hand-off file and the lock: the database can be opened directly again.
    await t.stop();
    expect(await readLocalAdminFile(t.config.dataDir)).toBeNull();
    const direct = await openServerDatabase(t.config, { logger: createServerLogger('silent') });
    await direct.close();
  });
});
