import { expect, it } from 'vitest';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { exchangeEnrollmentCode } from '../../../src-server/devices/enroll';
import type { DeviceMode } from '../../../src-shared/domain/device-mode';
import { adminInProcess, adminSpawned, type AdminOutcome } from '../../support/admin-cli';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { seedServer } from '../../support/sync-support';

/**
 * `npm run admin -- routes …` as an operator runs it (in-process, and once as the script): with
 * PGlite through the running embedded server's loopback admin routes, with PostgreSQL opening the
 * database itself. Each mistake an operator makes answers in Spanish and changes nothing.
 */

/** The command in-process (runAdmin); `spawned` runs the real script as a child process. */
function admin(t: TestServer, ...args: string[]): Promise<AdminOutcome> {
  return adminInProcess({ env: adminEnv(t), args });
}

function adminEnv(t: TestServer): Record<string, string> {
  return { VENTANILLA_DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? '' };
}

async function enroll(t: TestServer, name: string, mode: DeviceMode): Promise<string> {
  const { code } = await createEnrollmentCode(t.server.database, { deviceName: name, mode });
  const enrolled = await exchangeEnrollmentCode(t.server.database, code);
  if (!enrolled.ok) throw new Error(enrolled.error.message);
  return enrolled.value.deviceId;
}

async function assigned(t: TestServer, deviceId: string): Promise<string[]> {
  const { rows } = await t.server.database.exec.query<{ route_code: string }>(
    'SELECT route_code FROM device_routes WHERE device_id = $1 ORDER BY route_code',
    [deviceId],
  );
  return rows.map((r) => r.route_code);
}

describeEachServerDatabase('admin routes (field devices)', (variant) => {
  it('assigns, lists and unassigns routes; refuses bad input in Spanish', { timeout: 240_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 30);
    const { rows } = await t.server.database.exec.query<{ route: string; n: string }>(
      'SELECT left(codigo_ruta, 6) AS route, count(*) AS n FROM subscribers GROUP BY 1 ORDER BY 1 LIMIT 1',
    );
    const route = rows[0]!.route;
    const field = await enroll(t, 'Portátil Norte', 'field');
    await enroll(t, 'Caja 1', 'cashier');

    // With PostgreSQL as the real script, a child process: its exit code and what it prints.
    const assign = await (variant.kind === 'postgres' ? adminSpawned : adminInProcess)({
      env: adminEnv(t),
      args: ['routes', 'assign', 'Portátil Norte', route, route],
    });
    expect(assign.code).toBe(0);
    expect(assign.out).toContain(`Rutas asignadas a «Portátil Norte»: ${route}.`);
    expect(await assigned(t, field)).toEqual([route]);
    const again = await admin(t, 'routes', 'assign', field, route);
    expect(again.out).toContain(`Ya estaban asignadas: ${route}.`);

    const list = await admin(t, 'routes', 'list');
    expect(list.code).toBe(0);
    expect(list.out).toContain('Portátil Norte');
    expect(list.out).toMatch(new RegExp(`${route}\\s+${rows[0]!.n} suscriptores\\s+asignada por admin-cli`));

    // Mistakes: nothing changes, and the operator reads why.
    const unknown = await admin(t, 'routes', 'assign', 'Portátil Sur', route);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('No hay ningún dispositivo «Portátil Sur»');
    const badCode = await admin(t, 'routes', 'assign', 'Portátil Norte', '3-117');
    expect(badCode.code).toBe(1);
    expect(badCode.out).toContain('«3-117» no es un código de ruta');
    const counter = await admin(t, 'routes', 'assign', 'Caja 1', route);
    expect(counter.code).toBe(1);
    expect(counter.out).toContain('«Caja 1» no es un equipo de campo');
    const usage = await admin(t, 'routes', 'assign', 'Portátil Norte');
    expect(usage.code).toBe(2);
    expect(usage.out).toContain('«routes» se usa así');
    expect(await assigned(t, field)).toEqual([route]);

    const unassign = await admin(t, 'routes', 'unassign', 'Portátil Norte', route);
    expect(unassign.code).toBe(0);
    expect(unassign.out).toContain(`Rutas retiradas de «Portátil Norte»: ${route}.`);
    expect(await assigned(t, field)).toEqual([]);
    expect((await admin(t, 'routes', 'list', 'Portátil Norte')).out).toContain('sin rutas');

    const { rows: trail } = await t.server.database.exec.query<{ action: string; by: string }>(
      'SELECT action, by FROM device_route_changes WHERE device_id = $1 ORDER BY id',
      [field],
    );
    expect(trail).toEqual([
      { action: 'assign', by: 'admin-cli' },
      { action: 'unassign', by: 'admin-cli' },
    ]);
  });
});
