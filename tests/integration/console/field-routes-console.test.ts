import { expect, it } from 'vitest';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { exchangeEnrollmentCode } from '../../../src-server/devices/enroll';
import type { DeviceMode } from '../../../src-shared/domain/device-mode';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { ConsoleClient, staffPassword } from '../../support/staff-console';
import { quickSync } from '../../support/test-app';
import { enrolledDevice, seedServer, until } from '../../support/sync-support';

/**
 * «Rutas de campo» in the staff console (docs/field-routes.md): a supervisor sees each field
 * laptop's routes with their subscriber counts, assigns and takes routes away; a cashier or a
 * support agent is refused (403) the page and the forms, a form without the session's CSRF
 * token changes nothing, and a bad route code or a counter answers in Spanish.
 */
async function loggedIn(t: TestServer, username: string): Promise<ConsoleClient> {
  const browser = new ConsoleClient(t.server.url);
  const answer = await browser.login(username, staffPassword(username));
  expect(answer.status).toBe(303);
  return browser;
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

const path = '/consola/rutas';

describeEachServerDatabase('staff console: field routes', (variant) => {
  it('a supervisor assigns and takes away routes; cashier and support are refused', { timeout: 180_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 40);
    const { rows } = await t.server.database.exec.query<{ route: string; n: string }>(
      'SELECT left(codigo_ruta, 6) AS route, count(*) AS n FROM subscribers GROUP BY 1 ORDER BY 1 LIMIT 1',
    );
    const route = rows[0]!.route;
    const field = await enroll(t, 'Portátil Norte', 'field');
    const counter = await enroll(t, 'Caja 1', 'cashier');

    // A cashier and a support agent: no menu entry, no page, no form.
    for (const username of ['cajero1', 'soporte1']) {
      const browser = await loggedIn(t, username);
      expect((await browser.get('/consola/prepagos')).text).not.toContain('Rutas de campo');
      const page = await browser.get(path);
      expect(page.status).toBe(403);
      expect(page.text).toContain('Solo un supervisor o un administrador puede hacer esto.');
      const csrf = await browser.csrf();
      const post = await browser.post(`${path}/asignar`, { csrf, equipo: field, rutas: route });
      expect(post.status).toBe(403);
    }
    expect(await assigned(t, field)).toEqual([]);

    const supervisor = await loggedIn(t, 'supervisor1');
    const before = await supervisor.get(path);
    expect(before.status).toBe(200);
    expect(before.text).toContain('Rutas de campo');
    expect(before.text).toContain('Portátil Norte');
    expect(before.text).toContain('este portátil no guarda ningún suscriptor');
    expect(before.text).not.toContain('Caja 1');

    // Without the session's token (or with another), nothing changes.
    expect((await supervisor.post(`${path}/asignar`, { equipo: field, rutas: route })).status).toBe(403);
    expect(
      (await supervisor.post(`${path}/asignar`, { csrf: 'x'.repeat(43), equipo: field, rutas: route })).status,
    ).toBe(403);
    expect(await assigned(t, field)).toEqual([]);

    const csrf = await supervisor.csrf();
    const bad = await supervisor.post(`${path}/asignar`, { csrf, equipo: field, rutas: `${route} 3-117` });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('«3-117» no es un código de ruta');
    expect(bad.text).toContain(`value="${route} 3-117"`);
    const toCounter = await supervisor.post(`${path}/asignar`, { csrf, equipo: counter, rutas: route });
    expect(toCounter.status).toBe(400);
    expect(toCounter.text).toContain('«Caja 1» no es un equipo de campo');
    expect(await assigned(t, field)).toEqual([]);

    const done = await supervisor.post(`${path}/asignar`, { csrf, equipo: field, rutas: route });
    expect(done.status).toBe(303);
    expect(done.location).toBe(path);
    expect(await assigned(t, field)).toEqual([route]);
    const after = await supervisor.get(path);
    expect(after.text).toContain(`Rutas asignadas a «Portátil Norte»: ${route}.`);
    expect(after.text).toMatch(new RegExp(`<td>${route}</td>\\s*<td class="num">${rows[0]!.n}</td>`));
    expect(after.text).toContain('supervisor1,');

    const removed = await supervisor.post(`${path}/quitar`, { csrf, equipo: field, rutas: route });
    expect(removed.status).toBe(303);
    expect(await assigned(t, field)).toEqual([]);
    const trail = await t.server.database.exec.query<{ action: string; by: string }>(
      'SELECT action, by FROM device_route_changes WHERE device_id = $1 ORDER BY id',
      [field],
    );
    expect(trail.rows).toEqual([
      { action: 'assign', by: 'supervisor1' },
      { action: 'unassign', by: 'supervisor1' },
    ]);
  });

  it(
    'a laptop waiting in its long poll (25 s) receives a route assigned in the console at once',
    { timeout: 120_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 40);
      const { rows } = await t.server.database.exec.query<{ route: string; n: string }>(
        'SELECT left(codigo_ruta, 6) AS route, count(*) AS n FROM subscribers GROUP BY 1 ORDER BY 1 LIMIT 1',
      );
      // Signed in first: a login writes to staff_users, a change in the feed that would end
      // the laptop's wait by itself.
      const supervisor = await loggedIn(t, 'supervisor1');
      const csrf = await supervisor.csrf();
      // The product's long poll, not the tests' quick one.
      const laptop = await enrolledDevice(t, {
        mode: 'field',
        sync: { ...quickSync, puller: { ...quickSync.puller, longPollMs: 25_000 } },
      });
      await until(
        'caught up',
        () => laptop.meta.get('caughtUpAt'),
        (at) => at !== null,
      );
      const assignedAt = Date.now();
      const done = await supervisor.post(`${path}/asignar`, {
        csrf,
        equipo: laptop.meta.get('deviceId') ?? '',
        rutas: rows[0]!.route,
      });
      expect(done.status).toBe(303);
      // Well under the long poll: the assignment ended the wait, the laptop re-scoped and downloaded.
      const held = laptop.store.sqlite.prepare('SELECT count(*) FROM subscribers').pluck();
      await until(
        'the route on the laptop',
        () => held.get(),
        (n) => n === Number(rows[0]!.n),
        12_000,
      );
      expect(Date.now() - assignedAt).toBeLessThan(20_000);
    },
  );
});
