import { expect, it, onTestFinished } from 'vitest';
import type { DeviceReport } from '../../../src-shared/server-api/device-report';
import { SimulatedDispenser } from '../../../src-main/devices/dispenser/simulated-dispenser';
import { createEnrollmentCode, revokeDevice } from '../../../src-server/devices/admin';
import { startKioskCore } from '../../support/kiosk-core';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { bearer, postJson, startTestServer, type TestServer } from '../../support/server-harness';
import { cheapScrypt, ConsoleClient, seedConsoleStaff, staffPassword } from '../../support/staff-console';
import { until } from '../../support/sync-support';
import { tempDir } from '../../support/temp-dir';

/** The heartbeat (`device.report`): kept per device for staff, checked like any claim, obeyed for nothing. */
async function server(variant: DatabaseVariant): Promise<{ t: TestServer; browser: ConsoleClient }> {
  const t = await startTestServer(variant, {
    logLevel: 'warn',
    serverOptions: { passwordWork: { params: cheapScrypt } },
  });
  await seedConsoleStaff(t.server.database.exec);
  const browser = new ConsoleClient(t.server.url);
  expect((await browser.login('supervisor1', staffPassword('supervisor1'))).status).toBe(303);
  return { t, browser };
}

/** A kiosk enrolled over HTTP as a device would: its id and bearer token. */
async function enrollRaw(t: TestServer, name: string): Promise<{ id: string; token: string }> {
  const { code } = await createEnrollmentCode(t.server.database, {
    deviceName: name,
    mode: 'kiosk',
    office: 'Sede Centro',
  });
  const answer = await t.request('/v1/enroll', postJson({ code }));
  const value = (answer.body as { value: { deviceId: string; token: string } }).value;
  return { id: value.deviceId, token: value.token };
}

const report = (over: Partial<DeviceReport> = {}): DeviceReport => ({
  appVersion: '0.1.0',
  mode: 'kiosk',
  madeAt: new Date().toISOString(),
  printer: { state: 'ready', name: 'ventanilla-documentos' },
  dispenser: { state: 'ready', paperLow: false },
  outbox: { pending: 0, parked: 0, oldestPendingAt: null },
  clockOffsetSeconds: 0,
  freeDiskBytes: 10_000_000_000,
  ...over,
});

const post = (t: TestServer, token: string | null, body: unknown) =>
  t.request('/v1/device/report', {
    ...postJson(body, token === null ? {} : { authorization: `Bearer ${token}` }),
  });

const storedReports = (t: TestServer) =>
  t.server.database.exec
    .query<{ device_id: string; report: unknown }>('SELECT device_id, report FROM device_reports ORDER BY device_id')
    .then((r) => r.rows.map((row) => ({ deviceId: row.device_id, report: row.report as DeviceReport })));

/** The «Dispensador» cell of each kiosk on the console's certificates page, in page order. */
async function dispenserCells(browser: ConsoleClient): Promise<string[]> {
  const page = await browser.get('/consola/certificados');
  expect(page.status).toBe(200);
  return [...page.text.matchAll(/data-testid="dispensador">([^<]*)</g)].map((m) => m[1]!.trim());
}

