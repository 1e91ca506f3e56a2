import { describe, expect } from 'vitest';
import { formatCop } from '../../src-shared/domain/money';
import { decodeEscpos, printedLines } from '../support/escpos-decoder';
import { printerStates } from '../support/tcp-receipt-printer';
import { BillFixture, ensureReplica } from '../support/browser/bill-fixture';
import { openValidated } from '../support/browser/bills-visit';
import { kioskTest } from '../support/browser/fixture';
import { saveScreenshot } from '../support/browser/screenshots';

const it = kioskTest({ name: 'bills-slip', receiptPrinter: true });

/** A kiosk with only a receipt printer (a fake EPSON on a loopback socket): the bill comes out as the thermal slip. */
describe('kiosk bills on a receipt printer', () => {
  let fixture: BillFixture;
  let codes: number[];

  it.beforeAll(async ({ app }) => {
    await ensureReplica(app.stack.core.store.sqlite, 50);
    fixture = new BillFixture(app.stack.core.store.sqlite);
    codes = fixture.codes("state <> 'pagada'");
  });

  it.beforeEach(({ printer }) => {
    printer.clear();
    printer.state = printerStates.ready;
  });

  it('prints the current bill as a slip with the holder, the total and the barcode', async ({ printer, start }) => {
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

  it('says the printer has no paper, prints nothing, and prints once after "Reintentar"', async ({
    printer,
    start,
  }) => {
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
