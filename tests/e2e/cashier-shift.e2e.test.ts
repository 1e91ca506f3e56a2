import path from 'node:path';
import { describe, expect } from 'vitest';
import { demoEntity } from '../../db/seed/entity';
import { GS, paymentElementString } from '../../src-shared/domain/gs1-128';
import { formatCop } from '../../src-shared/domain/money';
import { decodeEscpos, printedLines } from '../support/escpos-decoder';
import { outboxStates } from '../support/outbox-fixtures';
import type { TcpReceiptPrinter } from '../support/tcp-receipt-printer';
import { pdfText } from '../support/poppler-zbar';
import { ensureReplica } from '../support/browser/bill-fixture';
import { expectAccessible } from '../support/browser/accessibility';
import { kioskTest } from '../support/browser/fixture';
import { saveScreenshot } from '../support/browser/screenshots';
import { embeddedServer, type TestStack } from '../support/browser/test-stack';

const it = kioskTest({
  name: 'cashier',
  config: { device: { mode: 'cashier', name: 'Caja 1' } },
  receiptPrinter: true,
});

/**
 * A cashier's whole shift at the counter, keyboard only, with the central server down: sign in,
 * open with a float, a payment typed and one scanned (as a wedge scanner types it, GS dropped),
 * a reprint, a void with a supervisor, a blind close with a difference and its Z report. The
 * receipt printer is a fake EPSON on a loopback socket; then the server comes back and every
 * record syncs.
 */
