import { expect, it } from 'vitest';
import { deviceChecksums, serverChecksums } from '../../support/replica-checksum';
import { describeEachServerDatabase } from '../../support/postgres';
import { bearer, startTestServer } from '../../support/server-harness';
import { enrolledDevice, expectReplicaEqual, seedServer, status, until } from '../../support/sync-support';

describeEachServerDatabase('sync: pull', (variant) => {
  it('downloads everything to a new device, then a change reaches it within a second', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 120);
    const core = await enrolledDevice(t);
    await expectReplicaEqual(t, core);
    const counts = deviceChecksums(core.store);
    expect(counts.subscribers.rows).toBe(120);
    expect(counts.bills.rows).toBeGreaterThanOrEqual(120 * 6);
    // A counter holds the cashiers and supervisors of the five demo accounts, nobody else.
    expect(counts.staff_users.rows).toBe(3);
    expect(counts.settings.rows).toBe(1);
    expect((await status(core)).sync.lastPullAt).not.toBeNull();

    // The device is now long-polling: an update must arrive without waiting for a timer.
    const started = Date.now();
    await t.server.database.exec.query(
      "UPDATE subscribers SET address = 'Calle 10 No. 3-21' WHERE codigo_interno = (SELECT min(codigo_interno) FROM subscribers)",
    );
    await until(
      'the address change on the device',
      () =>
        core.store.sqlite
          .prepare("SELECT count(*) AS n FROM subscribers WHERE address = 'Calle 10 No. 3-21'")
          .get() as { n: number },
      (row) => row.n === 1,
      5000,
    );
    expect(Date.now() - started).toBeLessThan(1500);

    // A delete reaches it too.
    await t.server.database.exec.query("DELETE FROM settings WHERE key = 'entity'");
    await expectReplicaEqual(t, core);
    expect(deviceChecksums(core.store).settings.rows).toBe(0);
  });

  it('a device scoped to a route receives only that route and entity-wide rows', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 150);
    const { rows } = await t.server.database.exec.query<{ prefix: string }>(
      'SELECT left(min(codigo_ruta), 6) AS prefix FROM subscribers',
    );
    const prefix = rows[0]!.prefix;
    const core = await enrolledDevice(t, { scope: prefix, mode: 'field' });
    const scoped = (table: string): string =>
      table === 'subscribers'
        ? `left(codigo_ruta, ${prefix.length + 1}) = '${prefix}-'`
        : table === 'bills' || table === 'payments'
          ? `codigo_interno IN (SELECT codigo_interno FROM subscribers WHERE left(codigo_ruta, ${prefix.length + 1}) = '${prefix}-')`
          : 'true';
    const expected = await serverChecksums(t.server.database.exec, scoped);
    await until(
      'scoped replica',
      () => deviceChecksums(core.store),
      (d) => JSON.stringify(d) === JSON.stringify(expected),
    );
    expect(expected.subscribers.rows).toBeGreaterThan(0);
    expect(expected.subscribers.rows).toBeLessThan(150);

    // One statement changes two of the route's subscribers: one moves to another ciclo (it must
    // leave this device), the other only changes address (it must stay, updated).
    const [moving, staying] = core.store.sqlite
      .prepare('SELECT codigo_interno FROM subscribers ORDER BY codigo_interno LIMIT 2')
      .pluck()
      .all() as number[];
    await t.server.database.exec.query(
      `UPDATE subscribers SET codigo_ruta = CASE WHEN codigo_interno = $1 THEN '99-999-9999' ELSE codigo_ruta END, address = 'Nueva dirección 1' WHERE codigo_interno IN ($1, $2)`,
      [moving, staying],
    );
    const present = core.store.sqlite.prepare('SELECT address FROM subscribers WHERE codigo_interno = ?').pluck();
    await until(
      'the move reaches the device',
      () => [present.get(moving), present.get(staying)],
      ([gone, kept]) => gone === undefined && kept === 'Nueva dirección 1',
      10_000,
    );
  });

  it('refuses a bad cursor and a missing token; a cursor from the future renews the epoch instead', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 5);
    const core = await enrolledDevice(t);
    await expectReplicaEqual(t, core);
    const token = core.meta.get('deviceToken')!;
    const before = await t.request('/v1/sync/pull?cursor=0&limit=1', bearer(token));
    // A device ahead of the feed has seen a database this one was restored over (docs/sync-protocol.md, «Epochs»).
    const future = await t.request('/v1/sync/pull?cursor=999999999', bearer(token));
    expect(future.status).toBe(200);
    const epochOf = (body: unknown) => (body as { value: { epoch: string } }).value.epoch;
    expect(epochOf(future.body)).not.toBe(epochOf(before.body));
    expect(future.body).toMatchObject({ ok: true, value: { changes: [], cursor: '999999999', hasMore: false } });
    const letters = await t.request('/v1/sync/pull?cursor=abc', bearer(token));
    expect(letters.status).toBe(400);
    expect(letters.body).toMatchObject({ ok: false, error: { code: 'validation' } });
    const anonymous = await t.request('/v1/sync/pull?cursor=0');
    expect(anonymous.status).toBe(401);
  });
});
