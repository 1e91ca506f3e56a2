import type { Locator } from 'playwright-core';
import { KioskPage } from './kiosk-page';

/** Step 2: three questions about the citizen's printed bill, one per screen. */
export class BillsQuestionsPage extends KioskPage {
  async waitForQuestion(number: number): Promise<void> {
    await this.heading.filter({ hasText: new RegExp(`^Pregunta ${number} de 3$`) }).waitFor();
  }

  get options(): Locator {
    return this.page.getByRole('radiogroup').getByRole('radio');
  }

  /** The question's text: the name of the group of answers. */
  async prompt(): Promise<string> {
    const group = this.page.getByRole('radiogroup');
    const id = await group.getAttribute('aria-labelledby');
    if (id === null) throw new Error('the answers are not named by their question');
    return (await this.page.locator(`[id="${id}"]`).innerText()).trim();
  }

  async optionLabels(): Promise<string[]> {
    return (await this.options.allInnerTexts()).map((text) => text.trim());
  }

  async choose(label: string): Promise<void> {
    await this.page.getByRole('radio', { name: label, exact: true }).tap();
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Siguiente pregunta' }).tap();
  }

  async verify(): Promise<void> {
    await this.page.getByRole('button', { name: 'Verificar respuestas' }).tap();
  }

  /**
   * Answers the three questions with `pick(prompt, labels)` and sends them. Screenshots of
   * each question when `onQuestion` is given.
   */
  async answerAll(
    pick: (prompt: string, labels: string[]) => string,
    onQuestion?: (n: number) => Promise<void>,
  ): Promise<void> {
    for (let n = 1; n <= 3; n += 1) {
      await this.waitForQuestion(n);
      await this.choose(pick(await this.prompt(), await this.optionLabels()));
      await onQuestion?.(n);
      if (n < 3) await this.next();
    }
    await this.verify();
  }
}
