import { expect, it, onTestFinished } from 'vitest';
import type { DeviceReport } from '../../../src-shared/server-api/device-report';
import { SimulatedDispenser } from '../../../src-main/devices/dispenser/simulated-dispenser';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { startKioskCore } from '../../support/kiosk-core';
import { describeEachServerDatabase } from '../../support/postgres';
import { openTestStore } from '../../support/replica-store';
import { postJson, startTestServer, type TestServer } from '../../support/server-harness';
import { cheapScrypt } from '../../support/staff-console';
import { until } from '../../support/sync-support';
import { tempDir } from '../../support/temp-dir';

/**
 * The heartbeat's later fields (docs/device-report.md): a report of an older version, without
 * them, is still taken; with them it is kept whole; and the app's crash marker: a clean stop
 * leaves no crash, a run that never stopped (its marker left in the store, as a killed process
 * leaves it) is reported as `lastCrash` at the next start; and an open cash session told by its cashier's username.
 */
const oldReport = (): DeviceReport => ({
  appVersion: '0.1.0',
  mode: 'kiosk',
  madeAt: new Date().toISOString(),
  printer: { state: 'ready', name: null },
  dispenser: { state: 'ready', paperLow: false },
  outbox: { pending: 0, parked: 0, oldestPendingAt: null },
  clockOffsetSeconds: 0,
  freeDiskBytes: null,
});

async function enrollRaw(t: TestServer): Promise<string> {
  const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Kiosco viejo', mode: 'kiosk' });
  const answer = await t.request('/v1/enroll', postJson({ code }));
  return (answer.body as { value: { token: string } }).value.token;
}

const post = (t: TestServer, token: string, body: unknown) =>
  t.request('/v1/device/report', postJson(body, { authorization: `Bearer ${token}` }));

const stored = (t: TestServer) =>
  t.server.database.exec
    .query<{ report: unknown }>('SELECT report FROM device_reports')
    .then((r) => r.rows.map((row) => ({ report: row.report as DeviceReport })));

describeEachServerDatabase('heartbeat: later fields and the crash marker', (variant) => {
  it('takes a report without the later fields and one with them; refuses a malformed one', async () => {
    const t = await startTestServer(variant, {
      logLevel: 'silent',
      serverOptions: { passwordWork: { params: cheapScrypt } },
    });
    const token = await enrollRaw(t);
    expect((await post(t, token, oldReport())).status).toBe(200);
    const full: DeviceReport = {
      ...oldReport(),
      mode: 'kiosk',
      replicaRowsBehind: 42,
      cashSession: { cashier: 'cajero1', openedAt: '2026-12-04T13:00:00.000Z' },
      lastCrash: { at: '2026-12-04T12:00:00.000Z', message: 'La aplicación no se cerró correctamente' },
    };
    expect((await post(t, token, full)).status).toBe(200);
    expect((await stored(t))[0]?.report).toMatchObject({
      replicaRowsBehind: 42,
      cashSession: { cashier: 'cajero1' },
      lastCrash: { message: 'La aplicación no se cerró correctamente' },
    });
    for (const bad of [
      { ...full, replicaRowsBehind: -1 },
      { ...full, cashSession: { cashier: 'cajero1', openedAt: 'ayer' } },
      { ...full, cashSession: { cashier: 'cajero1', openedAt: full.madeAt, citizen: 'Ana' } },
      { ...full, lastCrash: { at: full.madeAt, message: 'x'.repeat(201) } },
    ])
      expect((await post(t, token, bad)).status).toBe(400);
  });

  it('reports no crash after a clean stop, and the unclean one at the next start', { timeout: 90_000 }, async () => {
    const t = await startTestServer(variant, {
      logLevel: 'silent',
      serverOptions: { passwordWork: { params: cheapScrypt } },
    });
    const dir = tempDir('heartbeat-crash');
    onTestFinished(() => dir.remove());
    const first = startKioskCore(dir.path, t.server.url, new SimulatedDispenser(10, 2));
    const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Kiosco', mode: 'kiosk' });
    expect((await first.dispatch('device.enroll', { code })).ok).toBe(true);
    const reported = await until(
      'the first report',
      () => stored(t),
      (r) => r.length === 1,
    );
    expect(reported[0]!.report).toMatchObject({ lastCrash: null, cashSession: null });
    await first.stop();

    // A clean stop, a new start: still no crash.
    const second = startKioskCore(dir.path, t.server.url, new SimulatedDispenser(10, 2));
    const firstMadeAt = reported[0]!.report.madeAt;
    const again = await until(
      'a report of the second run',
      () => stored(t),
      (r) => r[0] !== undefined && r[0].report.madeAt !== firstMadeAt,
    );
    expect(again[0]!.report.lastCrash).toBeNull();
    await second.stop();

    // The clean stop took its marker away…
    const store = openTestStore(`${dir.path}/device`);
    const marker = () => store.sqlite.prepare("SELECT value FROM device_meta WHERE key = 'runningSince'").pluck().get();
    expect(marker()).toBeUndefined();
    // …a run that never stopped leaves it behind (written here as a killed process leaves it).
    store.sqlite
      .prepare("INSERT INTO device_meta (key, value) VALUES ('runningSince', '2026-12-04T08:00:00.000Z')")
      .run();
    store.close();

    const third = startKioskCore(dir.path, t.server.url, new SimulatedDispenser(10, 2));
    onTestFinished(() => third.stop());
    const crashed = await until(
      'the crash reported',
      () => stored(t),
      (r) => r[0]?.report.lastCrash !== null && r[0]?.report.lastCrash !== undefined,
    );
    expect(crashed[0]!.report.lastCrash?.message).toBe(
      'La aplicación no se cerró correctamente (en ejecución desde 2026-12-04T08:00:00.000Z)',
    );
    expect(Date.now() - new Date(crashed[0]!.report.lastCrash!.at).getTime()).toBeLessThan(60_000);

    // A cash session opens (as a counter's or a field laptop's day would): reported at once, by the
    // cashier's username and nothing else of it.
    third.store.sqlite
      .prepare(
        "INSERT INTO cash_sessions (id, cashier, cashier_name, opened_at, opening_float, state) VALUES ('s-1', 'cajero1', 'ANA PÉREZ', '2026-12-04T13:00:00.000Z', 100000, 'open')",
      )
      .run();
    const open = await until(
      'the open cash session reported',
      () => stored(t),
      (r) => r[0]?.report.cashSession !== null && r[0]?.report.cashSession !== undefined,
    );
    expect(open[0]!.report.cashSession).toEqual({ cashier: 'cajero1', openedAt: '2026-12-04T13:00:00.000Z' });
    expect(JSON.stringify(open[0]!.report)).not.toContain('ANA PÉREZ');
  });
});