describe('cashier shift, keyboard only, server down', () => {
  it.beforeAll(async ({ app }) => {
    await ensureReplica(app.stack.core.store.sqlite, 50);
  });

  /** What the test reads back: the counter's SQLite and what came out of the printer. */
  const readBack = (app: TestStack, printer: TcpReceiptPrinter) => {
    const sqlite = () => app.stack.core.store.sqlite;
    const unpaid = (skip: number) =>
      sqlite()
        .prepare(
          "SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, total, due_on AS dueOn FROM bills WHERE state = 'pendiente' ORDER BY bill_number LIMIT 1 OFFSET ?",
        )
        .get(skip) as { billNumber: number; codigoInterno: number; total: number; dueOn: string };
    const printed = () => printedLines(decodeEscpos(printer.received));
    const waitPrinted = async (line: string) => {
      await expect.poll(() => printed().includes(line), { timeout: 15_000 }).toBe(true);
    };
    return { sqlite, unpaid, printed, waitPrinted };
  };

  /** What a wedge scanner types for a bill's barcode: the element string without its GS. */
  const scanOf = (bill: { codigoInterno: number; total: number; dueOn: string }): string => {
    const convenio = demoEntity.paymentBarcode;
    if (convenio === undefined || convenio === null) throw new Error('the demo entity has no convenio');
    const element = paymentElementString(convenio, {
      reference: String(bill.codigoInterno),
      amountPesos: bill.total,
      dueOn: bill.dueOn,
    });
    if (!element.ok) throw new Error(element.error.message);
    return element.value.data.replaceAll(GS, '');
  };

  it('runs a whole shift and syncs it when the server is back', async ({ app, page, printer }) => {
    const { sqlite, unpaid, printed, waitPrinted } = readBack(app, printer);
    await page.goto(app.stack.appUrl);
    await page.getByRole('heading', { name: 'Ingreso a la caja' }).waitFor();
    await embeddedServer(app.stack).stop();
    await saveScreenshot(page, 'cashier-1-sign-in');
    await expectAccessible(page, 'cashier-1-sign-in');
    await page.keyboard.type('cajero1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Clave-equivocada');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Usuario o contraseña incorrectos.' }).waitFor();
    await page.keyboard.type('Cajero1.Demo');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Abrir caja' }).waitFor();
    await expectAccessible(page, 'cashier-open');
    await page.keyboard.type('200000');
    await page.keyboard.press('Enter');

    // A payment by código interno, paid in cash with the exact amount.
    const typed = unpaid(0);
    await page.getByLabel('Escanee el código de barras de la factura o digite el código interno').waitFor();
    await page.keyboard.type(String(typed.codigoInterno));
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Cobro' }).waitFor();
    await saveScreenshot(page, 'cashier-2-bills');
    await expectAccessible(page, 'cashier-2-bills');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Pago registrado' }).waitFor();
    await waitPrinted('RECIBO DE CAJA');
    expect(printed().some((l) => /^Recibo Nº +CAJA1-000001$/.test(l))).toBe(true);
    await saveScreenshot(page, 'cashier-3-paid');
    await expectAccessible(page, 'cashier-3-paid');
    await page.keyboard.press('Enter');

    // The same bill scanned again: warned, and neither the scanner's Enter nor F9 charges it.
    await page.keyboard.type(scanOf(typed));
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Esta factura ya está pagada en esta caja (recibo CAJA1-000001)' })
      .waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Esta factura no se debe: Enter y F9 no la cobran.' }).waitFor();
    await page.keyboard.press('F9');
    await saveScreenshot(page, 'cashier-3b-paid-again');
    await expectAccessible(page, 'cashier-3b-paid-again');
    expect(sqlite().prepare('SELECT count(*) FROM cashier_payments').pluck().get()).toBe(1);
    await page.keyboard.press('F4');
    await page.getByText(/^1 pago · /).waitFor();
    await page.keyboard.press('Escape');

    // A scanned bill: the wedge scanner types the element string without its GS, then Enter.
    const scanned = unpaid(1);
    await page.keyboard.type(scanOf(scanned));
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Cobro' }).waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(scanned.total + 10_000));
    await page.getByText('Cambio: $ 10.000').waitFor();
    await saveScreenshot(page, 'cashier-4-change');
    await expectAccessible(page, 'cashier-4-change');
    await page.keyboard.press('F9');
    await page.getByText('Cambio $ 10.000').waitFor();
    await page.keyboard.press('Enter');

    // Short tenders: a clear message, nothing recorded.
    const short = unpaid(2);
    await page.keyboard.type(String(short.codigoInterno));
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Cobro' }).waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1000');
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: /Faltan \$\s[\d.]+ para cubrir el valor a pagar/ })
      .waitFor();
    await saveScreenshot(page, 'cashier-5-short');
    await expectAccessible(page, 'cashier-5-short');
    expect(sqlite().prepare('SELECT count(*) FROM cashier_payments').pluck().get()).toBe(2);
    await page.keyboard.press('Escape');

    // Reprint and void from the session's payments.
    await page.keyboard.press('F4');
    await page.getByRole('table', { name: 'Pagos' }).waitFor();
    await expectAccessible(page, 'cashier-payments');
    printer.clear();
    await page.keyboard.press('r');
    await page.getByText(/Copia del recibo CAJA1-00000\d enviada a la impresora/).waitFor();
    await waitPrinted('*** COPIA ***');
    await page.keyboard.press('a');
    await page.getByRole('form', { name: 'Anular pago' }).waitFor();
    await expectAccessible(page, 'cashier-void');
    await page.keyboard.type('El usuario pagó dos veces por error');
    await page.keyboard.press('Tab');
    await page.keyboard.type('cajero2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Cajero2.Demo');
    await page.keyboard.press('Enter');
    // The refusal stands in the void form, beside the fields to correct.
    await page
      .getByRole('form', { name: 'Anular pago' })
      .getByRole('alert')
      .filter({ hasText: 'Para anular hace falta el usuario y la contraseña de un supervisor.' })
      .waitFor();
    await page.getByLabel('Usuario del supervisor').fill('supervisor1');
    await page.getByLabel('Contraseña del supervisor').focus();
    await page.keyboard.type('Supervisor1.Demo');
    await page.keyboard.press('Enter');
    await page.getByText(/Pago del recibo CAJA1-00000\d anulado/).waitFor();
    await saveScreenshot(page, 'cashier-6-voided');
    await expectAccessible(page, 'cashier-6-voided');
    await page.keyboard.press('Escape');

    // Blind close: 10.000 short in cash, so a supervisor approves.
    await page.keyboard.press('F10');
    await page.getByRole('heading', { name: 'Cierre de caja (arqueo)' }).waitFor();
    // The strip speaks to the cashier: payments go on while the server is down.
    await page
      .getByText('Sin conexión: puede seguir cobrando; los pagos se envían cuando vuelva la conexión')
      .waitFor();
    const expectedCash =
      200_000 +
      (sqlite()
        .prepare("SELECT coalesce(sum(cash), 0) FROM cashier_payments WHERE state = 'valid'")
        .pluck()
        .get() as number);
    // Bill totals are not multiples of 50 pesos: the count in 50-peso coins falls a little further short.
    const fifties = Math.floor((expectedCash - 10_000) / 50);
    const difference = fifties * 50 - expectedCash;
    await page.getByLabel('Monedas de $ 1.000', { exact: true }).waitFor();
    await page.getByLabel('Monedas de $ 50', { exact: true }).fill(String(fifties));
    await page.keyboard.press('Enter');
    await page.getByText('La diferencia supera la tolerancia: aprobación del supervisor').waitFor();
    await saveScreenshot(page, 'cashier-7-close-difference');
    await expectAccessible(page, 'cashier-7-close-difference');
    await page.keyboard.type('supervisor1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Supervisor1.Demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Caja cerrada' }).waitFor();
    await waitPrinted('INFORME Z');
    const differenceText = formatCop(difference).replace('\u00a0', ' ');
    expect(
      printed().some((l) => l.startsWith('DIFERENCIA') && l.endsWith(differenceText)),
      differenceText,
    ).toBe(true);
    await saveScreenshot(page, 'cashier-8-closed');
    await expectAccessible(page, 'cashier-8-closed');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Guardar el informe Z en PDF' }).click();
    const file = path.join(app.dataDir, (await download).suggestedFilename());
    await (await download).saveAs(file);
    expect(await pdfText(file)).toContain('INFORME Z');
    // Saved: the focus is back on «Terminar», so the next Enter ends the shift instead of saving again.
    await page.getByText(/Informe Z guardado como/).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ingreso a la caja' }).waitFor();

    // Everything waited in the outbox; the server comes back and takes it.
    expect(outboxStates(app.stack.core).pending).toBeGreaterThanOrEqual(5);
    await embeddedServer(app.stack).start();
    await expect.poll(() => outboxStates(app.stack.core).pending ?? 0, { timeout: 60_000, interval: 500 }).toBe(0);
    const { rows } = await embeddedServer(app.stack)
      .running()
      .database.exec.query<{ type: string }>(
        "SELECT type FROM applied_events WHERE type <> 'kiosk.session_ended' ORDER BY id",
      );
    expect(rows.map((r) => r.type)).toEqual([
      'cash_session.opened',
      'payment.taken',
      'payment.taken',
      'payment.voided',
      'cash_session.closed',
    ]);
  });
});
