import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../../scripts/stack';
import { tempDir } from '../../support/temp-dir';
import { until } from '../../support/sync-support';

/**
 * `npm start` with `device.mode: "field"`: the laptop enrolls itself with the first route of the
 * demo data and its replica holds that route's subscribers, no others (docs/field-routes.md).
 */
describe('the demo stack as a field laptop', () => {
  const dir = tempDir('stack-field');
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      dataDir: dir.path,
      demoSubscribers: 40,
      logLevel: 'silent',
      config: { device: { mode: 'field', name: 'Portátil de demostración' } },
    });
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    dir.remove();
  });

  it('is assigned the first demo route and holds exactly its subscribers', { timeout: 120_000 }, async () => {
    const exec = stack.server!.running().database.exec;
    const { rows } = await exec.query<{ route_code: string; first: string; n: string }>(
      `SELECT r.route_code, (SELECT left(min(codigo_ruta), 6) FROM subscribers) AS first,
         (SELECT count(*) FROM subscribers WHERE left(codigo_ruta, 7) = r.route_code || '-') AS n
       FROM device_routes r`,
    );
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row!.route_code).toBe(row!.first);
    const expected = Number(row!.n);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(40);
    const held = stack.core.store.sqlite.prepare('SELECT codigo_ruta FROM subscribers').pluck();
    const routes = await until(
      'the route downloaded',
      () => held.all() as string[],
      (list) => list.length === expected,
      60_000,
    );
    expect(routes.every((codigo) => codigo.startsWith(`${row!.route_code}-`))).toBe(true);
  });
});
