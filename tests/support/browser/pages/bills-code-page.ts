import type { Locator } from 'playwright-core';
import { KioskPage } from './kiosk-page';

/** Step 1 of the bill functions: the código interno on the numeric keypad. */
export class BillsCodePage extends KioskPage {
  async waitUntilShown(): Promise<void> {
    await this.heading.filter({ hasText: 'Digite su código interno' }).waitFor();
  }

  get keypad(): Locator {
    return this.page.getByRole('group', { name: 'Teclado numérico' });
  }

  get codigoInterno(): Locator {
    return this.page.getByRole('textbox', { name: 'Código interno' });
  }

  /** The red message under the field (empty code, not found…). */
  get problem(): Locator {
    return this.page.getByRole('alert');
  }

  /** Taps each digit on the on-screen keypad (never the physical keyboard). */
  async tapDigits(digits: string): Promise<void> {
    for (const digit of digits) await this.keypad.getByRole('button', { name: digit, exact: true }).tap();
  }

  async clear(): Promise<void> {
    await this.keypad.getByRole('button', { name: 'Limpiar', exact: true }).tap();
  }

  async continue(): Promise<void> {
    await this.page.getByRole('button', { name: 'Continuar', exact: true }).tap();
  }

  async end(): Promise<void> {
    await this.page.getByRole('button', { name: 'Terminar', exact: true }).tap();
  }
}
