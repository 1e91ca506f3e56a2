import type { Locator } from 'playwright-core';
import { KioskPage } from './kiosk-page';
import type { StartPage } from './start-page';

/** Support tickets at the kiosk, read and touched as a citizen would: by the words on the screen (guide 002). */
export class TicketsPage extends KioskPage {
  static async openCreate(start: StartPage): Promise<TicketsPage> {
    await start.tile('Crear ticket de soporte').tap();
    const page = new TicketsPage(start.page);
    await page.field('Nombre completo').waitFor();
    return page;
  }

  static async openList(start: StartPage): Promise<TicketsPage> {
    await start.tile('Ver mi lista de tickets').tap();
    const page = new TicketsPage(start.page);
    await page.field('Número del ticket').waitFor();
    return page;
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  field(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  alert(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  /** Touches the field, then types `text` on the on-screen keyboard key by key («Mayús» before each capital). */
  async typeInto(field: string, text: string): Promise<void> {
    await this.field(field).tap();
    const keys = this.page.getByRole('group', { name: `Teclado: ${field}` });
    for (const key of text) {
      if (key !== key.toLowerCase()) await keys.getByRole('button', { name: 'Mayús', exact: true }).tap();
      await keys.getByRole('button', { name: key === ' ' ? 'Espacio' : key, exact: true }).tap();
    }
  }

  /** Types on the numeric keypad. */
  async typeDigits(digits: string): Promise<void> {
    const keypad = this.page.getByRole('group', { name: 'Teclado numérico' });
    for (const digit of digits) await keypad.getByRole('button', { name: digit, exact: true }).tap();
  }

  async chooseCategory(label: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Categoría' }).getByRole('button', { name: label, exact: true }).tap();
  }

  get camera(): Locator {
    return this.page.getByRole('dialog', { name: 'Tomar foto del documento' });
  }

  /** The files attached to the ticket or message being written. */
  get attached(): Locator {
    return this.page.getByRole('list', { name: 'Archivos adjuntos' }).getByRole('listitem');
  }

  /** Whether the on-screen keyboard hides any of `field`'s box (the keyboard stays at the screen's foot). */
  async coveredByKeyboard(field: string): Promise<boolean> {
    const box = await this.field(field).boundingBox();
    const keyboard = await this.page.locator('.tickets-keyboard').boundingBox();
    const content = await this.page.locator('.kiosk-app__content').boundingBox();
    if (box === null || keyboard === null || content === null) return true;
    return box.y + box.height > keyboard.y || box.y < content.y;
  }

  /** What the keyboard's bar shows of the field it types into (the end of its text). */
  async keyboardEcho(): Promise<string> {
    return (await this.page.locator('.tickets-keyboard__echo').innerText()).trim();
  }

  /** Scrolls the screen to its end, where a form's button and the history's last entries are. */
  async scrollToEnd(): Promise<void> {
    await this.page.locator('.kiosk-app__content').evaluate((content) => content.scrollTo(0, content.scrollHeight));
  }

  /** The kiosk's document viewer titled `title`, once what it shows is drawn. */
  async viewer(title: string): Promise<Locator> {
    const dialog = this.page.getByRole('dialog', { name: title });
    await dialog.getByRole('document').locator('canvas[data-drawn="yes"]').first().waitFor();
    return dialog;
  }
}
