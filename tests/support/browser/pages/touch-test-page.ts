import type { Locator } from 'playwright-core';
import { KioskPage } from './kiosk-page';

/** "Prueba de pantalla táctil": the numeric keypad and the Spanish on-screen keyboard. */
export class TouchTestPage extends KioskPage {
  get keypad(): Locator {
    return this.page.getByRole('group', { name: 'Teclado numérico' });
  }

  get keyboard(): Locator {
    return this.page.getByRole('group', { name: 'Teclado en pantalla' });
  }

  get codigoInterno(): Locator {
    return this.page.getByRole('textbox', { name: 'Código interno' });
  }

  field(label: 'Nombre' | 'Correo electrónico'): Locator {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  async showKeypad(): Promise<void> {
    await this.page.getByRole('button', { name: 'Teclado numérico', exact: true }).click();
    await this.keypad.waitFor();
  }

  async showKeyboard(): Promise<void> {
    await this.page.getByRole('button', { name: 'Teclado en pantalla', exact: true }).click();
    await this.keyboard.waitFor();
  }

  /** Taps each digit on the on-screen keypad (never the physical keyboard). */
  async tapDigits(digits: string): Promise<void> {
    for (const digit of digits) await this.keypad.getByRole('button', { name: digit, exact: true }).tap();
  }

  async tapKeypadCommand(name: 'Borrar' | 'Limpiar'): Promise<void> {
    await this.keypad.getByRole('button', { name, exact: true }).tap();
  }

  /** Taps keys of the on-screen keyboard by their names: letters, `Mayús`, `Espacio`, `Borrar`. */
  async tapKeys(keys: readonly string[]): Promise<void> {
    for (const key of keys) await this.keyboard.getByRole('button', { name: key, exact: true }).tap();
  }
}
