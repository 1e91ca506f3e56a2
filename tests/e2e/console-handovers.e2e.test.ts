import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser/browser';
import { saveScreenshot } from '../support/browser/screenshots';
import { fieldDevice, fieldHandover, fieldPaymentWithCredit, fieldStaff } from '../support/field-handover-fixtures';
import { describeEachServerDatabase } from '../support/postgres';
import { startTestServer } from '../support/server-harness';
import { cheapScrypt, seedConsoleStaff, staffPassword } from '../support/staff-console';
import { seedServer } from '../support/sync-support';

/**
 * «Entregas de recaudo» in Chromium, as a supervisor reads it at a desk (docs/staff-console.md):
 * the list with a short and a mismatched handover, filtered by collector, and one handover's
 * days and saldo a favor. Plain HTML: no script runs and the browser reports no CSP violation.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describeEachServerDatabase('staff console: entregas de recaudo in the browser', (variant) => {
  it('a supervisor reads the handovers, filters by collector and opens one', async () => {
    const t = await startTestServer(variant, {
      logLevel: 'silent',
      serverOptions: { passwordWork: { params: cheapScrypt } },
    });
    const exec = t.server.database.exec;
    await seedConsoleStaff(exec);
    await seedServer(t, 2);
    await fieldStaff(exec, 'campo1', 'DIEGO ARMANDO PERDOMO');
    await fieldStaff(exec, 'campo2', 'ANA LUCÍA CAMPOS');
    const norte = await fieldDevice(exec, 'Portátil Norte', 'Sede Centro');
    const sur = await fieldDevice(exec, 'Portátil Sur', 'Sede Sur');
    const short = await fieldHandover(exec, {
      deviceId: norte,
      collector: 'campo1',
      supervisor: 'supervisor1',
      handedAt: '2026-03-02T23:30:00Z',
      expectedCash: 300_000,
      expectedTransfer: 50_000,
      countedCash: 295_000,
      countedTransfer: 50_000,
      days: [
        { openedAt: '2026-03-01T12:00:00Z', payments: 4, amount: 200_000, cash: 170_000, transfer: 30_000 },
        { openedAt: '2026-03-02T12:00:00Z', payments: 3, amount: 150_000, cash: 130_000, transfer: 20_000 },
      ],
    });
    await fieldPaymentWithCredit(exec, {
      deviceId: norte,
      sessionId: short.sessions[0]!,
      reference: 'N-000123',
      credit: 7_500,
      reason: 'Pagó más que el total de la factura',
    });
    await fieldHandover(exec, {
      deviceId: sur,
      collector: 'campo2',
      supervisor: 'admin',
      handedAt: '2026-03-05T04:59:00Z',
      expectedCash: 100_000,
      expectedTransfer: 0,
      countedCash: 102_000,
      countedTransfer: 0,
      days: [
        {
          openedAt: '2026-03-04T13:00:00Z',
          payments: 2,
          amount: 100_000,
          cash: 100_000,
          transfer: 0,
          serverPayments: 1,
          serverAmount: 60_000,
        },
      ],
    });

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
    await page.getByLabel('Usuario').fill('supervisor1');
    await page.getByLabel('Contraseña').fill(staffPassword('supervisor1'));
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { name: 'Prepagos' }).waitFor();

    await page.getByRole('link', { name: 'Entregas de recaudo' }).click();
    await page.getByRole('heading', { name: 'Entregas de recaudo' }).waitFor();
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('No coincide con el servidor');
    expect(await rows.nth(0).textContent()).toMatch(/Sobrante \$\s2\.000/);
    expect(await rows.nth(1).textContent()).toMatch(/Faltante \$\s5\.000/);
    // The shortfall is red as well as worded.
    expect(
      await rows
        .nth(1)
        .locator('td.short')
        .evaluate((cell) => getComputedStyle(cell).color),
    ).toBe('rgb(166, 27, 27)');
    await saveScreenshot(page, `console-handovers-1-list-${variant.kind}`);

    await page.getByLabel('Recaudador').selectOption('campo1');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await expect.poll(() => page.url()).toContain('recaudador=campo1');
    expect(await rows.count()).toBe(1);

    await page.getByRole('link', { name: '02/03/2026, 18:30:00' }).click();
    await page.getByRole('heading', { name: /Entrega de recaudo del/ }).waitFor();
    expect(await page.getByRole('table').nth(1).textContent()).toContain('1 de marzo de 2026');
    expect(await page.getByRole('table').nth(2).textContent()).toContain('Pagó más que el total de la factura');
    await saveScreenshot(page, `console-handovers-2-detail-${variant.kind}`);

    expect(problems).toEqual([]);
    await context.close();
  });
});
