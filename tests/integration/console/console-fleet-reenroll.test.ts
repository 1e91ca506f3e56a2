import { expect, it } from 'vitest';
import type { DeviceReport } from '../../../src-shared/server-api/device-report';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { historyKeep, historyPruneEvery } from '../../../src-server/devices/device-report';
import { describeEachServerDatabase } from '../../support/postgres';
import { postJson, startTestServer, type TestServer } from '../../support/server-harness';
import { cheapScrypt, ConsoleClient, csrfOf, seedConsoleStaff, staffPassword } from '../../support/staff-console';

/**
 * A device's page in «Equipos»: its recent reports (device_report_history, appended on every
 * heartbeat and pruned to its last `historyKeep`), «Reinscribir» — the device revoked at once and
 * a one-time code for its replacement, which enrolls with its name, office and receipt series —
 * and «Nuevo equipo»; each refused to a non-admin, without the session's CSRF token, for a
 * revoked device, and the code refused once used or expired.
 */
const fleet = '/consola/equipos';

const report = (mode: DeviceReport['mode'], over: Partial<DeviceReport> = {}): DeviceReport => ({
  appVersion: '1.4.0',
  mode,
  madeAt: new Date().toISOString(),
  printer: { state: 'ready', name: 'Recibos' },
  dispenser: mode === 'kiosk' ? { state: 'ready', paperLow: false } : null,
  outbox: { pending: 0, parked: 0, oldestPendingAt: null },
  clockOffsetSeconds: 1,
  freeDiskBytes: 20_000_000_000,
  ...over,
});

async function setUp(variant: Parameters<typeof startTestServer>[0]) {
  const t = await startTestServer(variant, {
    logLevel: 'info',
    serverOptions: { passwordWork: { params: cheapScrypt } },
  });
  await seedConsoleStaff(t.server.database.exec);
  return t;
}

async function loggedIn(t: TestServer, username: string): Promise<ConsoleClient> {
  const browser = new ConsoleClient(t.server.url);
  expect((await browser.login(username, staffPassword(username))).status).toBe(303);
  return browser;
}

type Enrolled = { deviceId: string; token: string; receiptSeries: { prefix: string; next: number } | null };

async function enrollWith(t: TestServer, code: string): Promise<{ status: number; body: unknown }> {
  return t.request('/v1/enroll', postJson({ code }));
}

async function enroll(
  t: TestServer,
  name: string,
  mode: DeviceReport['mode'],
  office: string,
  receiptPrefix?: string,
): Promise<Enrolled> {
  const { code } = await createEnrollmentCode(t.server.database, {
    deviceName: name,
    mode,
    office,
    ...(receiptPrefix === undefined ? {} : { receiptPrefix }),
  });
  const answer = await enrollWith(t, code);
  expect(answer.status).toBe(200);
  return (answer.body as { value: Enrolled }).value;
}

const sendReport = (t: TestServer, token: string, body: DeviceReport) =>
  t.request('/v1/device/report', postJson(body, { authorization: `Bearer ${token}` }));

