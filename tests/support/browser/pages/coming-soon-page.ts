import type { Locator } from 'playwright-core';
import { KioskPage } from './kiosk-page';

/** The panel a function that is not built yet opens. */
export class ComingSoonPage extends KioskPage {
  get meanwhile(): Locator {
    return this.page.getByRole('heading', { name: '¿Qué puede hacer mientras tanto?' });
  }

  async backHome(): Promise<void> {
    await this.page.getByRole('button', { name: 'Volver al inicio' }).click();
  }
}
