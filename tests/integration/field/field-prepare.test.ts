import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import type { AppCore } from '../../../src-main/app-core';
import { assignRoutes } from '../../../src-server/devices/device-routes';
import type { TestServer } from '../../support/server-harness';
import { describeEachServerDatabase } from '../../support/postgres';
import { enrollPushingDevice } from '../../support/pushing-device';
import { bearer, startTestServer } from '../../support/server-harness';
import { callOk, enrolledDevice, seedServer, until } from '../../support/sync-support';
import { tempDir } from '../../support/temp-dir';

/**
 * «Preparar salida» against a real central server (PGlite and PostgreSQL) and a field laptop's
 * real SQLite replica: a finished download checks ok; a bill deleted or a total changed on the
 * laptop is named and the day refused; a full re-download makes it ok again. The server's
 * route answers only a field device, and only for its own routes.
 */
const staff = { username: 'cajero1', password: '482615' };
const refused = 'Prepare la salida antes de abrir el día: la descarga de sus rutas no terminó.';

async function fieldLaptop(t: TestServer, route: string): Promise<AppCore> {
  const dir = tempDir('field-prepare');
  onTestFinished(() => dir.remove());
  writeFileSync(path.join(dir.path, 'ventanilla.json'), JSON.stringify({ device: { mode: 'field' } }));
  const core = await enrolledDevice(t, { dir: dir.path, mode: 'field', scope: route });
  await until(
    'the route downloaded',
    () => core.meta.get('caughtUpAt'),
    (at) => at !== null,
    90_000,
  );
  return core;
}

async function busiestCiclos(t: TestServer): Promise<[string, string]> {
  const { rows } = await t.server.database.exec.query<{ route: string }>(
    `SELECT left(codigo_ruta, 2) AS route FROM subscribers GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2`,
  );
  return [rows[0]?.route ?? '', rows[1]?.route ?? ''];
}

