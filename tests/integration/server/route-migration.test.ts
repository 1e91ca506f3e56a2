import { randomUUID } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { defaultServerMigrationsDir } from '../../../src-server/db/migration-files';
import { migrateServerDatabase } from '../../../src-server/db/migrate';
import { openServerDatabase } from '../../../src-server/db/open';
import { createServerLogger } from '../../../src-server/logger';
import { describeEachServerDatabase } from '../../support/postgres';
import { prepareDatabase } from '../../support/server-harness';
import { tempDir } from '../../support/temp-dir';

/**
 * Migration 0019 moves data: a field device enrolled before route assignment, with a
 * route-shaped scope (`03`, `03-117`), keeps that route as a row of device_routes with its audit
 * row; any other scope (one subscriber's place, an office name) and any counter get none.
 */
const journalFile = path.join(defaultServerMigrationsDir, 'meta', '_journal.json');
const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<{ tag: string }> };

describeEachServerDatabase('migration 0019: field devices keep their route', (variant) => {
  it('moves route-shaped scopes of field devices into device_routes', { timeout: 120_000 }, async () => {
    const { dir, databaseUrl } = await prepareDatabase(variant, { empty: true });
    const database = await openServerDatabase(
      { dataDir: dir.path, databaseUrl },
      { logger: createServerLogger('silent') },
    );
    onTestFinished(async () => {
      await database.close();
      dir.remove();
    });
    // The migrations as they were before route assignment (up to 0017).
    const before = tempDir('migrations-0017');
    onTestFinished(() => before.remove());
    cpSync(defaultServerMigrationsDir, before.path, { recursive: true });
    const upTo = journal.entries.findIndex((e) => e.tag === '0018_device_routes');
    expect(upTo).toBeGreaterThan(0);
    writeFileSync(
      path.join(before.path, 'meta', '_journal.json'),
      JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }),
    );
    await migrateServerDatabase(database.exec, { migrationsDir: before.path });

    const devices = [
      { name: 'Campo ciclo', mode: 'field', scope: '03' },
      { name: 'Campo ruta', mode: 'field', scope: '03-117' },
      { name: 'Campo suscriptor', mode: 'field', scope: '03-117-0452' },
      { name: 'Campo sin alcance', mode: 'field', scope: null },
      { name: 'Caja ruta', mode: 'cashier', scope: '03' },
      { name: 'Caja sede', mode: 'cashier', scope: 'Norte' },
    ].map((d) => ({ ...d, id: randomUUID() }));
    for (const d of devices)
      await database.exec.query('INSERT INTO devices (id, name, mode, scope, token_hash) VALUES ($1, $2, $3, $4, $5)', [
        d.id,
        d.name,
        d.mode,
        d.scope,
        randomUUID(),
      ]);

    await migrateServerDatabase(database.exec);
    const routes = await database.exec.query<{ name: string; route_code: string; assigned_by: string }>(
      'SELECT d.name, r.route_code, r.assigned_by FROM device_routes r JOIN devices d ON d.id = r.device_id ORDER BY d.name',
    );
    expect(routes.rows).toEqual([
      { name: 'Campo ciclo', route_code: '03', assigned_by: 'migración' },
      { name: 'Campo ruta', route_code: '03-117', assigned_by: 'migración' },
    ]);
    const trail = await database.exec.query<{ route_code: string; action: string }>(
      'SELECT route_code, action FROM device_route_changes ORDER BY route_code',
    );
    expect(trail.rows).toEqual([
      { route_code: '03', action: 'assign' },
      { route_code: '03-117', action: 'assign' },
    ]);
    // The route code's shape is the table's own rule too.
    await expect(
      database.exec.query(`INSERT INTO device_routes (device_id, route_code, assigned_by) VALUES ($1, '3-117', 'x')`, [
        devices[0]!.id,
      ]),
    ).rejects.toThrow(/device_routes_code_check/);
  });
});
