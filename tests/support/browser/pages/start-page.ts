import type { Locator, Page } from 'playwright-core';
import { BillsCodePage } from './bills-code-page';
import { ComingSoonPage } from './coming-soon-page';
import { KioskPage } from './kiosk-page';
import { kioskStaffLogin, StaffDialog } from './staff-dialog';
import { StaffPage } from './staff-page';

/** The kiosk's start screen. */
export class StartPage extends KioskPage {
  static async open(page: Page, url: string): Promise<StartPage> {
    await page.goto(url);
    const start = new StartPage(page);
    await start.waitUntilShown();
    return start;
  }

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('list', { name: 'Servicios disponibles en este punto de atención' }).waitFor();
  }

  /** A function's tile, by its accessible name (the title the guides use). */
  tile(title: string): Locator {
    return this.page.getByRole('button', { name: title, exact: true });
  }

  get tiles(): Locator {
    return this.page.getByRole('list', { name: 'Servicios disponibles en este punto de atención' }).getByRole('button');
  }

  async openComingSoon(title: string): Promise<ComingSoonPage> {
    await this.tile(title).click();
    const panel = new ComingSoonPage(this.page);
    await panel.heading.filter({ hasText: title }).waitFor();
    return panel;
  }

  /** One of the bill functions: it opens on the código interno. */
  async openBills(
    title: 'Facturación servicios públicos' | 'Historial de pagos' | 'Ver facturas anteriores',
  ): Promise<BillsCodePage> {
    await this.tile(title).tap();
    const code = new BillsCodePage(this.page);
    await code.waitUntilShown();
    return code;
  }

  /** Staff's way in: the hidden corner and a staff sign-in (docs/kiosk-lockdown.md). */
  async openStaffAccess(login: { username: string; password: string } = kioskStaffLogin): Promise<StaffPage> {
    const dialog = await StaffDialog.open(this.page);
    await dialog.signIn(login.username, login.password);
    const staff = new StaffPage(this.page);
    await staff.heading.filter({ hasText: 'Acceso de personal' }).waitFor();
    return staff;
  }
}
