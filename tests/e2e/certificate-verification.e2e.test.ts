import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoFixedGroups } from '../../src-server/certificates/registry-demo-fixed';
import { insertRegistryRecords } from '../../src-server/certificates/registry-store';
import type { CertificatePurchaseValue, RegistryMatch } from '../../src-shared/server-api/certificates-api';
import { launchChromium } from '../support/browser/browser';
import { saveScreenshot } from '../support/browser/screenshots';
import { describeEachServerDatabase } from '../support/postgres';
import { seedConsoleStaff, staffPassword } from '../support/staff-console';
import { createTestLiquidation, testHolder } from '../support/wallet-fixtures';
import { startWalletServer, valueOf } from '../support/wallet-server';

/**
 * A certificate bought at a kiosk, checked by whoever receives it on paper (docs/certificates.md):
 * the code typed on a phone opens the certificate as issued; a copy whose delivery the dispenser
 * never confirmed is decided by a supervisor in the console, and its code then says it has no
 * validity. Plain pages: no script runs, the browser reports no CSP violation.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function pageOf(viewport: { width: number; height: number }): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'es-CO', timezoneId: 'America/Bogota' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // A refusal page's own status (400, 409, 410) is logged by the browser; that is the answer, not a fault.
    const status = /status of (\d+)/.exec(message.text())?.[1];
    if (message.type() === 'error' && !['400', '409', '410'].includes(status ?? '')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, problems };
}

describeEachServerDatabase('certificate verification and staff decisions in the browser', (variant) => {
  it('verifies a delivered copy from a phone, and a supervisor refunds one the dispenser never confirmed', async () => {
    const s = await startWalletServer(variant);
    const exec = s.t.server.database.exec;
    await seedConsoleStaff(exec);
    for (const group of demoFixedGroups(s.now())) await insertRegistryRecords(exec, group);
    const holder = {
      ...testHolder('NIT', '9001234568'),
      identity: { personKind: 'juridica' as const, businessName: 'Ferretería El Tolima S.A.S.' },
    };
    const liquidation = await createTestLiquidation(exec, {
      amount: 50_000,
      docType: 'NIT',
      docNumber: '9001234568',
      client: holder,
    });
    await s.pay(liquidation.id, 50_000, 'Empresa.2026');
    const kiosk = await s.enroll('kiosk', 'Kiosco del vestíbulo');
    const found = valueOf<{ matches: RegistryMatch[] }>(
      await s.call(kiosk, 'POST', '/v1/certificates/search', { query: 'ferreteria tolima' }),
    );
    const match = found.matches.find((m) => m.nit === '900.123.456-8');
    const offer = match?.certificates[0];
    if (match === undefined || offer === undefined) throw new Error('the demo company has no certificate on sale');
    const bought = valueOf<CertificatePurchaseValue>(
      await s.call(kiosk, 'POST', '/v1/certificates/purchase', {
        docType: 'NIT',
        docNumber: '900.123.456-8',
        clave: 'Empresa.2026',
        purchaseKey: randomUUID(),
        matricula: match.matricula,
        certificateCode: offer.code,
        copies: 2,
      }),
    );
    const [delivered, lost] = bought.copies;
    if (delivered === undefined || lost === undefined) throw new Error('two copies expected');
    const report = (certificateId: string, outcome: string) =>
      s.call(kiosk, 'POST', '/v1/certificates/dispensed', {
        certificateId,
        outcome,
        detail: 'CUPS job 12: sin respuesta',
      });
    valueOf(await report(delivered.certificateId, 'completed'));
    valueOf(await report(lost.certificateId, 'unknown'));

    // Whoever got the paper types its code on a phone, in groups as people copy it.
    const phone = await pageOf({ width: 390, height: 844 });
    await phone.page.goto(`${s.t.server.url}/verificar`);
    await saveScreenshot(phone.page, `certificate-verify-1-form-${variant.kind}`);
    await phone.page.getByLabel('Código de verificación').fill('abc');
    await phone.page.getByRole('button', { name: 'Verificar' }).click();
    await phone.page.getByRole('alert').waitFor();
    expect(await phone.page.getByRole('alert').textContent()).toContain('10 caracteres');
    await saveScreenshot(phone.page, `certificate-verify-2-typo-${variant.kind}`);
    const grouped = `${delivered.verificationCode.slice(0, 5)} ${delivered.verificationCode.slice(5)}`;
    await phone.page.getByLabel('Código de verificación').fill(grouped);
    await phone.page.getByRole('button', { name: 'Verificar' }).click();
    await phone.page.getByRole('heading', { name: 'Certificado verificado' }).waitFor();
    const facts = (await phone.page.locator('dl').textContent()) ?? '';
    expect(facts).toContain('FERRETERÍA EL TOLIMA');
    expect(facts).toContain(String(bought.receiptNumber));
    await saveScreenshot(phone.page, `certificate-verify-3-verified-${variant.kind}`);
    const pdf = await phone.page.request.get(`${s.t.server.url}/verificar/${delivered.verificationCode}/documento`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The unconfirmed copy: in review until a supervisor decides.
    await phone.page.goto(`${s.t.server.url}/verificar/${lost.verificationCode}`);
    await phone.page.getByRole('heading', { name: 'Certificado en revisión' }).waitFor();

    const desk = await pageOf({ width: 1366, height: 900 });
    await desk.page.goto(`${s.t.server.url}/consola/certificados`);
    await desk.page.getByLabel('Usuario').fill('supervisor1');
    await desk.page.getByLabel('Contraseña').fill(staffPassword('supervisor1'));
    await desk.page.getByRole('button', { name: 'Ingresar' }).click();
    await desk.page.getByRole('link', { name: 'Certificados' }).first().click();
    await desk.page.getByRole('heading', { name: 'Certificados' }).waitFor();
    await saveScreenshot(desk.page, `certificate-console-1-list-${variant.kind}`);
    await desk.page.getByRole('link', { name: `${bought.receiptNumber} · copia ${lost.copy}` }).click();
    expect(await desk.page.getByTestId('estado').textContent()).toContain('sin confirmar');
    await desk.page.getByLabel('No salió: devolver el valor').check();
    await desk.page.getByLabel('Nota (obligatoria)').fill('La bandeja estaba vacía y la impresora marcó atasco.');
    await saveScreenshot(desk.page, `certificate-console-2-decide-${variant.kind}`);
    await desk.page.getByRole('button', { name: 'Guardar la decisión' }).click();
    await desk.page.getByText('Quedó como no entregado').waitFor();
    expect(await desk.page.getByTestId('estado').textContent()).toContain('valor devuelto');
    await saveScreenshot(desk.page, `certificate-console-3-decided-${variant.kind}`);

    await phone.page.goto(`${s.t.server.url}/verificar/${lost.verificationCode}`);
    await phone.page.getByRole('heading', { name: 'Certificado sin validez' }).waitFor();
    await saveScreenshot(phone.page, `certificate-verify-4-refunded-${variant.kind}`);
    const balance = await s.query<{ balance: string }>(
      "SELECT balance FROM ledger_accounts WHERE kind = 'wallet' AND owner_ref = 'NIT 9001234568'",
    );
    expect(Number(balance[0]?.balance)).toBe(50_000 - offer.price);
    expect([...phone.problems, ...desk.problems]).toEqual([]);
    await phone.page.context().close();
    await desk.page.context().close();
  });
});
