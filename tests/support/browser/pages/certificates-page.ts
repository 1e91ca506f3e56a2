import type { Locator } from 'playwright-core';
import type { StartPage } from './start-page';
import { WalletPage } from './wallet-page';

/**
 * «Certificados» at the kiosk, read and touched as a citizen would: by the words on the screen.
 * It pays with the prepaid wallet's form, so it is a wallet page too.
 */
export class CertificatesPage extends WalletPage {
  static async openCertificates(start: StartPage): Promise<CertificatesPage> {
    await start.tile('Certificados').tap();
    const page = new CertificatesPage(start.page);
    await page.searchField.waitFor();
    return page;
  }

  get searchField(): Locator {
    return this.field('NIT, matrícula o nombre');
  }

  /** Types the search on the on-screen keyboard, key by key, and searches. */
  async search(text: string): Promise<void> {
    await this.typeKeys('Teclado de la búsqueda', text);
    await this.button('Buscar').tap();
  }

  /** Types `text` on the on-screen keyboard named `keyboard`: «Mayús» before each capital, as a citizen would. */
  async typeKeys(keyboard: string, text: string): Promise<void> {
    const keys = this.page.getByRole('group', { name: keyboard });
    for (const key of text) {
      if (key !== key.toLowerCase()) await keys.getByRole('button', { name: 'Mayús', exact: true }).tap();
      await keys.getByRole('button', { name: key, exact: true }).tap();
    }
  }

  /** «Volver a entregar un certificado»: the code typed on its keyboard, then «Entregar de nuevo». */
  async redispense(code: string): Promise<void> {
    const field = this.field('Código de verificación');
    // After an answer the keyboard steps aside; touching the field brings it back.
    await field.tap();
    const erase = this.page
      .getByRole('group', { name: 'Teclado del código' })
      .getByRole('button', { name: 'Borrar', exact: true });
    while ((await field.inputValue()) !== '') await erase.tap();
    await this.typeKeys('Teclado del código', code);
    await this.button('Entregar de nuevo').tap();
  }

  /** A match of the list, by the name it starts with. */
  match(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${name}`) });
  }

  /** The «Certificados disponibles» entry of `title`. */
  offer(title: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: title });
  }

  /** The copies of the purchase, one list item each. */
  copyLine(copy: number): Locator {
    return this.page.getByRole('listitem').filter({ hasText: `Copia ${copy}` });
  }

  async chooseCopies(copies: number): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Número de copias' })
      .getByRole('button', { name: String(copies), exact: true })
      .tap();
  }
}
