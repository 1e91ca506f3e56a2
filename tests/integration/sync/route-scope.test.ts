import { expect, it } from 'vitest';
import type { AppCore } from '../../../src-main/app-core';
import { assignRoutes, unassignRoutes } from '../../../src-server/devices/device-routes';
import type { ReplicatedTable } from '../../../src-shared/server-api/sync-api';
import { openSession, outboxStates, takePayment, unpaidBill } from '../../support/outbox-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { deviceChecksums, serverChecksums, type Checksums } from '../../support/replica-checksum';
import type { TestServer } from '../../support/server-harness';
import { startTestServer } from '../../support/server-harness';
import { enrolledDevice, seedServer, until } from '../../support/sync-support';

/**
 * Route assignment of field laptops (docs/field-routes.md): the replica holds exactly the
 * assigned routes' subscribers, bills and payments, compared row by row with the server; an
 * assignment or a subscriber's move re-scopes it both ways; the outbox is never touched.
 */

/** A short long poll, so a route change is seen within a second (the product waits up to 25 s). */
const fieldSync = { puller: { longPollMs: 500 } };

function withinSql(column: string, routes: readonly string[]): string {
  if (routes.length === 0) return 'false';
  return `(${routes.map((r) => `${column} = '${r}' OR substr(${column}, 1, ${r.length + 1}) = '${r}-'`).join(' OR ')})`;
}

/** The server's tables as a field laptop with `routes` must hold them. */
function scopedChecksums(t: TestServer, routes: readonly string[]): Promise<Checksums> {
  const inRoutes = withinSql('codigo_ruta', routes);
  return serverChecksums(
    t.server.database.exec,
    (table: ReplicatedTable) =>
      table === 'subscribers'
        ? inRoutes
        : table === 'bills' || table === 'payments'
          ? `codigo_interno IN (SELECT codigo_interno FROM subscribers WHERE ${inRoutes})`
          : 'true',
    'field',
  );
}

async function expectScoped(t: TestServer, core: AppCore, routes: readonly string[]): Promise<Checksums> {
  const expected = await scopedChecksums(t, routes);
  await until(
    `replica of routes [${routes.join(', ')}]`,
    () => deviceChecksums(core.store),
    (held) => JSON.stringify(held) === JSON.stringify(expected),
    30_000,
  );
  return expected;
}

/** The first two routes (`NN-NNN`) of the seeded subscribers. */
async function twoRoutes(t: TestServer): Promise<[string, string]> {
  const { rows } = await t.server.database.exec.query<{ route: string }>(
    'SELECT DISTINCT left(codigo_ruta, 6) AS route FROM subscribers ORDER BY 1 LIMIT 2',
  );
  const [a, b] = rows.map((r) => r.route);
  if (a === undefined || b === undefined) throw new Error('the seed has fewer than two routes');
  return [a, b];
}

const deviceId = (core: AppCore): string => core.meta.get('deviceId') ?? '';

