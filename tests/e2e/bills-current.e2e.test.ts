import { describe, expect } from 'vitest';
import { formatCop } from '../../src-shared/domain/money';
import { BillsQuestionsPage } from '../support/browser/pages/bills-questions-page';
import { BillsResultsPage } from '../support/browser/pages/bills-results-page';
import { IdleDialog } from '../support/browser/pages/idle-dialog';
import { StartPage } from '../support/browser/pages/start-page';
import { BillFixture, ensureReplica } from '../support/browser/bill-fixture';
import { oneWrongPick, openValidated, rightPick } from '../support/browser/bills-visit';
import { expectKioskScreenUsable } from '../support/browser/accessibility';
import { kioskTest } from '../support/browser/fixture';
import { saveScreenshot } from '../support/browser/screenshots';
import { fastIdle } from '../support/browser/test-stack';

const bogotaTime = new Intl.DateTimeFormat('es-CO', {
  timeZone: 'America/Bogota',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** The CUPS PDF queue the print tests use (`.ci/run` creates it). */
const printerQueue = 'ventanilla-pdf';

const it = kioskTest({ name: 'bills', config: { printers: { document: printerQueue } } });

describe('kiosk bills: código interno, validation questions, current bill and print', () => {
  let fixture: BillFixture;
  /** Unpaid current bills; each test takes its own code, since failures and locks stick to a code. */
  let codes: number[];
  const takeCode = (): number => {
    const code = codes.shift();
    if (code === undefined) throw new Error('fixture: not enough subscribers with an unpaid bill');
    return code;
  };

  it.beforeAll(async ({ app }) => {
    await ensureReplica(app.stack.core.store.sqlite, 50);
    fixture = new BillFixture(app.stack.core.store.sqlite);
    codes = fixture.codes("state <> 'pagada'");
  });

  it('prints the current bill after the right answers, then "Terminar" leaves nothing behind', async ({ start }) => {
    const code = takeCode();
    const bill = fixture.currentBill(code);
    const holder = fixture.holderName(code);
    const results = await openValidated(start, fixture, code, 'Facturación servicios públicos', 'bills-1');

    expect(await results.subscriber.innerText()).toContain(holder);
    const summary = await results.currentBill.innerText();
    expect(summary).toContain(formatCop(bill.total));
    expect(summary).toContain(String(bill.billNumber));
    expect(summary).toMatch(/Pague hasta el \d{1,2} de [a-z]+ de \d{4}/);
    expect(await results.lineItems.getByRole('row', { name: /Total a pagar/ }).innerText()).toContain(
      formatCop(bill.total),
    );
    expect(await results.consumptionChart.getAttribute('aria-label')).toContain(`${bill.consumptionM3} m³`);
    await saveScreenshot(results.page, 'bills-2-current-bill');
    await expectKioskScreenUsable(results.page, 'bills-2-current-bill');

    await results.print();
    await results.page.getByText('Su factura se imprimió').waitFor({ timeout: 60_000 });
    await saveScreenshot(results.page, 'bills-3-printed');
    await expectKioskScreenUsable(results.page, 'bills-3-printed');

    await results.viewPdf();
    await results.pdfViewer.waitFor();
    await results.waitForPdfDrawn();
    await saveScreenshot(results.page, 'bills-4-pdf');
    await expectKioskScreenUsable(results.page, 'bills-4-pdf');
    await results.closePdf();
    await results.pdfViewer.waitFor({ state: 'hidden' });

    await results.end();
    await start.waitUntilShown();
    expect(await start.page.locator('body').innerText()).not.toContain(holder);
    // The next citizen starts from an empty código interno and must answer again.
    const again = await start.openBills('Facturación servicios públicos');
    expect(await again.codigoInterno.inputValue()).toBe('');
  });

  it('explains an empty, a too long and an unknown código interno; letters cannot be typed', async ({ start }) => {
    const entry = await start.openBills('Historial de pagos');
    await entry.continue();
    expect(await entry.problem.innerText()).toContain('Digite su código interno');
    await saveScreenshot(entry.page, 'bills-code-empty');
    await expectKioskScreenUsable(entry.page, 'bills-code-empty');

    await entry.codigoInterno.focus();
    await entry.page.keyboard.type('12ab3');
    expect(await entry.codigoInterno.inputValue()).toBe('123');
    await entry.clear();
    await entry.tapDigits('1234567890');
    expect(await entry.codigoInterno.inputValue()).toBe('1234567890');
    await entry.page.getByText('El código interno tiene como máximo 10 números').waitFor();
    // An eleventh digit cannot be tapped, nor typed on a keyboard.
    expect(await entry.keypad.getByRole('button', { name: '7', exact: true }).isDisabled()).toBe(true);
    await entry.codigoInterno.focus();
    await entry.page.keyboard.type('7');
    expect(await entry.codigoInterno.inputValue()).toBe('1234567890');

    await entry.clear();
    const unknown = fixture.unknownCode();
    await entry.tapDigits(String(unknown));
    await entry.continue();
    await entry.problem.filter({ hasText: `No encontramos el código interno ${unknown}` }).waitFor();
    expect(await entry.codigoInterno.inputValue()).toBe(String(unknown));
    await saveScreenshot(entry.page, 'bills-code-not-found');
    await expectKioskScreenUsable(entry.page, 'bills-code-not-found');
    for (const key of await entry.page.getByRole('button').all()) {
      const box = await key.boundingBox();
      expect(box?.height ?? 0, await key.innerText()).toBeGreaterThanOrEqual(64);
    }
  });

  it('says the answers do not match and how many tries are left, never which one was wrong', async ({ start }) => {
    const code = takeCode();
    const entry = await start.openBills('Facturación servicios públicos');
    await entry.tapDigits(String(code));
    await entry.continue();
    const questions = new BillsQuestionsPage(entry.page);
    await questions.answerAll(oneWrongPick(fixture, code));
    await questions.heading.filter({ hasText: 'Las respuestas no coinciden' }).waitFor();
    const text = await entry.page.getByRole('main').innerText();
    expect(text).toContain('Le quedan 2 intentos');
    expect(text).not.toMatch(/pregunta \d|primera|segunda|tercera|correcta|incorrecta/i);
    await saveScreenshot(entry.page, 'bills-answers-rejected');
    await expectKioskScreenUsable(entry.page, 'bills-answers-rejected');

    // A new set of questions; right this time.
    await entry.page.getByRole('button', { name: 'Intentar de nuevo' }).tap();
    await questions.answerAll(rightPick(fixture, code));
    await new BillsResultsPage(entry.page).waitUntilShown('Facturación servicios públicos');
  });

  it('locks the code after three failed tries and says until when, in Bogotá time', async ({ app, start }) => {
    const code = takeCode();
    const entry = await start.openBills('Facturación servicios públicos');
    await entry.tapDigits(String(code));
    await entry.continue();
    const questions = new BillsQuestionsPage(entry.page);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await questions.answerAll(oneWrongPick(fixture, code));
      if (attempt < 3) {
        await questions.heading.filter({ hasText: 'Las respuestas no coinciden' }).waitFor();
        expect(await entry.page.getByRole('main').innerText()).toContain(
          attempt === 1 ? 'Le quedan 2 intentos' : 'Le queda 1 intento',
        );
        await entry.page.getByRole('button', { name: 'Intentar de nuevo' }).tap();
      }
    }
    await questions.heading.filter({ hasText: 'Código interno bloqueado' }).waitFor();
    const lockedUntil = app.stack.core.store.sqlite
      .prepare('SELECT locked_until FROM bill_access_locks WHERE codigo_interno = ?')
      .pluck()
      .get(code);
    expect(typeof lockedUntil).toBe('string');
    const until = bogotaTime.format(new Date(String(lockedUntil)));
    // Near midnight in Bogotá the unlock falls on the next day, and the sentence names it.
    expect(await entry.page.getByRole('alert').innerText()).toMatch(
      new RegExp(`hasta (el \\d{1,2} de [a-z]+ de \\d{4} a )?las ${until} \\(hora de Colombia\\)`),
    );
    await saveScreenshot(entry.page, 'bills-locked');
    await expectKioskScreenUsable(entry.page, 'bills-locked');

    // Entering the same code again is refused at once, with the same time.
    await entry.page.getByRole('button', { name: 'Consultar otro código interno' }).tap();
    await entry.waitUntilShown();
    expect(await entry.codigoInterno.inputValue()).toBe('');
    await entry.tapDigits(String(code));
    await entry.continue();
    await questions.heading.filter({ hasText: 'Código interno bloqueado' }).waitFor();
    expect(await entry.page.getByRole('alert').innerText()).toContain(until);
    await saveScreenshot(entry.page, 'bills-locked-again');
  });

  it('ends the visit after inactivity in the middle of the questions and of the bill', async ({ app, page }) => {
    // The page's clock, which the idle timer reads, jumps over the quiet seconds instead of the
    // test waiting them out (the real-time timer is idle-timeout.e2e.test.ts's).
    await page.clock.install();
    const start = await StartPage.open(page, app.stack.appUrl);
    const code = takeCode();
    const holder = fixture.holderName(code);
    const entry = await start.openBills('Facturación servicios públicos');
    await entry.tapDigits(String(code));
    await entry.continue();
    const questions = new BillsQuestionsPage(entry.page);
    await questions.waitForQuestion(1);
    await questions.choose((await questions.optionLabels())[0] ?? '');
    const idle = new IdleDialog(entry.page);
    await page.clock.fastForward(fastIdle.idleSeconds * 1000);
    await idle.dialog.waitFor({ timeout: (fastIdle.idleSeconds + 3) * 1000 });
    await saveScreenshot(entry.page, 'bills-idle-warning');
    await page.clock.fastForward(fastIdle.warningSeconds * 1000);
    await idle.dialog.waitFor({ state: 'detached', timeout: (fastIdle.warningSeconds + 3) * 1000 });
    await start.waitUntilShown();
    const fresh = await start.openBills('Facturación servicios públicos');
    expect(await fresh.codigoInterno.inputValue()).toBe('');
    await fresh.end();
    await start.waitUntilShown();

    // On the bill itself: the timeout clears the name and the access.
    const results = await openValidated(start, fixture, code, 'Facturación servicios públicos');
    expect(await results.subscriber.innerText()).toContain(holder);
    await page.clock.fastForward(fastIdle.idleSeconds * 1000);
    await idle.dialog.waitFor({ timeout: (fastIdle.idleSeconds + 3) * 1000 });
    await page.clock.fastForward(fastIdle.warningSeconds * 1000);
    await idle.dialog.waitFor({ state: 'detached', timeout: (fastIdle.warningSeconds + 3) * 1000 });
    await start.waitUntilShown();
    expect(await start.page.locator('body').innerText()).not.toContain(holder);
    const history = await start.openBills('Historial de pagos');
    expect(await history.codigoInterno.inputValue()).toBe('');
  });
});