describeEachServerDatabase('device heartbeat', (variant) => {
  it(
    'a kiosk reports its dispenser as soon as it stops, and staff see it on «Certificados»',
    { timeout: 90_000 },
    async () => {
      const { t, browser } = await server(variant);
      expect(await dispenserCells(browser)).toEqual([]);
      const dispenser = new SimulatedDispenser(10, 2);
      const dir = tempDir('report-kiosk');
      // The strip's cached dispenser status (5 s in production) is what the heartbeat reads: short
      // here, so each change is seen within a tenth of a second.
      const core = startKioskCore(dir.path, t.server.url, dispenser, { dispenserStatusTtlMs: 100 });
      onTestFinished(async () => {
        await core.stop();
        dir.remove();
      });
      const { code } = await createEnrollmentCode(t.server.database, {
        deviceName: 'Kiosco del vestíbulo',
        mode: 'kiosk',
      });
      expect((await core.dispatch('device.enroll', { code })).ok).toBe(true);

      const ready = await until(
        'the first report',
        () => storedReports(t),
        (r) => r.length === 1,
      );
      expect(ready[0]!.report).toMatchObject({ mode: 'kiosk', dispenser: { state: 'ready', paperLow: false } });
      expect(await dispenserCells(browser)).toEqual(['Listo']);

      // The dispenser loses its connection: reported on the change, not a minute later.
      dispenser.setOnline(false);
      await until(
        'the offline dispenser reported',
        () => storedReports(t),
        (r) => r[0]?.report.dispenser?.state === 'offline',
      );
      expect(await dispenserCells(browser)).toEqual(['Sin conexión: no vende certificados']);
      // Back, but with little paper left: a warning, since the kiosk does not sell then either.
      dispenser.setOnline(true);
      dispenser.loadPaper(-9);
      await until(
        'paper low reported',
        () => storedReports(t),
        (r) => r[0]?.report.dispenser?.paperLow === true,
      );
      expect(await dispenserCells(browser)).toEqual(['Poco papel: no vende certificados hasta que lo recarguen']);

      // A kiosk silent for more than five minutes: its last word is old news, and the page says so.
      await core.stop();
      await t.server.database.exec.query("UPDATE device_reports SET received_at = now() - interval '6 minutes'");
      expect((await dispenserCells(browser))[0]).toMatch(/^Sin reporte desde /);
    },
  );

  it(
    'refuses reports without a live token or outside the schema, and trusts no claim in one',
    { timeout: 60_000 },
    async () => {
      const { t, browser } = await server(variant);
      const kiosk = await enrollRaw(t, 'Kiosco A');
      const other = await enrollRaw(t, 'Kiosco B');
      expect((await post(t, kiosk.token, report())).status).toBe(200);

      // No token, a made-up one: nothing is written.
      expect((await post(t, null, report())).status).toBe(401);
      expect((await post(t, 'v1.not-a-token', report())).status).toBe(401);
      // Outside the schema: another device's id, an unknown state, a long text, a negative count.
      const refused = [
        { ...report(), deviceId: other.id },
        report({ dispenser: { state: 'on-fire' as 'ready', paperLow: false } }),
        report({ printer: { state: 'ready', name: 'x'.repeat(201) } }),
        report({ outbox: { pending: -1, parked: 0, oldestPendingAt: null } }),
        { ...report(), citizenName: 'Ana' },
      ];
      for (const body of refused) expect((await post(t, kiosk.token, body)).status).toBe(400);
      const stored = await storedReports(t);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ deviceId: kiosk.id, report: { dispenser: { state: 'ready' } } });

      // A kiosk that says it is a counter is kept as a kiosk: the report is its word, not the server's.
      expect((await post(t, kiosk.token, report({ mode: 'cashier' }))).status).toBe(200);
      const hello = await t.request('/v1/device/hello', bearer(kiosk.token));
      expect(hello.body).toMatchObject({ ok: true, value: { mode: 'kiosk' } });
      expect(t.logs.some((line) => line.includes('device reports another mode'))).toBe(true);
      expect(await dispenserCells(browser)).toHaveLength(2);

      // A revoked kiosk reports nothing more, and leaves the list.
      expect(await revokeDevice(t.server.database, kiosk.id)).toBe('revoked');
      expect((await post(t, kiosk.token, report({ dispenser: { state: 'jammed', paperLow: false } }))).status).toBe(
        401,
      );
      expect((await storedReports(t)).find((r) => r.deviceId === kiosk.id)?.report.dispenser?.state).toBe('ready');
      expect(await dispenserCells(browser)).toEqual(['El kiosco todavía no ha reportado']);
    },
  );
});
