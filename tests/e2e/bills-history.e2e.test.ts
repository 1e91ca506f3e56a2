import { describe, expect } from 'vitest';
import { formatCop } from '../../src-shared/domain/money';
import { BillFixture, ensureReplica } from '../support/browser/bill-fixture';
import { openValidated } from '../support/browser/bills-visit';
import { expectKioskScreenUsable } from '../support/browser/accessibility';
import { kioskTest } from '../support/browser/fixture';
import { saveScreenshot } from '../support/browser/screenshots';
import { embeddedServer } from '../support/browser/test-stack';

const channelWords: Record<string, string> = {
  banco: 'En banco',
  caja: 'En caja de la oficina',
  'en-linea': 'En línea (PSE)',
  corresponsal: 'En corresponsal bancario',
};
const bogotaDay = new Intl.DateTimeFormat('es-CO', {
  timeZone: 'America/Bogota',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const monthYear = new Intl.DateTimeFormat('es-CO', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const periodWords = (period: string): string => monthYear.format(new Date(`${period}-15T00:00:00Z`));
const stateWords: Record<string, string> = {
  pagada: 'Pagada',
  pendiente: 'Pendiente de pago',
  vencida: 'Vencida',
  anulada: 'Anulada',
};

const it = kioskTest({ name: 'bills-history' });

/** This kiosk has no printer: bills are viewed on screen, and printing says so plainly. */
describe('kiosk bills: payment history and previous bills', () => {
  let fixture: BillFixture;

  it.beforeAll(async ({ app }) => {
    await ensureReplica(app.stack.core.store.sqlite, 50);
    fixture = new BillFixture(app.stack.core.store.sqlite);
  });

  it('shows the last payments with date, amount, channel and period, and how fresh the data are', async ({ start }) => {
    const code = fixture.codesWithPayments(true)[0] ?? 0;
    const expected = fixture.payments(code);
    expect(expected.length).toBeGreaterThan(0);
    const results = await openValidated(start, fixture, code, 'Historial de pagos', 'bills-history');
    const rows = await results.paymentRows();
    expect(rows.length).toBe(expected.length);
    expected.forEach((payment, i) => {
      // The page model collapses white space, the no-break space of formatCop included.
      const amount = formatCop(payment.amount).replace(/\s+/g, ' ');
      expect(rows[i]).toEqual([
        bogotaDay.format(new Date(payment.paidAt)),
        expect.stringMatching(new RegExp(periodWords(payment.period), 'i')),
        channelWords[payment.channel],
        amount,
      ]);
    });
    expect(
      await results.page
        .getByText(/Datos actualizados al \d{2}\/\d{2}\/\d{4} a las \d{2}:\d{2}|todavía no ha sincronizado/)
        .count(),
    ).toBe(1);
    await saveScreenshot(results.page, 'bills-history-payments');
    await expectKioskScreenUsable(results.page, 'bills-history-payments');
  });

  it('shows a previous bill chosen by period, marked informative, viewable as PDF; printing without a printer says so', async ({
    start,
  }) => {
    const code = fixture.codesWithPayments(true)[1] ?? 0;
    const previous = fixture.previousBills(code);
    expect(previous.length).toBeGreaterThan(1);
    const results = await openValidated(start, fixture, code, 'Ver facturas anteriores', 'bills-previous');
    expect(await results.periods.count()).toBe(previous.length);
    await saveScreenshot(results.page, 'bills-previous-periods');
    await expectKioskScreenUsable(results.page, 'bills-previous-periods');

    const chosen = previous[1];
    if (chosen === undefined) throw new Error('fixture: no second previous bill');
    await results.choosePeriod(new RegExp(periodWords(chosen.period), 'i'));
    const card = results.page.getByRole('region', {
      name: new RegExp(`Factura de ${periodWords(chosen.period)}`, 'i'),
    });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain(String(chosen.billNumber));
    expect(text).toContain(formatCop(chosen.total));
    expect(text).toContain(`FACTURA ${chosen.state.toUpperCase()}`);
    expect(text).toContain('sin código de barras');
    await saveScreenshot(results.page, 'bills-previous-chosen');
    await expectKioskScreenUsable(results.page, 'bills-previous-chosen');

    await results.print();
    await results.page.getByRole('alert').filter({ hasText: 'no tiene una impresora disponible' }).waitFor();
    await saveScreenshot(results.page, 'bills-previous-no-printer');
    await expectKioskScreenUsable(results.page, 'bills-previous-no-printer');

    await results.viewPdf();
    await results.pdfViewer.waitFor();
    await results.waitForPdfDrawn();
    await saveScreenshot(results.page, 'bills-previous-pdf');
    await expectKioskScreenUsable(results.page, 'bills-previous-pdf');
    await results.closePdf();

    // The other functions of the same code need no second round of questions.
    await results.switchTo('Historial de pagos');
    await results.payments.waitFor();
    await results.switchTo('Facturación servicios públicos');
    await results.currentBill.waitFor();
  });

  it('offers a debtor the bills it has not paid, each with its state, and the five up to its last payment', async ({
    start,
  }) => {
    const code = fixture.debtors()[0];
    if (code === undefined) throw new Error('fixture: no subscriber owes a bill from before the current one');
    const previous = fixture.previousBills(code);
    const owed = previous.filter((bill) => bill.state === 'vencida');
    const results = await openValidated(start, fixture, code, 'Ver facturas anteriores');
    await results.periods.first().waitFor();
    expect(await results.periods.count()).toBe(previous.length);
    const buttons = await results.periods.allInnerTexts();
    previous.forEach((bill, i) => {
      expect(buttons[i]).toMatch(new RegExp(periodWords(bill.period), 'i'));
      expect(buttons[i]).toContain(stateWords[bill.state]);
      expect(buttons[i]?.replace(/\s+/g, ' ')).toContain(formatCop(bill.total).replace(/\s+/g, ' '));
    });
    await results.page
      .getByText(
        owed.length === 1
          ? 'Incluye 1 factura que aparece sin pagar.'
          : `Incluye ${owed.length} facturas que aparecen sin pagar.`,
      )
      .waitFor();
    await saveScreenshot(results.page, 'bills-previous-debtor');

    const chosen = owed[0];
    if (chosen === undefined) throw new Error('fixture: no overdue bill');
    await results.choosePeriod(new RegExp(periodWords(chosen.period), 'i'));
    const card = results.page.getByRole('region', {
      name: new RegExp(`Factura de ${periodWords(chosen.period)}`, 'i'),
    });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain(String(chosen.billNumber));
    expect(text).toContain('Vencida');
    expect(text).toContain('sin código de barras y con la marca de agua «FACTURA VENCIDA»');
    await saveScreenshot(results.page, 'bills-previous-debtor-chosen');
  });

  it('gives the guide’s advice when the code has no previous bills', async ({ app, start }) => {
    // Every demo subscriber has paid at least once: the utility connects a new one on the
    // central server, and sync brings it to the kiosk.
    const code = await fixture.connectNewSubscriber(embeddedServer(app.stack).running().database.exec);
    expect(fixture.codesWithPayments(false)).toContain(code);
    const results = await openValidated(start, fixture, code, 'Ver facturas anteriores');
    await results.page
      .getByText('Es recomendable realizar la consulta de las últimas 5 facturas, a partir del periodo actual')
      .waitFor();
    await saveScreenshot(results.page, 'bills-previous-none');
    await expectKioskScreenUsable(results.page, 'bills-previous-none');
  });
});