const codeOf = (page: string): string => {
  const cell = /data-testid="enroll-code">([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '';
  return cell.replace(/<[^>]+>/g, '').replace(/\s+/g, '');
};

const count = async (t: TestServer, sql: string, params: unknown[] = []): Promise<number> =>
  Number((await t.server.database.exec.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);

describeEachServerDatabase('staff console: a device’s history and re-enrolling', (variant) => {
  it(
    'appends every report to the history, keeps a bounded number, and shows the changes',
    { timeout: 120_000 },
    async () => {
      const t = await setUp(variant);
      const kiosk = await enroll(t, 'Kiosco Historia', 'kiosk', 'Sede Centro');
      const other = await enroll(t, 'Kiosco Vecino', 'kiosk', 'Sede Centro');
      expect((await sendReport(t, kiosk.token, report('kiosk'))).status).toBe(200);
      expect(
        (await sendReport(t, kiosk.token, report('kiosk', { printer: { state: 'paper-end', name: 'Recibos' } })))
          .status,
      ).toBe(200);
      expect(
        (await sendReport(t, kiosk.token, report('kiosk', { printer: { state: 'paper-end', name: 'Recibos' } })))
          .status,
      ).toBe(200);
      expect((await sendReport(t, kiosk.token, report('kiosk', { appVersion: '1.5.0' }))).status).toBe(200);
      expect((await sendReport(t, other.token, report('kiosk'))).status).toBe(200);
      const history = await t.server.database.exec.query<{ report: DeviceReport }>(
        'SELECT report FROM device_report_history WHERE device_id = $1 ORDER BY id',
        [kiosk.deviceId],
      );
      expect(history.rows.map((r) => [r.report.printer.state, r.report.appVersion])).toEqual([
        ['ready', '1.4.0'],
        ['paper-end', '1.4.0'],
        ['paper-end', '1.4.0'],
        ['ready', '1.5.0'],
      ]);
      // The latest is still one row per device.
      expect(await count(t, 'SELECT count(*) AS n FROM device_reports')).toBe(2);

      const admin = await loggedIn(t, 'admin');
      const page = await admin.get(`${fleet}/${kiosk.deviceId}`);
      expect(page.status).toBe(200);
      const section = /data-testid="fleet-history"[\s\S]*?<\/section>/.exec(page.text)?.[0] ?? '';
      const rows = [...section.matchAll(/<tr class="([^"]*)" data-testid="fleet-history-row">([\s\S]*?)<\/tr>/g)];
      expect(rows).toHaveLength(4);
      const text = (cells: string) =>
        cells
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim();
      // Newest first; the printer coming back and the new version are changes, the second paper-end is not.
      expect(rows.map((r) => r[1])).toEqual(['history-change', '', 'history-change', '']);
      expect(text(rows[0]![2]!)).toContain('Lista');
      expect(text(rows[0]![2]!)).toContain('1.5.0');
      expect(text(rows[1]![2]!)).toContain('Sin papel');
      expect(rows[0]![2]).toMatch(/class="changed" title="Antes: Sin papel"/);
      expect(section).toContain('2 cambios de estado');
      expect(section).toContain('Los 4 más recientes de 4 guardados');

      // Bounded: many more reports than it keeps, the history stays within keep + prune interval.
      const more = historyKeep + 2 * historyPruneEvery + 5;
      for (let i = 0; i < more; i += 1)
        expect((await sendReport(t, kiosk.token, report('kiosk', { clockOffsetSeconds: i }))).status).toBe(200);
      const kept = await count(t, 'SELECT count(*) AS n FROM device_report_history WHERE device_id = $1', [
        kiosk.deviceId,
      ]);
      expect(kept).toBeGreaterThanOrEqual(historyKeep);
      expect(kept).toBeLessThanOrEqual(historyKeep + historyPruneEvery);
      // The newest stayed; the neighbour's row was never touched.
      const newest = await t.server.database.exec.query<{ report: DeviceReport }>(
        'SELECT report FROM device_report_history WHERE device_id = $1 ORDER BY id DESC LIMIT 1',
        [kiosk.deviceId],
      );
      expect(newest.rows[0]?.report.clockOffsetSeconds).toBe(more - 1);
      expect(
        await count(t, 'SELECT count(*) AS n FROM device_report_history WHERE device_id = $1', [other.deviceId]),
      ).toBe(1);
      const after = await admin.get(`${fleet}/${kiosk.deviceId}`);
      expect(after.text).toContain(`Los 60 más recientes de ${kept} guardados`);
    },
  );

  it(
    're-enrolls a counter: revoked at once, a QR code, the replacement keeps the series',
    { timeout: 120_000 },
    async () => {
      const t = await setUp(variant);
      const exec = t.server.database.exec;
      const old = await enroll(t, 'Caja 7', 'cashier', 'Sede Norte', 'CAJA7');
      expect(old.receiptSeries).toEqual({ prefix: 'CAJA7', next: 1 });
      // The server received its receipts up to 41.
      await exec.query('UPDATE receipt_series SET last_number = 41 WHERE prefix = $1', ['CAJA7']);
      expect(
        (
          await sendReport(
            t,
            old.token,
            report('cashier', { outbox: { pending: 3, parked: 0, oldestPendingAt: new Date().toISOString() } }),
          )
        ).status,
      ).toBe(200);

      const admin = await loggedIn(t, 'admin');
      const page = await admin.get(`${fleet}/${old.deviceId}`);
      expect(page.text).toContain('Revocar y crear código de reemplazo');
      // The admin is told what a still-working counter would lose.
      expect(page.text).toMatch(/data-testid="reenroll-pending">\s*Su último reporte tenía 3 eventos sin enviar/);

      const answer = await admin.post(`${fleet}/${old.deviceId}/reinscribir`, { csrf: csrfOf(page.text) });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
      const code = codeOf(answer.text);
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      // Grouped for typing, and the same code as an inline SVG QR (no image request, nothing for the CSP to allow).
      expect(answer.text).toMatch(/data-testid="enroll-code">\s*<span>[A-Z2-9]{4}<\/span><span class="sep">-<\/span>/);
      expect(answer.text).toMatch(/<svg [^>]*data-testid="enroll-qr"><rect [^>]*\/><path d="M4 4h7v1h-7z/);
      expect(answer.text).not.toMatch(/<img|<script/);
      expect(answer.text).toContain('«Caja 7» quedó revocado');
      expect(answer.text).toContain('CAJA7');
      expect(answer.text).toMatch(/data-testid="enroll-expires">\d{2}\/\d{2}\/\d{4}/);
      // Revoked at once: the old token is refused before anyone uses the code.
      expect((await sendReport(t, old.token, report('cashier'))).status).toBe(401);
      // Audited: who and which device, never the code.
      const audit = t.logs.filter((l) => l.includes('console: device re-enrolled'));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toContain('"staff":"admin"');
      expect(audit[0]).toContain(old.deviceId);
      expect(t.logs.join('\n')).not.toContain(code);

      // The replacement enrolls with the code: same name, office, mode; the series goes on after 41.
      const enrolled = await enrollWith(t, code.toLowerCase().replace(/-/g, ''));
      expect(enrolled.status).toBe(200);
      const fresh = (enrolled.body as { value: Enrolled & { deviceName: string; office: string; mode: string } }).value;
      expect(fresh).toMatchObject({ deviceName: 'Caja 7', office: 'Sede Norte', mode: 'cashier' });
      expect(fresh.receiptSeries).toEqual({ prefix: 'CAJA7', next: 42 });
      expect(fresh.deviceId).not.toBe(old.deviceId);
      expect((await sendReport(t, fresh.token, report('cashier'))).status).toBe(200);
      // The code once used: refused; nothing new enrolled.
      const devicesBefore = await count(t, 'SELECT count(*) AS n FROM devices');
      const reused = await enrollWith(t, code);
      expect(reused.status).not.toBe(200);
      expect(JSON.stringify(reused.body)).toContain('ya se usó');
      expect(await count(t, 'SELECT count(*) AS n FROM devices')).toBe(devicesBefore);

      // The old device's page: revoked, no «Reinscribir» any more; re-posting the form is refused.
      const oldPage = await admin.get(`${fleet}/${old.deviceId}`);
      expect(oldPage.text).not.toContain('Revocar y crear código de reemplazo');
      const codesBefore = await count(t, 'SELECT count(*) AS n FROM enrollment_codes');
      const again = await admin.post(`${fleet}/${old.deviceId}/reinscribir`, { csrf: csrfOf(oldPage.text) });
      expect(again.status).toBe(409);
      expect(again.text).toContain('Ese equipo ya está revocado');
      expect(await count(t, 'SELECT count(*) AS n FROM enrollment_codes')).toBe(codesBefore);
    },
  );

  it(
    'refuses re-enrolling to a non-admin, without the CSRF token, and an expired code',
    { timeout: 120_000 },
    async () => {
      const t = await setUp(variant);
      const exec = t.server.database.exec;
      const kiosk = await enroll(t, 'Kiosco Robado', 'kiosk', 'Sede Sur');
      const codes = () => count(t, 'SELECT count(*) AS n FROM enrollment_codes');
      const revoked = async () =>
        (await exec.query<{ revoked_at: unknown }>('SELECT revoked_at FROM devices WHERE id = $1', [kiosk.deviceId]))
          .rows[0]?.revoked_at ?? null;
      const before = await codes();
      const url = `${fleet}/${kiosk.deviceId}/reinscribir`;

      for (const username of ['supervisor1', 'cajero1', 'soporte1']) {
        const browser = await loggedIn(t, username);
        const refused = await browser.post(url, { csrf: await browser.csrf() });
        expect(refused.status, username).toBe(403);
        const form = await browser.get(`${fleet}/nuevo`);
        expect(form.status, username).toBe(403);
        const made = await browser.post(`${fleet}/nuevo`, { csrf: await browser.csrf(), nombre: 'X', modo: 'kiosk' });
        expect(made.status, username).toBe(403);
      }
      const admin = await loggedIn(t, 'admin');
      expect((await admin.post(url, {})).status).toBe(403);
      expect((await admin.post(url, { csrf: 'x'.repeat(43) })).status).toBe(403);
      expect((await admin.post(url, { csrf: await admin.csrf() }, { 'sec-fetch-site': 'cross-site' })).status).toBe(
        403,
      );
      expect((await admin.post(`${fleet}/nuevo`, { nombre: 'X', modo: 'kiosk' })).status).toBe(403);
      // Nothing happened: the kiosk is live, no code was made.
      expect(await revoked()).toBeNull();
      expect(await codes()).toBe(before);
      expect((await sendReport(t, kiosk.token, report('kiosk'))).status).toBe(200);

      // With the token: a code for a kiosk (no series), the kiosk revoked.
      const answer = await admin.post(url, { csrf: await admin.csrf() });
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('un kiosco no emite recibos');
      expect(await revoked()).not.toBeNull();
      const code = codeOf(answer.text);
      // The code expires before the replacement is installed: refused, and nothing is enrolled.
      await exec.query("UPDATE enrollment_codes SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL");
      const late = await enrollWith(t, code);
      expect(late.status).not.toBe(200);
      expect(JSON.stringify(late.body)).toContain('venció');
      // A revoked device is not re-enrolled again (two codes for one kiosk): 409, no code.
      const codesNow = await codes();
      expect((await admin.post(url, { csrf: await admin.csrf() })).status).toBe(409);
      expect(await codes()).toBe(codesNow);
      // Its page offers «Nuevo equipo» with its data instead.
      const page = await admin.get(`${fleet}/${kiosk.deviceId}`);
      expect(page.text).toContain(`${fleet}/nuevo?nombre=Kiosco+Robado&amp;modo=kiosk&amp;sede=Sede+Sur`);
    },
  );

  it('«Nuevo equipo» makes a code that enrolls, and refuses bad input', { timeout: 120_000 }, async () => {
    const t = await setUp(variant);
    const admin = await loggedIn(t, 'admin');
    const form = await admin.get(`${fleet}/nuevo?nombre=Caja%203&modo=cashier&sede=Sede%20Centro`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('value="Caja 3"');
    expect(form.text).toMatch(/<option value="cashier"\s+selected>/);
    const csrf = csrfOf(form.text);
    const bad = await admin.post(`${fleet}/nuevo`, { csrf, nombre: 'Kiosco 9', modo: 'kiosk', serie: 'KIO9' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Un kiosco no emite recibos');
    expect(bad.text).toContain('value="Kiosco 9"');
    expect((await admin.post(`${fleet}/nuevo`, { csrf, nombre: 'Kiosco 9', modo: 'tablet' })).status).toBe(400);
    expect((await admin.post(`${fleet}/nuevo`, { csrf, nombre: '', modo: 'kiosk' })).status).toBe(400);
    const made = await admin.post(`${fleet}/nuevo`, { csrf, nombre: 'Caja 3', modo: 'cashier', sede: 'Sede Centro' });
    expect(made.status).toBe(200);
    const enrolled = await enrollWith(t, codeOf(made.text));
    expect(enrolled.status).toBe(200);
    expect((enrolled.body as { value: { deviceName: string; office: string } }).value).toMatchObject({
      deviceName: 'Caja 3',
      office: 'Sede Centro',
    });
    expect(t.logs.some((l) => l.includes('console: enrollment code created') && l.includes('"staff":"admin"'))).toBe(
      true,
    );
  });
});
