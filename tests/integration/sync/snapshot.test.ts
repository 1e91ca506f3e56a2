import { expect, it } from 'vitest';
import { damagedPartMessage } from '../../../src-main/sync/snapshot-download';
import type { Store } from '../../../src-main/store/open-store';
import type { SyncOptions } from '../../../src-main/sync/sync-service';
import { describeEachServerDatabase } from '../../support/postgres';
import { deviceChecksums, serverChecksums } from '../../support/replica-checksum';
import { startTestServer } from '../../support/server-harness';
import { SnapshotProxy } from '../../support/snapshot-proxy';
import { enrolledDevice, expectReplicaEqual, seedServer, status, until } from '../../support/sync-support';
import { quickSync, startTestCore, testConfig } from '../../support/test-app';
import { tempDir } from '../../support/temp-dir';

/**
 * A new device's first download by snapshot (src-main/sync/snapshot-download.ts): the rows as
 * they are now in checked parts, then the feed from the snapshot's cursor. Small parts, so a
 * few hundred subscribers make many of them.
 */
const bySnapshot: SyncOptions = {
  ...quickSync,
  puller: { ...quickSync.puller, snapshotMinRows: 100, snapshotPartRows: 250 },
};

const snapshotCursor = (proxy: SnapshotProxy): number =>
  Math.min(
    ...proxy.requests
      .filter((url) => url.pathname === '/v1/sync/pull' && url.searchParams.get('cursor') !== '0')
      .map((url) => Number(url.searchParams.get('cursor'))),
  );

/** The replica's secondary indexes (db/local/schema/replica.ts): dropped during a download, built again after. */
const replicaIndexes = [
  'bills_subscriber_period_idx',
  'payments_subscriber_idx',
  'subscribers_meter_idx',
  'subscribers_ruta_idx',
];
const indexesOf = (store: Store): unknown[] =>
  store.sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('subscribers', 'bills', 'payments') AND sql IS NOT NULL ORDER BY name",
    )
    .pluck()
    .all();

