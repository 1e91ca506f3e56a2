import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatCop } from '../../src-shared/domain/money';
import { decodeEscpos, printedLines } from '../support/escpos-decoder';
import { printerStates, TcpReceiptPrinter } from '../support/tcp-receipt-printer';
import { StartPage } from '../support/browser/pages/start-page';
import { BillFixture, ensureReplica } from '../support/browser/bill-fixture';
import { openValidated } from '../support/browser/bills-visit';
import { launchChromium, newKioskPage } from '../support/browser/browser';
import { saveScreenshot } from '../support/browser/screenshots';
import { startTestStack, type TestStack } from '../support/browser/test-stack';

/** A kiosk with only a receipt printer (a fake EPSON on a loopback socket): the bill comes out as the thermal slip. */
describe('kiosk bills on a receipt printer', () => {
  let printer: TcpReceiptPrinter;
  let app: TestStack;
  let browser: Browser;
  let context: BrowserContext;
  let start: StartPage;
  let fixture: BillFixture;
  let codes: number[];

  beforeAll(async () => {
    printer = await TcpReceiptPrinter.start();
    app = await startTestStack('bills-slip', { printers: { receipt: printer.address } });
    await ensureReplica(app.stack.core.store.sqlite, 50);
    fixture = new BillFixture(app.stack.core.store.sqlite);
    codes = fixture.codes("state <> 'pagada'");
    browser = await launchChromium();
  });

  beforeEach(async () => {
    printer.clear();
    printer.state = printerStates.ready;
    const kiosk = await newKioskPage(browser);
    context = kiosk.context;
    start = await StartPage.open(kiosk.page, app.stack.appUrl);
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
    await printer?.stop();
  });

  it('prints the current bill as a slip with the holder, the total and the barcode', async () => {
    const code = codes[0] ?? 0;
    const bill = fixture.currentBill(code);
    const results = await openValidated(start, fixture, code, 'Facturación servicios públicos');
    await results.print();
    await results.page.getByText('Su factura se imprimió').waitFor({ timeout: 30_000 });
    await saveScreenshot(results.page, 'bills-slip-printed');
    const events = decodeEscpos(printer.received);
    const lines = printedLines(events);
    expect(lines.some((l) => l.endsWith(String(code)) && l.startsWith('Código interno'))).toBe(true);
    expect(
      lines.some((l) => l.startsWith('TOTAL A PAGAR') && l.endsWith(formatCop(bill.total).replace('\u00a0', ' '))),
    ).toBe(true);
    expect(events.some((e) => e.kind === 'raster')).toBe(true);
    expect(events.some((e) => e.kind === 'cut')).toBe(true);
  });

  it('says the printer has no paper, prints nothing, and prints once after "Reintentar"', async () => {
    printer.state = printerStates.paperEnd;
    const code = codes[1] ?? 0;
    const results = await openValidated(start, fixture, code, 'Facturación servicios públicos');
    await results.print();
    const problem = results.page.getByRole('alert').filter({ hasText: 'La impresora de recibos no tiene papel' });
    await problem.waitFor({ timeout: 30_000 });
    await saveScreenshot(results.page, 'bills-slip-no-paper');
    expect(printer.received.length).toBe(0);

    printer.state = printerStates.ready;
    await results.page.getByRole('button', { name: 'Reintentar' }).tap();
    await results.page.getByText('Su factura se imprimió').waitFor({ timeout: 30_000 });
    expect(
      printedLines(decodeEscpos(printer.received)).filter((l) => l === 'FACTURA DE SERVICIOS PÚBLICOS'),
    ).toHaveLength(1);
  });
});
