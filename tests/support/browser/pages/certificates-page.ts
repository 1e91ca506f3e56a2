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
    const keyboard = this.page.getByRole('group', { name: 'Teclado de la búsqueda' });
    for (const key of text) await keyboard.getByRole('button', { name: key, exact: true }).tap();
    await this.button('Buscar').tap();
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