describeEachServerDatabase('field: «Preparar salida»', (variant) => {
  it(
    'checks the routes against the server, names a tampered bill, refuses the day, and re-downloads',
    { timeout: 240_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 60);
      const exec = t.server.database.exec;
      const [route] = await busiestCiclos(t);
      const core = await fieldLaptop(t, route);
      const { staffSession } = await callOk(core, 'field.signIn', staff);

      const ready = await callOk(core, 'field.prepare', { staffSession, redownload: false });
      const expected = await exec.query<{ subscribers: number; bills: number }>(
        `SELECT count(DISTINCT s.codigo_interno)::int AS subscribers, count(b.bill_number)::int AS bills
         FROM subscribers s LEFT JOIN bills b ON b.codigo_interno = s.codigo_interno
         WHERE s.codigo_ruta LIKE $1`,
        [`${route}-%`],
      );
      expect(ready.differences).toEqual([]);
      expect(ready.ok).toBe(true);
      expect(ready.message).toBe('Salida preparada: su ruta coincide con el servidor.');
      expect(ready.dataAsOf).not.toBeNull();
      expect(ready.routes).toEqual([
        {
          route,
          subscribers: expected.rows[0]?.subscribers,
          bills: expected.rows[0]?.bills,
          payments: expect.any(Number),
        },
      ]);
      expect(ready.routes[0]?.bills).toBeGreaterThan(0);
      expect(core.meta.get('fieldPrepareState')).toBe('ok');

      // A bill lost on the laptop: named, and no new day opens.
      const sqlite = core.store.sqlite;
      const lost = sqlite.prepare('SELECT bill_number FROM bills ORDER BY bill_number LIMIT 1').pluck().get() as number;
      sqlite.prepare('DELETE FROM bills WHERE bill_number = ?').run(lost);
      const missing = await callOk(core, 'field.prepare', { staffSession, redownload: false });
      expect(missing.ok).toBe(false);
      expect(missing.differences).toEqual([`Falta 1 factura de la ruta ${route}: vuelva a descargar.`]);
      expect(missing.message).toBe(
        'Los datos de este equipo no coinciden con el servidor: vuelva a descargar sus rutas.',
      );
      const day = await core.dispatch('field.openDay', { staffSession });
      expect(day.ok).toBe(false);
      if (!day.ok) expect(day.error).toEqual({ code: 'conflict', message: refused });

      // A total changed on the laptop: the counts match, the checksum does not.
      sqlite
        .prepare('UPDATE bills SET total = total + 1000 WHERE bill_number = (SELECT max(bill_number) FROM bills)')
        .run();
      const changed = await callOk(core, 'field.prepare', { staffSession, redownload: false });
      expect(changed.differences).toEqual([`Falta 1 factura de la ruta ${route}: vuelva a descargar.`]);

      // The full re-download: rows again from the server, the check ok, the day opens.
      const again = await callOk(core, 'field.prepare', { staffSession, redownload: true });
      expect(again.differences).toEqual([]);
      expect(again.ok).toBe(true);
      expect(sqlite.prepare('SELECT count(*) FROM bills WHERE bill_number = ?').pluck().get(lost)).toBe(1);
      const opened = await callOk(core, 'field.openDay', { staffSession });
      expect(opened.state).toBe('open');
    },
  );

  it(
    'a changed total alone is named; a kiosk, a counter and another route are never answered',
    { timeout: 240_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 60);
      const [mine, theirs] = await busiestCiclos(t);
      const core = await fieldLaptop(t, mine);
      const other = await fieldLaptop(t, theirs);
      const { staffSession } = await callOk(core, 'field.signIn', staff);
      core.store.sqlite
        .prepare('UPDATE bills SET total = total + 1000 WHERE bill_number = (SELECT max(bill_number) FROM bills)')
        .run();
      const changed = await callOk(core, 'field.prepare', { staffSession, redownload: false });
      expect(changed.differences).toEqual([
        `Las facturas de la ruta ${mine} no coinciden con el servidor (${changed.routes[0]?.bills} revisadas): vuelva a descargar.`,
      ]);

      const url = `${t.server.url}/v1/sync/route-checksum`;
      const token = (core: AppCore) => core.meta.get('deviceToken') ?? '';
      // Its own routes, whatever it names in the query.
      for (const query of ['', `?routes=${theirs}`, `?route=${theirs}&device=${String(other.meta.get('deviceId'))}`]) {
        const response = await fetch(`${url}${query}`, bearer(token(core)));
        if (response.status === 200) {
          const { value: body } = (await response.json()) as {
            value: { routes: string[]; byRoute: { route: string }[] };
          };
          expect(body.routes).toEqual([mine]);
          expect(body.byRoute.map((r) => r.route)).toEqual([mine]);
        } else expect(response.status).toBe(400);
      }
      const theirsAnswer = (await (await fetch(url, bearer(token(other)))).json()) as { value: { routes: string[] } };
      expect(theirsAnswer.value.routes).toEqual([theirs]);

      for (const mode of ['kiosk', 'cashier'] as const) {
        // Enrolled with its mode; only its token is used, so no app core downloads a replica.
        const device = await enrollPushingDevice(t, mode === 'kiosk' ? 'Kiosco 1' : 'Caja 1', mode);
        const response = await fetch(url, bearer(device.token));
        expect(response.status).toBe(403);
        expect(JSON.stringify(await response.json())).toContain('Solo un equipo de campo prepara la salida');
      }
      expect((await fetch(url, bearer('not-a-token'))).status).toBe(401);
    },
  );
  it('after a route is added, no new day opens until the routes are checked again', { timeout: 240_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 60);
    const [mine, added] = await busiestCiclos(t);
    const core = await fieldLaptop(t, mine);
    const { staffSession } = await callOk(core, 'field.signIn', staff);
    expect((await callOk(core, 'field.prepare', { staffSession, redownload: false })).ok).toBe(true);

    await assignRoutes(t.server.database, String(core.meta.get('deviceId')), [added], 'supervisor1');
    await until(
      'the added route downloaded',
      () => [core.meta.get('replicaRoutes'), core.meta.get('caughtUpAt')] as const,
      ([routes, caughtUp]) => routes === JSON.stringify([mine, added].sort()) && caughtUp !== null,
      90_000,
    );
    const day = await core.dispatch('field.openDay', { staffSession });
    expect(day.ok ? null : day.error).toEqual({ code: 'conflict', message: refused });

    const both = await callOk(core, 'field.prepare', { staffSession, redownload: false });
    expect(both.message).toBe('Salida preparada: sus 2 rutas coinciden con el servidor.');
    expect(both.routes.map((r) => r.route)).toEqual([mine, added].sort());
    expect((await callOk(core, 'field.openDay', { staffSession })).state).toBe('open');
  });
});