describeEachServerDatabase('sync: first download by snapshot', (variant) => {
  it(
    'downloads the rows as they are now in parts, takes changes made meanwhile from the feed',
    { timeout: 120_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 200);
      const proxy = await SnapshotProxy.start(t.server.url);
      // Mid-download: a subscriber already written changes, one not yet written too, a setting goes.
      let changed = false;
      proxy.beforePart = async (_url, index) => {
        if (index !== 3) return;
        await t.server.database.exec.query(
          "UPDATE subscribers SET address = 'Carrera 7 No. 1-01' WHERE codigo_interno IN ((SELECT min(codigo_interno) FROM subscribers), (SELECT max(codigo_interno) FROM subscribers))",
        );
        await t.server.database.exec.query("DELETE FROM settings WHERE key = 'entity'");
        changed = true;
      };
      const core = await enrolledDevice(t, { serverUrl: proxy.url, sync: bySnapshot });
      await until('the changes made mid-download', () => changed, Boolean);
      await expectReplicaEqual(t, core);
      const parts = proxy.partRequests();
      // Many parts, each after the last key of the one before, never one asked twice.
      expect(parts.length).toBeGreaterThan(10);
      const asked = parts.map((url) => `${url.searchParams.get('table')}>${url.searchParams.get('after') ?? ''}`);
      expect(new Set(asked).size).toBe(asked.length);
      // The feed went on from the snapshot's cursor, not from the start.
      expect(snapshotCursor(proxy)).toBeGreaterThan(0);
      expect(
        core.store.sqlite.prepare("SELECT value FROM device_meta WHERE key = 'syncSnapshot'").get(),
      ).toBeUndefined();
      expect(deviceChecksums(core.store).settings.rows).toBe(0);
      // The indexes dropped for the download are back, and nothing says otherwise.
      expect(indexesOf(core.store)).toEqual(replicaIndexes);
      expect(
        core.store.sqlite.prepare("SELECT value FROM device_meta WHERE key = 'syncSnapshotIndexes'").get(),
      ).toBeUndefined();
    },
  );

  it(
    'goes on where it was after a cut connection, and says so while parts arrive damaged',
    { timeout: 120_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 200);
      const proxy = await SnapshotProxy.start(t.server.url);
      proxy.beforePart = async (_url, index) => {
        if (index === 2) {
          proxy.fault = 'cut';
          proxy.faultsLeft = 1;
        }
        if (index === 6) {
          proxy.fault = 'corrupt';
          proxy.faultsLeft = Number.POSITIVE_INFINITY;
        }
      };
      const core = await enrolledDevice(t, { serverUrl: proxy.url, sync: bySnapshot });
      // A damaged part is refused whole and the status says why, until parts arrive whole again.
      await until(
        'the damaged part shown',
        async () => (await status(core)).sync.lastError,
        (e) => e === damagedPartMessage,
      );
      const written = core.store.sqlite.prepare('SELECT count(*) FROM bills').pluck();
      const before = written.get() as number;
      proxy.fault = 'none';
      await expectReplicaEqual(t, core);
      expect(before).toBeGreaterThan(0);
      expect((await status(core)).sync.lastError).toBeNull();
      // The cut part and the damaged one were asked again with the same key; no other was.
      const asked = proxy
        .partRequests()
        .map((url) => `${url.searchParams.get('table')}>${url.searchParams.get('after') ?? ''}`);
      const repeated = asked.filter((key, i) => asked.indexOf(key) !== i);
      expect(new Set(repeated).size).toBe(2);
    },
  );

  it('a device stopped mid-download goes on from its last part when started again', { timeout: 120_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 200);
    const proxy = await SnapshotProxy.start(t.server.url);
    proxy.beforePart = async (_url, index) => {
      if (index === 5) proxy.fault = 'hold';
    };
    const dir = tempDir('snapshot-restart');
    const first = await enrolledDevice(t, { serverUrl: proxy.url, sync: bySnapshot, dir: dir.path });
    const state = first.store.sqlite.prepare("SELECT value FROM device_meta WHERE key = 'syncSnapshot'").pluck();
    const saved = await until(
      'parts written before the stop',
      () => proxy.partRequests().length >= 6 && JSON.parse((state.get() as string | undefined) ?? '{"applied":0}'),
      // Five parts written (the subscribers, four of bills); the sixth is held.
      (s) => s !== false && s.applied === 200 + 4 * 250,
    );
    // What the status strip shows meanwhile: the rows written of the snapshot's total.
    const progress = (await status(first)).sync.progress;
    const total = (saved as { tables: { rows: number }[] }).tables.reduce((n, x) => n + x.rows, 0);
    expect(progress).toMatchObject({ rowsDone: 200 + 4 * 250, rowsTotal: total });
    // Mid-download the replica's secondary indexes are dropped; the restart builds them at the end.
    expect(indexesOf(first.store)).toEqual([]);
    await first.stop();
    const asked = proxy.partRequests().length;
    proxy.release();
    const again = startTestCore(testConfig(dir.path), proxy.url, bySnapshot);
    try {
      await expectReplicaEqual(t, again);
      // The first part asked after the restart is the one after the last part written.
      const resumed = proxy.partRequests()[asked];
      expect(resumed?.searchParams.get('after')).toBe((saved as { after: string }).after);
      expect(indexesOf(again.store)).toEqual(replicaIndexes);
    } finally {
      await again.stop();
      dir.remove();
    }
  });

  it(
    'a field laptop gets its routes only, a kiosk no staff and no payment references',
    { timeout: 120_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 200);
      const { rows } = await t.server.database.exec.query<{ prefix: string }>(
        'SELECT left(min(codigo_ruta), 6) AS prefix FROM subscribers',
      );
      const prefix = rows[0]!.prefix;
      const proxy = await SnapshotProxy.start(t.server.url);
      const laptop = await enrolledDevice(t, { scope: prefix, mode: 'field', serverUrl: proxy.url, sync: bySnapshot });
      const kiosk = await enrolledDevice(t, { mode: 'kiosk', serverUrl: proxy.url, sync: bySnapshot });
      const inRoute = `codigo_interno IN (SELECT codigo_interno FROM subscribers WHERE left(codigo_ruta, ${prefix.length + 1}) = '${prefix}-')`;
      const scoped = (table: string): string =>
        table === 'subscribers'
          ? `left(codigo_ruta, ${prefix.length + 1}) = '${prefix}-'`
          : ['bills', 'payments'].includes(table)
            ? inRoute
            : 'true';
      const expected = await serverChecksums(t.server.database.exec, scoped, 'field');
      await until(
        'the route on the laptop',
        () => deviceChecksums(laptop.store),
        (d) => JSON.stringify(d) === JSON.stringify(expected),
      );
      await expectReplicaEqual(t, kiosk);
      expect(deviceChecksums(kiosk.store).staff_users.rows).toBe(0);
      expect(
        kiosk.store.sqlite.prepare('SELECT count(*) FROM payments WHERE reference IS NOT NULL').pluck().get(),
      ).toBe(0);
      const tablesAsked = new Set(proxy.partRequests().map((url) => url.searchParams.get('table')));
      expect(tablesAsked).toContain('bills');
    },
  );
});
