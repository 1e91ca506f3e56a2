import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bankFile } from '../support/bank-file-fixtures';
import { launchChromium } from '../support/browser/browser';
import { saveScreenshot } from '../support/browser/screenshots';
import { describeEachServerDatabase } from '../support/postgres';
import { startTestServer } from '../support/server-harness';
import { cheapScrypt, seedConsoleStaff, staffPassword } from '../support/staff-console';
import { createTestLiquidation } from '../support/wallet-fixtures';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The staff console in Chromium, as a supervisor uses it at a desk (docs/staff-console.md): log in,
 * import the bank's file, look at a wallet the file paid, resolve the record it could not apply,
 * and see the money arrive. Plain forms: the page runs no script, and the browser reports no
 * CSP violation.
 */
let browser: Browser;
const files = mkdtempSync(path.join(tmpdir(), 'ventanilla-console-e2e-'));

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  rmSync(files, { recursive: true, force: true });
});

async function desktopPage(): Promise<{ page: Page; problems: string[] }> {
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
  return { page, problems };
}

describeEachServerDatabase('staff console in the browser', (variant) => {
  it('a supervisor imports a bank file, looks at a wallet and resolves a parked record', async () => {
    const t = await startTestServer(variant, {
      logLevel: 'silent',
      serverOptions: { passwordWork: { params: cheapScrypt } },
    });
    const exec = t.server.database.exec;
    await seedConsoleStaff(exec);
    const paid = await createTestLiquidation(exec, { amount: 120_000, docType: 'CC', docNumber: '1020304050' });
    const lost = await createTestLiquidation(exec, { amount: 50_000, docType: 'CC', docNumber: '1020304050' });
    const file = path.join(files, `recaudo-${variant.kind}.txt`);
    // The second payment carries a reference nobody has: the citizen wrote a wrong digit at the bank.
    writeFileSync(
      file,
      bankFile(
        [
          { reference: paid.number, amount: 120_000 },
          { reference: 777_777, amount: 50_000 },
        ],
        // Collected today (Bogotá), as a real file the morning after would be dated.
        { collectedOn: new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 10) },
      ),
    );

    const { page, problems } = await desktopPage();
    await page.goto(`${t.server.url}/consola/revisiones`);
    // No session: the login page.
    await expect.poll(() => page.url()).toContain('/consola/ingresar');
    await saveScreenshot(page, `staff-console-1-login-${variant.kind}`);
    await page.getByLabel('Usuario').fill('supervisor1');
    await page.getByLabel('Contraseña').fill(staffPassword('supervisor1'));
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { name: 'Prepagos' }).waitFor();

    await page.getByRole('link', { name: 'Archivos del banco' }).click();
    await page.getByLabel('Archivo Asobancaria 2001 del banco').setInputFiles(file);
    await page.getByRole('button', { name: 'Importar' }).click();
    const result = page.getByTestId('resultado-importacion');
    await result.waitFor();
    expect(await result.textContent()).toContain(`Archivo recaudo-${variant.kind}.txt importado`);
    await saveScreenshot(page, `staff-console-2-bank-file-${variant.kind}`);

    await page.getByRole('link', { name: 'Prepagos' }).click();
    await page.getByLabel('Número').fill('1.020.304.050');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await expect.poll(() => page.getByTestId('saldo').textContent()).toMatch(/\$\s120\.000/);
    expect(await page.getByRole('cell', { name: 'PÉREZ ANA' }).count()).toBe(0);
    expect(await page.locator('dl.facts').textContent()).toContain('Pérez Ana');
    await saveScreenshot(page, `staff-console-3-wallet-${variant.kind}`);

    await page.getByRole('link', { name: 'Revisiones' }).click();
    await page.getByRole('link', { name: 'Referencia desconocida' }).click();
    expect(await page.getByTestId('raw').textContent()).toMatch(/^06.*777777/);
    await page.getByLabel('Aplicar a la liquidación').check();
    await page.getByLabel(/Liquidación a la que se aplica/).fill(String(lost.number));
    await page.getByLabel('Nota (obligatoria)').fill('El ciudadano mostró el comprobante: escribió mal la referencia.');
    await saveScreenshot(page, `staff-console-4-review-${variant.kind}`);
    await page.getByRole('button', { name: 'Guardar la decisión' }).click();
    await page.getByText(`Se abonó el dinero al prepago de la liquidación ${lost.number}.`).waitFor();
    const resolution = await page.getByTestId('resolucion').textContent();
    expect(resolution).toContain('supervisor1');
    expect(resolution).toContain(`Liquidación ${lost.number}`);
    await saveScreenshot(page, `staff-console-5-resolved-${variant.kind}`);

    // The back button shows the page as it is now (nothing is cached): resolved, no form to send again.
    await page.goBack();
    await page.getByTestId('resolucion').waitFor();
    expect(await page.getByRole('button', { name: 'Guardar la decisión' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Prepagos' }).click();
    await page.getByLabel('Número').fill('1020304050');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await expect.poll(() => page.getByTestId('saldo').textContent()).toMatch(/\$\s170\.000/);

    // The liquidación the record was applied to: paid at the bank, with its payment listed.
    await page.getByRole('link', { name: 'Liquidaciones' }).click();
    await page.getByLabel('Estado').selectOption('pagada');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await page.getByRole('link', { name: String(lost.number), exact: true }).click();
    expect(await page.getByTestId('estado').textContent()).toContain('Pagada');
    expect(await page.getByRole('table').textContent()).toContain('Banco o corresponsal');
    await saveScreenshot(page, `staff-console-6-liquidation-${variant.kind}`);

    await page.getByRole('button', { name: 'Salir' }).click();
    await page.getByRole('button', { name: 'Ingresar' }).waitFor();
    await page.goto(`${t.server.url}/consola/prepagos`);
    await expect.poll(() => page.url()).toContain('/consola/ingresar');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
