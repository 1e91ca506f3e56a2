import type { Browser } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SqlExecutor } from '../../src-server/db/sql-executor';
import type { DeviceReport } from '../../src-shared/server-api/device-report';
import { launchChromium } from '../support/browser/browser';
import { saveScreenshot } from '../support/browser/screenshots';
import { describeEachServerDatabase } from '../support/postgres';
import { startTestServer } from '../support/server-harness';
import { cheapScrypt, seedConsoleStaff, staffPassword } from '../support/staff-console';

/**
 * «Equipos» in Chromium, as an admin watches the fleet (docs/device-report.md): devices by office
 * in colour and words, a kiosk going «Caído» without anyone reloading when its report says its
 * printer is out of paper (the page's meta refresh), the state filter, a device's page and
 * «Revocar». Plain HTML: no script runs and the browser reports no CSP violation.
 *
 * The server reloads «Equipos» every 15 seconds in production; while the test watches the kiosk
 * go down it serves the page with a 1-second refresh (the fleetRefreshSeconds option), and back
 * at 15 seconds for the filter and the device's page, so a reload does not cut a form in half.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

function report(mode: DeviceReport['mode'], over: Partial<DeviceReport> = {}): DeviceReport {
  return {
    appVersion: '1.4.0',
    mode,
    madeAt: new Date().toISOString(),
    printer: { state: 'ready', name: 'Recibos' },
    dispenser: mode === 'kiosk' ? { state: 'ready', paperLow: false } : null,
    outbox: { pending: 0, parked: 0, oldestPendingAt: null },
    clockOffsetSeconds: 0,
    freeDiskBytes: 20_000_000_000,
    ...over,
  };
}

async function device(
  exec: SqlExecutor,
  name: string,
  mode: DeviceReport['mode'],
  office: string,
  at: Date | null,
  r: DeviceReport = report(mode),
): Promise<string> {
  const id = uuidv7();
  await exec.query(`INSERT INTO devices (id, name, mode, office, token_hash) VALUES ($1, $2, $3, $4, $5)`, [
    id,
    name,
    mode,
    office,
    `hash-${id}`,
  ]);
  if (at !== null)
    await exec.query(`INSERT INTO device_reports (device_id, received_at, report) VALUES ($1, $2, $3::jsonb)`, [
      id,
      at.toISOString(),
      JSON.stringify(r),
    ]);
  return id;
}

describeEachServerDatabase('staff console: equipos in the browser', (variant) => {
  it('an admin watches the fleet, sees a kiosk go down without reloading, filters, opens it and revokes one', async () => {
    let refreshSeconds = 15;
    const t = await startTestServer(variant, {
      logLevel: 'silent',
      serverOptions: { passwordWork: { params: cheapScrypt }, fleetRefreshSeconds: () => refreshSeconds },
    });
    const exec = t.server.database.exec;
    await seedConsoleStaff(exec);
    const now = new Date();
    const watched = await device(exec, 'Kiosco Entrada', 'kiosk', 'Sede Centro', now);
    await device(
      exec,
      'Kiosco Segundo Piso',
      'kiosk',
      'Sede Centro',
      now,
      report('kiosk', {
        dispenser: { state: 'ready', paperLow: true },
      }),
    );
    await device(
      exec,
      'Caja 1',
      'cashier',
      'Sede Centro',
      now,
      report('cashier', {
        cashSession: { cashier: 'cajero1', openedAt: now.toISOString() },
      }),
    );
    await device(
      exec,
      'Caja 2',
      'cashier',
      'Sede Centro',
      now,
      report('cashier', {
        outbox: { pending: 4, parked: 1, oldestPendingAt: new Date(now.getTime() - 2 * 3_600_000).toISOString() },
      }),
    );
    await device(exec, 'Kiosco Norte', 'kiosk', 'Sede Norte', new Date(now.getTime() - 6 * 60_000));
    await device(exec, 'Caja Norte', 'cashier', 'Sede Norte', now, report('cashier', { clockOffsetSeconds: -240 }));
    const laptop = await device(exec, 'Portátil Ruta 3', 'field', 'Sede Norte', now);
    await device(exec, 'Kiosco Nuevo', 'kiosk', 'Sede Sur', null);

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

    await page.getByRole('link', { name: 'Equipos' }).click();
    await page.getByRole('heading', { name: 'Equipos', exact: true }).waitFor();
    const rows = page.locator('tr[data-testid="fleet-device"]');
    expect(await rows.count()).toBe(8);
    const row = (name: string) => rows.filter({ has: page.getByRole('link', { name, exact: true }) });
    expect(await row('Kiosco Entrada').getAttribute('data-state')).toBe('ok');
    expect(await row('Kiosco Norte').getAttribute('data-state')).toBe('caido');
    expect(await row('Kiosco Norte').textContent()).toContain('Sin reporte hace 6 minutos');
    // Down is red as well as worded.
    expect(
      await row('Kiosco Norte')
        .locator('.fleet-dot')
        .evaluate((dot) => getComputedStyle(dot).backgroundColor),
    ).toBe('rgb(166, 27, 27)');
    expect(await row('Caja 2').getAttribute('data-state')).toBe('atencion');
    const refreshMeta = page.locator('meta[http-equiv="refresh"]');
    expect(await refreshMeta.getAttribute('content')).toBe('15');

    // From here the page reloads itself every second, still showing the kiosk as it was.
    refreshSeconds = 1;
    await page.reload();
    await expect.poll(() => refreshMeta.getAttribute('content')).toBe('1');
    expect(await row('Kiosco Entrada').getAttribute('data-state')).toBe('ok');

    // The kiosk's printer runs out of paper; its next report says so; the page shows it by itself.
    await exec.query(`UPDATE device_reports SET received_at = now(), report = $2::jsonb WHERE device_id = $1`, [
      watched,
      JSON.stringify(report('kiosk', { printer: { state: 'paper-end', name: 'Recibos' } })),
    ]);
    await expect
      .poll(() => row('Kiosco Entrada').getAttribute('data-state'), { timeout: 30_000, interval: 500 })
      .toBe('caido');
    // Back to the production interval: wait for the page that says so before reading and clicking.
    refreshSeconds = 15;
    await expect.poll(() => refreshMeta.getAttribute('content')).toBe('15');
    expect(await row('Kiosco Entrada').getAttribute('data-state')).toBe('caido');
    expect(await row('Kiosco Entrada').textContent()).toContain('La impresora no tiene papel');
    await saveScreenshot(page, `console-fleet-1-list-${variant.kind}`);

    await page.getByLabel('Estado').selectOption('caido');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await expect.poll(() => page.url()).toContain('estado=caido');
    expect(await rows.count()).toBe(3);

    await page.getByRole('link', { name: 'Kiosco Entrada', exact: true }).click();
    await page.getByRole('heading', { name: 'Kiosco Entrada' }).waitFor();
    expect(await page.getByTestId('fleet-alerts').textContent()).toContain('La impresora no tiene papel (Caído)');
    await saveScreenshot(page, `console-fleet-2-device-${variant.kind}`);

    await page.goto(`${t.server.url}/consola/equipos/${laptop}`);
    await page.getByRole('button', { name: 'Revocar este equipo' }).click();
    await page.getByText('El equipo quedó revocado').waitFor();
    expect(await page.getByTestId('fleet-state').textContent()).toContain('Revocado');

    expect(problems).toEqual([]);
    await context.close();
  });
});
