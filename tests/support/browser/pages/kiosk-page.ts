import type { Locator, Page } from 'playwright-core';

/** What every kiosk screen has: the entity header and the status strip. */
export class KioskPage {
  constructor(readonly page: Page) {}

  get header(): Locator {
    return this.page.getByRole('banner');
  }

  get statusStrip(): Locator {
    return this.page.getByRole('status', { name: 'Estado del equipo' });
  }

  /** The screen's h1. */
  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async statusText(): Promise<string> {
    return (await this.statusStrip.innerText()).replace(/\s+/g, ' ').trim();
  }
}
