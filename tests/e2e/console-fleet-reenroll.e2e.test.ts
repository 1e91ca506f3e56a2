import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DeviceReport } from '../../src-shared/server-api/device-report';
import { createEnrollmentCode } from '../../src-server/devices/admin';
import { launchChromium } from '../support/browser/browser';
import { saveScreenshot } from '../support/browser/screenshots';
import { describeEachServerDatabase } from '../support/postgres';
import { postJson, startTestServer } from '../support/server-harness';
import { cheapScrypt, seedConsoleStaff, staffPassword } from '../support/staff-console';

/**
 * A counter's page in «Equipos» in Chromium: its recent reports with the printer's paper-out
 * episode marked, then «Reinscribir»: the code for the replacement as text and as a QR drawn
 * inline (no script, no CSP report), and the code enrolling the replacement with the series.
 * Screenshots console-fleet-3-history, console-fleet-4-code.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const report = (over: Partial<DeviceReport> = {}): DeviceReport => ({
  appVersion: '1.4.0',
  mode: 'cashier',
  madeAt: new Date().toISOString(),
  printer: { state: 'ready', name: 'Recibos' },
  dispenser: null,
  outbox: { pending: 0, parked: 0, oldestPendingAt: null },
  clockOffsetSeconds: 1,
  freeDiskBytes: 20_000_000_000,
  ...over,
});

describeEachServerDatabase('staff console: a device’s history and re-enrolling in the browser', (variant) => {
  it('shows the paper-out episode in the history and the replacement’s code as text and QR', async () => {
    const t = await startTestServer(variant, {
      logLevel: 'silent',
      serverOptions: { passwordWork: { params: cheapScrypt } },
    });
    const exec = t.server.database.exec;
    await seedConsoleStaff(exec);
    const { code } = await createEnrollmentCode(t.server.database, {
      deviceName: 'Caja 2 — Sede Centro',
      mode: 'cashier',
      office: 'Sede Centro',
      receiptPrefix: 'CAJA2',
    });
    const enrolled = (await t.request('/v1/enroll', postJson({ code }))).body as {
      value: { deviceId: string; token: string };
    };
    const { deviceId } = enrolled.value;
    // Twenty minutes of reports a minute apart: the paper ran out for three, events waited, a new version came.
    const now = Date.now();
    for (let m = 20; m >= 1; m -= 1) {
      const at = new Date(now - m * 60_000);
      const paperOut = m <= 12 && m >= 10;
      const r = report({
        madeAt: at.toISOString(),
        appVersion: m <= 4 ? '1.5.0' : '1.4.0',
        printer: { state: paperOut ? 'paper-end' : 'ready', name: 'Recibos' },
        outbox: paperOut
          ? { pending: 13 - m, parked: 0, oldestPendingAt: new Date(now - 12 * 60_000).toISOString() }
          : { pending: 0, parked: 0, oldestPendingAt: null },
        clockOffsetSeconds: m % 5 === 0 ? 2 : 1,
      });
      await exec.query(
        'INSERT INTO device_report_history (device_id, received_at, report) VALUES ($1, $2, $3::jsonb)',
        [deviceId, at.toISOString(), JSON.stringify(r)],
      );
    }
    expect(
      (
        await t.request(
          '/v1/device/report',
          postJson(report({ appVersion: '1.5.0' }), { authorization: `Bearer ${enrolled.value.token}` }),
        )
      ).status,
    ).toBe(200);

    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'es-CO',
      timezoneId: 'America/Bogota',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${t.server.url}/consola/ingresar`);
    await page.getByLabel('Usuario').fill('admin');
    await page.getByLabel('Contraseña').fill(staffPassword('admin'));
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { name: 'Prepagos' }).waitFor();

    await page.goto(`${t.server.url}/consola/equipos/${deviceId}`);
    const history = page.getByTestId('fleet-history');
    await history.getByRole('heading', { name: 'Reportes recientes' }).scrollIntoViewIfNeeded();
    const rows = history.locator('tr[data-testid="fleet-history-row"]');
    expect(await rows.count()).toBe(21);
    // Paper out, paper back, the new version: three rows marked as state changes.
    expect(await history.locator('tr.history-change').count()).toBe(3);
    expect(
      await history
        .locator('td.changed')
        .first()
        .evaluate((cell) => getComputedStyle(cell).backgroundColor),
    ).toBe('rgb(255, 241, 199)');
    await saveScreenshot(page, `console-fleet-3-history-${variant.kind}`);

    await page.getByRole('button', { name: 'Revocar y crear código de reemplazo' }).click();
    await page.getByRole('heading', { name: 'Código de inscripción' }).waitFor();
    const shown = (await page.getByTestId('enroll-code').textContent())?.replace(/\s+/g, '') ?? '';
    expect(shown).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const qr = page.getByTestId('enroll-qr');
    const box = await qr.boundingBox();
    expect(box?.width).toBe(240);
    expect(await page.getByText('quedó revocado').count()).toBe(1);
    await saveScreenshot(page, `console-fleet-4-code-${variant.kind}`);

    // The replacement enrolls with what the page showed and goes on with the series.
    const replacement = await t.request('/v1/enroll', postJson({ code: shown }));
    expect(replacement.status).toBe(200);
    expect((replacement.body as { value: { receiptSeries: { prefix: string } } }).value.receiptSeries.prefix).toBe(
      'CAJA2',
    );
    expect(problems).toEqual([]);
    await context.close();
  });
});