describeEachServerDatabase('field routes: the replica holds exactly the assigned routes', (variant) => {
  it('no routes: nothing of any subscriber; assign, add a second, take one away', { timeout: 180_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 150);
    const [a, b] = await twoRoutes(t);
    const laptop = await enrolledDevice(t, { mode: 'field', sync: fieldSync });

    // Enrolled without a route: the entity-wide rows only (staff, settings), no citizen data.
    const none = await expectScoped(t, laptop, []);
    expect(none.subscribers.rows).toBe(0);
    expect(none.settings.rows).toBe(1);

    await assignRoutes(t.server.database, deviceId(laptop), [a], 'supervisor1');
    const onlyA = await expectScoped(t, laptop, [a]);
    expect(onlyA.subscribers.rows).toBeGreaterThan(0);
    expect(onlyA.bills.rows).toBeGreaterThan(0);

    // Money taken on this laptop, in route A: its outbox event must survive every re-scope.
    openSession(laptop);
    takePayment(laptop, unpaidBill(laptop), 1, '000001');
    const outboxBefore = laptop.store.sqlite.prepare('SELECT id, type, payload FROM outbox ORDER BY id').all();
    expect(outboxBefore).toHaveLength(2);
    await until(
      'the payment sent',
      () => outboxStates(laptop),
      (s) => s.sent === 2,
    );

    const change = await assignRoutes(t.server.database, deviceId(laptop), [b, a], 'supervisor1');
    expect(change.changed).toEqual([b]);
    expect(change.unchanged).toEqual([a]);
    const both = await expectScoped(t, laptop, [a, b]);
    expect(both.subscribers.rows).toBeGreaterThan(onlyA.subscribers.rows);

    await unassignRoutes(t.server.database, deviceId(laptop), [a], 'supervisor1');
    const onlyB = await expectScoped(t, laptop, [b]);
    expect(onlyB.subscribers.rows).toBe(both.subscribers.rows - onlyA.subscribers.rows);
    const leftOfA = laptop.store.sqlite
      .prepare(`SELECT count(*) FROM subscribers WHERE ${withinSql('codigo_ruta', [a])}`)
      .pluck()
      .get();
    expect(leftOfA).toBe(0);
    // The outbox is as it was: nothing deleted, nothing sent again.
    expect(laptop.store.sqlite.prepare('SELECT id, type, payload FROM outbox ORDER BY id').all()).toEqual(outboxBefore);
    expect(outboxStates(laptop)).toEqual({ sent: 2 });
    // The payment taken in route A stands on the server.
    const { rows } = await t.server.database.exec.query<{ channel: string }>(
      'SELECT channel FROM payments WHERE device_id = $1',
      [deviceId(laptop)],
    );
    expect(rows).toEqual([{ channel: 'campo' }]);

    // The audit trail says who did what.
    const trail = await t.server.database.exec.query<{ route_code: string; action: string; by: string }>(
      'SELECT route_code, action, by FROM device_route_changes WHERE device_id = $1 ORDER BY id',
      [deviceId(laptop)],
    );
    expect(trail.rows).toEqual([
      { route_code: a, action: 'assign', by: 'supervisor1' },
      { route_code: b, action: 'assign', by: 'supervisor1' },
      { route_code: a, action: 'unassign', by: 'supervisor1' },
    ]);
  });

  it(
    'a subscriber moved from route A to route B leaves laptop 1 and arrives on laptop 2, bills and payments too',
    { timeout: 180_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 150);
      const [a, b] = await twoRoutes(t);
      const laptop1 = await enrolledDevice(t, { mode: 'field', scope: a, sync: fieldSync });
      const laptop2 = await enrolledDevice(t, { mode: 'field', scope: b, sync: fieldSync });
      // A counter holds the whole entity, routes or not.
      const counter = await enrolledDevice(t);
      await expectScoped(t, laptop1, [a]);
      await expectScoped(t, laptop2, [b]);

      // A subscriber of route A with payments on record.
      const { rows } = await t.server.database.exec.query<{ codigo_interno: number }>(
        `SELECT s.codigo_interno FROM subscribers s WHERE ${withinSql('s.codigo_ruta', [a])}
         AND EXISTS (SELECT 1 FROM payments p WHERE p.codigo_interno = s.codigo_interno) ORDER BY 1 LIMIT 1`,
      );
      const moved = rows[0]!.codigo_interno;
      const held = (core: AppCore, table: 'subscribers' | 'bills' | 'payments'): number =>
        core.store.sqlite
          .prepare(`SELECT count(*) FROM ${table} WHERE codigo_interno = ?`)
          .pluck()
          .get(moved) as number;
      expect(held(laptop1, 'bills')).toBeGreaterThan(0);
      expect(held(laptop1, 'payments')).toBeGreaterThan(0);
      expect(held(laptop2, 'subscribers')).toBe(0);

      await t.server.database.exec.query(`UPDATE subscribers SET codigo_ruta = $2 WHERE codigo_interno = $1`, [
        moved,
        `${b}-9990`,
      ]);
      await expectScoped(t, laptop1, [a]);
      await expectScoped(t, laptop2, [b]);
      expect([held(laptop1, 'subscribers'), held(laptop1, 'bills'), held(laptop1, 'payments')]).toEqual([0, 0, 0]);
      expect(held(laptop2, 'subscribers')).toBe(1);
      expect(held(laptop2, 'bills')).toBeGreaterThan(0);
      expect(held(laptop2, 'payments')).toBeGreaterThan(0);
      // The counter kept every row of it.
      const all = await serverChecksums(t.server.database.exec);
      await until(
        'the counter = server',
        () => deviceChecksums(counter.store),
        (c) => JSON.stringify(c) === JSON.stringify(all),
      );
    },
  );
});
