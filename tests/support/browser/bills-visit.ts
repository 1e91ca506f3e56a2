import type { Page } from 'playwright-core';
import { BillsQuestionsPage } from './pages/bills-questions-page';
import { BillsResultsPage } from './pages/bills-results-page';
import type { StartPage } from './pages/start-page';
import { rightLabel } from '../bill-answers';
import type { BillFixture } from './bill-fixture';
import { expectKioskScreenUsable } from './accessibility';
import { saveScreenshot } from './screenshots';

export type BillsTitle = 'Facturación servicios públicos' | 'Historial de pagos' | 'Ver facturas anteriores';

/** Picks the right option, as a citizen reading the printed bill would. */
export const rightPick = (fixture: BillFixture, code: number) => (prompt: string, labels: string[]) => {
  const answer = rightLabel(prompt, fixture.heldBill(code));
  if (!labels.includes(answer)) throw new Error(`the right answer «${answer}» is not among ${labels.join(' | ')}`);
  return answer;
};

/** Picks a wrong option for the first question and right ones for the others. */
export const oneWrongPick = (fixture: BillFixture, code: number) => {
  let asked = 0;
  return (prompt: string, labels: string[]) => {
    asked += 1;
    const answer = rightLabel(prompt, fixture.heldBill(code));
    if (asked > 1) return answer;
    const wrong = labels.find((label) => label !== answer);
    if (wrong === undefined) throw new Error('no wrong option offered');
    return wrong;
  };
};

/**
 * Tile → código interno → the three questions answered right → the function's view. With
 * `shots`, each screen on the way is saved and checked (axe, touch targets).
 */
export async function openValidated(
  start: StartPage,
  fixture: BillFixture,
  code: number,
  title: BillsTitle,
  shots?: string,
): Promise<BillsResultsPage> {
  const entry = await start.openBills(title);
  await entry.tapDigits(String(code));
  if (shots !== undefined) await shot(entry.page, `${shots}-code`);
  await entry.continue();
  const questions = new BillsQuestionsPage(entry.page);
  await questions.answerAll(
    rightPick(fixture, code),
    shots === undefined ? undefined : (n) => shot(entry.page, `${shots}-question-${n}`),
  );
  const results = new BillsResultsPage(entry.page);
  await results.waitUntilShown(title);
  return results;
}

async function shot(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  await expectKioskScreenUsable(page, name);
}
