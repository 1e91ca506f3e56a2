import type { Locator, Page } from 'playwright-core';

export type AidName = 'Alto contraste' | 'Letra más grande' | 'Guía hablada';

/** The «Accesibilidad» panel the header's button opens on every kiosk screen. */
export class AccessibilityPanel {
  constructor(readonly page: Page) {}

  /** The header's button. */
  get button(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: 'Accesibilidad', exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Accesibilidad' });
  }

  aid(name: AidName): Locator {
    return this.dialog.getByRole('switch', { name, exact: true });
  }

  async open(): Promise<void> {
    await this.button.tap();
    await this.dialog.waitFor();
  }

  async isOn(name: AidName): Promise<boolean> {
    return (await this.aid(name).getAttribute('aria-checked')) === 'true';
  }

  /** Taps an aid and waits for it to show the new state. */
  async toggle(name: AidName): Promise<void> {
    const was = await this.isOn(name);
    await this.aid(name).tap();
    await this.page.waitForFunction(
      ([label, expected]) =>
        [...document.querySelectorAll('[role="switch"]')].some(
          (el) => el.textContent?.includes(label) === true && el.getAttribute('aria-checked') === expected,
        ),
      [name, String(!was)] as const,
    );
    if ((await this.isOn(name)) === was) throw new Error(`«${name}» did not stay ${was ? 'off' : 'on'}`);
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cerrar', exact: true }).tap();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
