import { describe, expect } from 'vitest';
import { expectKioskScreenUsable } from '../support/browser/accessibility';
import { kioskTest } from '../support/browser/fixture';
import { kioskStaffLogin, StaffDialog } from '../support/browser/pages/staff-dialog';
import { StaffPage } from '../support/browser/pages/staff-page';
import { saveScreenshot } from '../support/browser/screenshots';
import { embeddedServer } from '../support/browser/test-stack';

const it = kioskTest({
  name: 'kiosk-send-diagnostic',
  // A longer idle than the tests' default: staff reading the card must not race the reset.
  config: { kiosk: { idleSeconds: 60, warningSeconds: 10 } },
});

/**
 * «Enviar diagnóstico» on a kiosk (docs/kiosk-lockdown.md, docs/operations.md): nowhere on the
 * citizens' screens; on the staff screen once support signed in at the hidden corner, where it
 * sends the bundle to the central server under that person's name (which the server takes only
 * with the permission it signed for this kiosk at the sign-in) and says so in Spanish; a second
 * one within the minute is refused in words.
 */
describe('support sends a diagnostic from the kiosk’s staff screen', () => {
  it('offers it only after the corner’s sign-in, says it was sent, and why a second one was not', async ({
    app,
    start,
  }) => {
    const send = start.page.getByRole('button', { name: 'Enviar diagnóstico' });
    expect(await send.count()).toBe(0);

    const dialog = await StaffDialog.open(start.page);
    await dialog.signIn(kioskStaffLogin.username, kioskStaffLogin.password);
    const staff = new StaffPage(start.page);
    await staff.heading.filter({ hasText: 'Acceso de personal' }).waitFor();

    await send.click();
    const sent = start.page.getByRole('status').filter({ hasText: 'Diagnóstico enviado' });
    await sent.waitFor({ timeout: 30_000 });
    await sent.scrollIntoViewIfNeeded();
    await saveScreenshot(start.page, 'kiosk-diagnostic-sent');
    await expectKioskScreenUsable(start.page, 'kiosk-diagnostic-sent');

    const server = embeddedServer(app.stack).running();
    const { rows } = await server.database.exec.query<{ requested_by: string | null }>(
      'SELECT requested_by FROM device_diagnostics WHERE device_id = $1',
      [app.stack.core.meta.get('deviceId')],
    );
    expect(rows).toEqual([{ requested_by: 'soporte1' }]);

    await send.click();
    const refused = start.page.getByRole('alert').filter({ hasText: 'ya envió un diagnóstico hace poco' });
    await refused.waitFor();
    await refused.scrollIntoViewIfNeeded();
    await saveScreenshot(start.page, 'kiosk-diagnostic-refused');
  });
});
