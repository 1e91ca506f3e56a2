import type { Locator, Page } from 'playwright-core';
import { staffCornerSizePx } from '../../../../src-shared/kiosk/corner-taps';
import { tapAt, tenthsFrom } from '../timed-taps';

/** A demo account that may open a kiosk's staff screen (db/seed/staff.ts). */
export const kioskStaffLogin = { username: 'soporte1', password: 'Soporte1.Demo' } as const;

/**
 * «Acceso del personal», the dialog the kiosk's hidden corner opens (docs/kiosk-lockdown.md):
 * five taps in the top-left corner, then a staff member's username and password.
 */
export class StaffDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Acceso del personal' });
  }

  get problem(): Locator {
    return this.dialog.getByRole('alert');
  }

  /**
   * Taps the hidden corner `times` times, a tenth of a second apart as a technician would, the
   * last one now. The corner counts taps by their events' time, which these carry (timed-taps.ts),
   * so the tenths are not waited out.
   */
  static async tapCorner(page: Page, times = 5): Promise<void> {
    await StaffDialog.tapCornerAt(page, tenthsFrom(Date.now() - (times - 1) * 100, times));
  }

  /** Taps the hidden corner once at each moment of `atMs` (ms since the epoch), in order. */
  static async tapCornerAt(page: Page, atMs: readonly number[]): Promise<void> {
    const spot = staffCornerSizePx / 2;
    await tapAt(page, spot, spot, atMs);
  }

  static async open(page: Page): Promise<StaffDialog> {
    await StaffDialog.tapCorner(page);
    const dialog = new StaffDialog(page);
    await dialog.dialog.waitFor();
    return dialog;
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.dialog.getByLabel('Usuario', { exact: true }).fill(username);
    await this.dialog.getByLabel('Contraseña', { exact: true }).fill(password);
    await this.dialog.getByRole('button', { name: 'Ingresar', exact: true }).click();
  }
}
