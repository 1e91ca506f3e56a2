import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { formatCop } from '../../src-shared/domain/money';
import { decodeEscpos, printedLines } from '../support/escpos-decoder';
import { expectAccessible } from '../support/browser/accessibility';
import { ensureReplica } from '../support/browser/bill-fixture';
import { kioskTest } from '../support/browser/fixture';
import { saveScreenshot } from '../support/browser/screenshots';

const it = kioskTest({
  name: 'field',
  config: { device: { mode: 'field', name: 'Portátil ruta 3' } },
  receiptPrinter: true,
});

/** A laptop's screen: what a collector carries. */
const laptop = { width: 1366, height: 768 };

/**
 * A collector's morning on the field laptop, in Chromium through the web host: sign in (a
 * wrong PIN first), open the day, the route sheet with the data's age, a search, one bill
 * collected in cash with change, the receipt off the loopback printer, and the day's totals.
 * The subscribers are whichever the route sheet shows: the demo stack may give a field device
 * a route, all of the entity or none (then a local demo replica stands in).
 */
describe('field collection in the browser', () => {
  let replica: 'synced' | 'filled' = 'filled';
  it.beforeAll(async ({ app }) => {
    replica = await ensureReplica(app.stack.core.store.sqlite, 50);
  });

  it('signs in, opens the day, finds a subscriber, collects cash with change and shows the day', async ({
    app,
    page,
    printer,
  }) => {
    await page.setViewportSize(laptop);
    await page.goto(app.stack.appUrl);
    await page.getByRole('heading', { name: 'Ingreso del recaudador' }).waitFor();
    await saveScreenshot(page, 'field-1-sign-in');
    await expectAccessible(page, 'field-1-sign-in');
    await page.getByLabel('Usuario').fill('cajero1');
    await page.getByLabel('Contraseña o PIN').fill('000000');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Usuario o contraseña incorrectos.' }).waitFor();
    await page.getByLabel('Contraseña o PIN').fill('482615');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Día de recaudo' }).waitFor();
    await saveScreenshot(page, 'field-2-open-day');
    // «Preparar salida» against the stack's server (a local demo replica has none to check).
    if (replica === 'synced') {
      await page.getByRole('button', { name: 'Preparar salida' }).click();
      const prepared = page.getByRole('status').filter({ hasText: 'Salida preparada' });
      await prepared.waitFor({ timeout: 60_000 });
      await expect.poll(() => prepared.textContent()).toMatch(/Datos del \d\d\/\d\d\/\d{4} \d\d:\d\d/);
      await saveScreenshot(page, 'field-2b-prepared');
      await expectAccessible(page, 'field-2b-prepared');
    }
    await page.getByRole('button', { name: 'Abrir el día de hoy' }).click();

    await page.getByRole('heading', { name: 'Hoja de ruta' }).waitFor();
    const status = page.getByRole('status', { name: 'Estado del recaudo' });
    await expect.poll(() => status.textContent()).toMatch(/Datos del \d\d\/\d\d\/\d{4} \d\d:\d\d|Sin datos/);
    const rows = page.locator('.field-row');
    await rows.first().waitFor();
    await saveScreenshot(page, 'field-3-route-sheet');
    await expectAccessible(page, 'field-3-route-sheet');
    const owing = rows.filter({ hasText: /factura/ }).first();
    const codigo = await owing.getAttribute('data-codigo');
    if (codigo === null) throw new Error('no subscriber with an owed bill on the route sheet');

    await page.getByLabel('Buscar por código interno, dirección o medidor').fill(codigo);
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => rows.first().getAttribute('data-codigo')).toBe(codigo);
    await saveScreenshot(page, 'field-4-search');
    await rows.first().click();

    const collect = page.getByRole('button', { name: /^Cobrar \$/ }).first();
    await collect.waitFor();
    await saveScreenshot(page, 'field-5-subscriber');
    await collect.click();
    await page.getByRole('heading', { name: /^Cobrar / }).waitFor();
    const asked = page.getByLabel('Pregunté: el suscriptor no la ha pagado');
    if ((await asked.count()) > 0) await asked.check();
    const amount = Number((await page.getByLabel('Valor a pagar').inputValue()).replace(/\D/g, ''));
    expect(amount).toBeGreaterThan(0);
    await page.getByLabel('Efectivo recibido').fill(String(amount + 10_000));
    await page.getByText('Cambio: $ 10.000').waitFor();
    await saveScreenshot(page, 'field-6-collect');
    await expectAccessible(page, 'field-6-collect');
    await page.getByRole('button', { name: /^Cobrar \$/ }).click();

    await page.getByRole('heading', { name: 'Pago registrado' }).waitFor();
    const receiptNumber = (await page.locator('[data-field="receipt-number"]').textContent()) ?? '';
    expect(receiptNumber).toMatch(/^[A-Z0-9]+-\d{6}$/);
    await page.getByText('Entregue de cambio: $ 10.000').waitFor();
    await page.getByText('Recibo impreso. Entréguelo al suscriptor.').waitFor({ timeout: 15_000 });
    await saveScreenshot(page, 'field-7-receipt');
    await expectAccessible(page, 'field-7-receipt');
    const printed = printedLines(decodeEscpos(printer.received));
    expect(printed.some((l) => l.includes(receiptNumber))).toBe(true);
    expect(printed.some((l) => /^Cambio +\$ 10\.000$/.test(l))).toBe(true);
    // The event waits in the outbox with channel campo, or was already sent.
    const event = app.stack.core.store.sqlite
      .prepare("SELECT json_extract(payload, '$.channel') FROM outbox WHERE type = 'payment.taken'")
      .pluck()
      .all();
    expect(event).toEqual(['campo']);

    await page.getByRole('navigation', { name: 'Recaudo' }).getByRole('button', { name: 'Días de recaudo' }).click();
    await page.getByRole('heading', { name: 'Días de recaudo' }).waitFor();
    const today = page.locator('.field-days tbody tr').first();
    await expect.poll(() => today.textContent()).toMatch(/\(hoy\)1\$/);
    await page.getByText(receiptNumber).first().waitFor();
    await expect.poll(() => status.textContent()).toMatch(/pago/);
    await saveScreenshot(page, 'field-8-days');
    await expectAccessible(page, 'field-8-days');
  });

  it('collects a transfer above the bill as saldo a favor, confirmed on screen', async ({ app, page }) => {
    await page.setViewportSize(laptop);
    await page.goto(app.stack.appUrl);
    await page.getByLabel('Usuario').fill('cajero1');
    await page.getByLabel('Contraseña o PIN').fill('Cajero1.Demo');
    await page.keyboard.press('Enter');
    // The day opened by the test before: straight to the route sheet.
    await page.getByRole('heading', { name: 'Hoja de ruta' }).waitFor();
    const owing = page
      .locator('.field-row')
      .filter({ hasText: /factura/ })
      .first();
    await owing.click();
    await page
      .getByRole('button', { name: /^Cobrar \$/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /^Cobrar / }).waitFor();
    const asked = page.getByLabel('Pregunté: el suscriptor no la ha pagado');
    if ((await asked.count()) > 0) await asked.check();
    const amount = Number((await page.getByLabel('Valor a pagar').inputValue()).replace(/\D/g, ''));
    await page.getByText('Transferencia', { exact: true }).click();
    await page.getByLabel('Valor a pagar').fill(String(amount + 5_000));
    await page.getByLabel('Banco o aplicación').fill('Nequi');
    await page.getByRole('button', { name: /^Cobrar \$/ }).click();
    await page.getByRole('alert').filter({ hasText: 'referencia' }).waitFor();
    await page.getByLabel('Referencia de la transferencia').fill('M5544332');
    await page.getByText('Son $ 5.000 más que la factura').waitFor();
    await page.getByRole('button', { name: /^Cobrar \$/ }).click();
    await page.getByRole('alert').filter({ hasText: 'Confírmelo para cobrar' }).waitFor();
    await page.getByLabel('El suscriptor quiere dejar $ 5.000 como saldo a favor').check();
    await saveScreenshot(page, 'field-9-transfer-saldo');
    await expectAccessible(page, 'field-9-transfer-saldo');
    await page.getByRole('button', { name: /^Cobrar \$/ }).click();
    await page.getByRole('heading', { name: 'Pago registrado' }).waitFor();
    await page.getByText('Transferencia Nequi M5544332', { exact: false }).waitFor();
    await page.getByText(/Pagó \$\s5\.000 más que el valor de la factura/).waitFor();
    const stored = app.stack.core.store.sqlite
      .prepare(
        "SELECT json_extract(payload, '$.amount') FROM outbox WHERE type = 'payment.taken' ORDER BY id DESC LIMIT 1",
      )
      .pluck()
      .get();
    expect(stored).toBe(amount + 5_000);
  });

  it('voids a payment with a supervisor present: a cajero refused, then «Anulado» and the day without it', async ({
    app,
    page,
  }) => {
    await page.setViewportSize(laptop);
    await page.goto(app.stack.appUrl);
    await page.getByLabel('Usuario').fill('cajero1');
    await page.getByLabel('Contraseña o PIN').fill('482615');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Hoja de ruta' }).waitFor();
    await page.getByRole('navigation', { name: 'Recaudo' }).getByRole('button', { name: 'Días de recaudo' }).click();
    await page.getByRole('heading', { name: 'Días de recaudo' }).waitFor();
    const today = page.locator('.field-days tbody tr').first();
    await expect.poll(() => today.textContent()).toMatch(/\(hoy\)2\$/);
    // The newest payment: the transfer of the test before.
    const payment = page.locator('.field-payment').first();
    await payment.getByText('Transferencia Nequi M5544332').waitFor();
    const receiptNumber = (await payment.locator('strong').first().textContent()) ?? '';
    await payment.getByRole('button', { name: 'Anular con supervisor' }).click();
    const form = page.getByRole('form', { name: `Anular el recibo ${receiptNumber} con supervisor` });
    await form.getByLabel('Motivo de la anulación').fill('Transferencia a otra cuenta');
    await form.getByLabel('Usuario del supervisor').fill('cajero2');
    await form.getByLabel('Contraseña del supervisor').fill('Cajero2.Demo');
    await form.getByRole('button', { name: 'Confirmar anulación' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: 'Para anular hace falta el usuario y la contraseña de un supervisor.' })
      .waitFor();
    expect(await form.getByLabel('Contraseña del supervisor').inputValue()).toBe('');
    await form.getByLabel('Usuario del supervisor').fill('supervisor1');
    await form.getByLabel('Contraseña del supervisor').fill('Supervisor1.Demo');
    await saveScreenshot(page, 'field-9b-void-form');
    await expectAccessible(page, 'field-9b-void-form');
    await form.getByRole('button', { name: 'Confirmar anulación' }).click();

    await page
      .getByRole('status')
      .filter({ hasText: `Recibo ${receiptNumber} anulado` })
      .waitFor();
    await payment.getByText('Anulado', { exact: true }).waitFor();
    await expect.poll(() => today.textContent()).toMatch(/\(hoy\)1\$/);
    await expect(payment.getByRole('button', { name: 'Anular con supervisor' }).count()).resolves.toBe(0);
    await saveScreenshot(page, 'field-9c-voided');
    const sqlite = app.stack.core.store.sqlite;
    expect(
      sqlite.prepare('SELECT state FROM cashier_payments WHERE receipt_number = ?').pluck().get(receiptNumber),
    ).toBe('voided');
    expect(sqlite.prepare("SELECT count(*) FROM outbox WHERE type = 'payment.voided'").pluck().get()).toBe(1);
  });

  it('hands the day over at the office: checked with the server, a wrong supervisor refused, the count and its report', async ({
    app,
    page,
    printer,
  }) => {
    await page.setViewportSize(laptop);
    await page.goto(app.stack.appUrl);
    await page.getByLabel('Usuario').fill('cajero1');
    await page.getByLabel('Contraseña o PIN').fill('482615');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Hoja de ruta' }).waitFor();
    await page.getByRole('navigation', { name: 'Recaudo' }).getByRole('button', { name: 'Entrega de recaudo' }).click();
    await page.getByRole('heading', { name: 'Entrega de recaudo' }).waitFor();
    // The payments of the tests before go to the stack's server first; then the count opens.
    const count = page.getByRole('form', { name: 'Conteo del supervisor' });
    await count.waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('table[aria-label="Días por entregar"] tbody tr').count()).toBe(1);
    await saveScreenshot(page, 'field-10-handover-check');
    await expectAccessible(page, 'field-10-handover-check');

    const sqlite = app.stack.core.store.sqlite;
    const expected = sqlite
      .prepare(
        `SELECT coalesce(sum(cash), 0) AS cash, coalesce(sum(card), 0) AS transfer FROM cashier_payments WHERE state = 'valid'`,
      )
      .get() as { cash: number; transfer: number };
    // One $ 50.000 bill and the transfers as the bank shows them: the cash will not match.
    await count.getByLabel('Billetes de $ 50.000').fill('1');
    await count.getByLabel('Transferencias verificadas en el banco (total)').fill(String(expected.transfer));
    const differences = count.getByLabel('Vi las diferencias con el servidor central y recibo la entrega igual.');
    if ((await differences.count()) > 0) await differences.check();
    await count.getByLabel('Usuario del supervisor').fill('cajero2');
    await count.getByLabel('Contraseña del supervisor').fill('Cajero2.Demo');
    await count.getByRole('button', { name: 'Recibir la entrega' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'La entrega la recibe un supervisor' })
      .waitFor({ timeout: 30_000 });
    expect(sqlite.prepare('SELECT count(*) FROM field_handovers').pluck().get()).toBe(0);
    await count.getByLabel('Usuario del supervisor').fill('supervisor1');
    await count.getByLabel('Contraseña del supervisor').fill('Supervisor1.Demo');
    await saveScreenshot(page, 'field-11-handover-count');
    await expectAccessible(page, 'field-11-handover-count');
    await count.getByRole('button', { name: 'Recibir la entrega' }).click();

    await page.getByRole('heading', { name: 'Entrega registrada' }).waitFor({ timeout: 30_000 });
    const difference = 50_000 - expected.cash;
    const words =
      difference === 0
        ? 'El conteo coincide con los registros.'
        : `${difference < 0 ? 'Faltan' : 'Sobran'} ${formatCop(Math.abs(difference)).replace('\u00a0', ' ')} frente a los registros.`;
    await page.getByText(words, { exact: false }).waitFor();
    await page.getByText('Informe de la entrega enviado a la impresora.').waitFor();
    await saveScreenshot(page, 'field-12-handover-done');
    await expectAccessible(page, 'field-12-handover-done');
    await expect
      .poll(() => printedLines(decodeEscpos(printer.received)).some((l) => l.includes('ENTREGA DE RECAUDO')))
      .toBe(true);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Guardar el informe en PDF' }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(/^entrega-recaudo-\d{4}-\d{2}-\d{2}-cajero1\.pdf$/);
    const head = readFileSync((await pdf.path()) ?? '')
      .subarray(0, 5)
      .toString('latin1');
    expect(head).toBe('%PDF-');
    expect(sqlite.prepare('SELECT difference FROM field_handovers').pluck().all()).toEqual([difference]);

    await page.getByRole('button', { name: 'Ver días de recaudo' }).click();
    await expect.poll(() => page.locator('.field-days tbody tr').first().textContent()).toMatch(/\(entregado\)/);
  });
});
