import { KioskPage } from './kiosk-page';
import { TouchTestPage } from './touch-test-page';

/** "Acceso de personal". */
export class StaffPage extends KioskPage {
  async openTouchTest(): Promise<TouchTestPage> {
    await this.page.getByRole('button', { name: 'Prueba de pantalla táctil' }).click();
    const test = new TouchTestPage(this.page);
    await test.heading.filter({ hasText: 'Prueba de pantalla táctil' }).waitFor();
    return test;
  }
}
