import type { Locator, Page } from 'playwright-core';

/** The "¿Sigue ahí?" warning before the kiosk clears a visit. */
export class IdleDialog {
  constructor(private readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: '¿Sigue ahí?' });
  }

  get countdown(): Locator {
    return this.dialog.getByRole('timer');
  }

  /** Seconds left, read from the countdown's accessible name ("Quedan 3 segundos", "Queda 1 segundo"). */
  async secondsLeft(): Promise<number> {
    const label = (await this.countdown.getAttribute('aria-label')) ?? '';
    const match = /Quedan? (\d+) segundos?/.exec(label);
    if (match?.[1] === undefined) throw new Error(`unexpected countdown label: ${label}`);
    return Number(match[1]);
  }

  async keepGoing(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Sí, continuar' }).tap();
  }
}
