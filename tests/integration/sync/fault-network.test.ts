import { expect, it, onTestFinished } from 'vitest';
import type { AppCore } from '../../../src-main/app-core';
import { ChaosProxy, defaultChaos } from '../../support/chaos-proxy';
import { openSession, outboxStates, takePayment, unpaidBill } from '../../support/outbox-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { deviceChecksums, serverChecksums } from '../../support/replica-checksum';
import { tempDir } from '../../support/temp-dir';
import { startTestCore, testConfig } from '../../support/test-app';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { enrolledDevice, seedServer, until } from '../../support/sync-support';

/**
 * Two devices syncing through a proxy that resets, stalls and refuses connections, while
 * server writers change replicated rows concurrently — some holding their transaction open
 * across a pause, the writer that commits late of the `seq > cursor` pitfall (docs/sync-protocol.md) — and
 * the devices push payments. Then the network heals and the writers stop: both replicas must
 * hash like the server's tables, and every event of both devices be applied exactly once.
 */
const chaosMs = 8_000;
const paymentsPerDevice = 150;

async function deviceBehind(t: TestServer, proxyUrl: string): Promise<AppCore> {
  const dir = tempDir('fault-net-device');
  // Enrolled directly, then started again behind the proxy (the network is bad from then on).
  const enrolling = await enrolledDevice(t, { dir: dir.path });
  const server = await serverChecksums(t.server.database.exec);
  await until(
    'first download',
    () => deviceChecksums(enrolling.store),
    (d) => JSON.stringify(d) === JSON.stringify(server),
    30_000,
  );
  await enrolling.stop();
  const core = startTestCore(testConfig(dir.path), proxyUrl);
  onTestFinished(async () => {
    await core.stop();
    dir.remove();
  });
  return core;
}

async function writer(t: TestServer, until: () => boolean, lateCommits: boolean): Promise<number> {
  const exec = t.server.database.exec;
  let writes = 0;
  while (!until()) {
    await exec.transaction(async (tx) => {
      const code = 100_001 + Math.floor(Math.random() * 200);
      await tx.query('UPDATE subscribers SET address = $2 WHERE codigo_interno = $1', [
        code,
        `Calle ${writes} No. ${Math.floor(Math.random() * 99)}-10`,
      ]);
      if (lateCommits) await tx.query('SELECT pg_sleep(0.15)');
      await tx.query(
        "UPDATE bills SET consumption_m3 = consumption_m3 + 1 WHERE codigo_interno = $1 AND state = 'pagada'",
        [code + 1],
      );
    });
    writes += 1;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
  }
  return writes;
}

describeEachServerDatabase('sync faults: a bad network, two devices and concurrent writers', (variant) => {
  it(
    'converges: both replicas equal the server and every pushed event is applied once',
    { timeout: 180_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 200);
      // Small budgets: long polls and pushes of a few payments are only a few kilobytes each.
      const proxy = await ChaosProxy.start(
        t.server.url,
        { ...defaultChaos, resetWithinBytes: 4_000, stallMs: 1_500 },
        7,
      );
      onTestFinished(() => proxy.stop());
      const devices = [await deviceBehind(t, proxy.url), await deviceBehind(t, proxy.url)];

      const stopAt = Date.now() + chaosMs;
      let abandoned = false;
      // A failing assertion must not leave writers running against a stopped server.
      onTestFinished(() => {
        abandoned = true;
      });
      // The chaos lasts its time and until enough faults have hit (a busy machine makes fewer
      // connections in the same time), within a bound.
      const faults = () => proxy.counts.resets + proxy.counts.stalls + proxy.counts.refused;
      const done = () => abandoned || (Date.now() > stopAt && faults() > 5) || Date.now() > stopAt + 4 * chaosMs;
      const writers = Promise.all([writer(t, done, false), writer(t, done, true), writer(t, done, true)]);
      const ids = new Map<AppCore, string[]>();
      for (const core of devices) {
        ids.set(core, []);
        openSession(core);
      }
      // Payments taken while the network misbehaves, a few at a time.
      while (!done()) {
        for (const core of devices) {
          const taken = ids.get(core) ?? [];
          if (taken.length >= paymentsPerDevice) continue;
          for (let i = 0; i < 10; i += 1)
            taken.push(
              takePayment(core, unpaidBill(core, taken.length % 40), 3000 + taken.length, `N-${taken.length}`),
            );
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      const writes = (await writers).reduce((a, b) => a + b, 0);
      proxy.chaos = false;
      expect(writes).toBeGreaterThan(10);
      expect(
        proxy.counts.resets + proxy.counts.stalls + proxy.counts.refused,
        JSON.stringify(proxy.counts),
      ).toBeGreaterThan(5);

      for (const core of devices) {
        // Its payments and the opening of its cash session.
        const count = (ids.get(core)?.length ?? 0) + 1;
        await until(
          'outbox sent',
          () => outboxStates(core),
          (s) => s.sent === count,
          90_000,
        );
      }
      const server = await serverChecksums(t.server.database.exec);
      for (const core of devices) {
        await until(
          'replica = server',
          () => deviceChecksums(core.store),
          (d) => JSON.stringify(d) === JSON.stringify(server),
          60_000,
        );
      }
      for (const core of devices) {
        const deviceId = core.meta.get('deviceId');
        const applied = await t.server.database.exec.query<{ id: string }>(
          'SELECT id FROM applied_events WHERE device_id = $1',
          [deviceId],
        );
        const outboxIds = (core.store.sqlite.prepare('SELECT id FROM outbox').pluck().all() as string[]).sort();
        expect(applied.rows.map((r) => r.id).sort()).toEqual(outboxIds);
        const mine = ids.get(core) ?? [];
        const payments = await t.server.database.exec.query<{ n: string }>(
          'SELECT count(*) AS n FROM payments WHERE id = ANY($1::uuid[])',
          [mine],
        );
        expect(Number(payments.rows[0]?.n)).toBe(mine.length);
      }
    },
  );
});
