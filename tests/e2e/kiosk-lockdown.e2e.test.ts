import { desc, like } from 'drizzle-orm';
import type { Locator } from 'playwright-core';
import { describe, expect } from 'vitest';
import { auditLog } from '../../db/local/schema';
import type { DeviceReport } from '../../src-shared/server-api/device-report';
import { until } from '../support/accounts-server';
import { expectKioskScreenUsable } from '../support/browser/accessibility';
import { kioskTest } from '../support/browser/fixture';
import { kioskStaffLogin, StaffDialog } from '../support/browser/pages/staff-dialog';
import { StaffPage } from '../support/browser/pages/staff-page';
import { StartPage } from '../support/browser/pages/start-page';
import { showsAsClockRuns } from '../support/browser/page-clock';
import { saveScreenshot } from '../support/browser/screenshots';
import { tenthsFrom } from '../support/browser/timed-taps';
import { embeddedServer, type TestStack } from '../support/browser/test-stack';
import { cheapScrypt } from '../support/staff-console';
import { printerStates } from '../support/tcp-receipt-printer';

/**
 * A kiosk's lockdown through the web host (docs/kiosk-lockdown.md): the hidden corner opens
 * «Acceso del personal»; a wrong password or a cashier is refused in Spanish; the right one opens
 * the staff screen; every try is in the audit log without its password, and the last sign-in
 * reaches the central server in the heartbeat. A kiosk that requires its receipt printer turns
 * «Fuera de servicio» when the printer (a fake EPSON on loopback) runs out of paper, still lets
 * staff in, and comes back by itself with the paper. Five failures close the dialog (last).
 */
const it = kioskTest({
  name: 'kiosk-lockdown',
  receiptPrinter: true,
  // A longer idle than the tests' default: staff typing must not race the reset.
  config: { kiosk: { idleSeconds: 60, warningSeconds: 10, requiredDevices: ['receipt-printer'] } },
  // A username the server does not know costs a wrong password's scrypt work; the cheaper one
  // here, as the demo accounts' hashes in the browser tests' template (seeded-server-template.ts).
  server: { passwordWork: { params: cheapScrypt } },
  // The heartbeat looks for news every half second instead of every 5 s, and the receipt
  // printer's status is asked again after half a second instead of 5 s.
  deviceTimers: { report: { lookEveryMs: 500 }, printerStatusTtlMs: 500 },
});

const staffAudit = (app: TestStack) =>
  app.stack.core.store.db
    .select()
    .from(auditLog)
    .where(like(auditLog.action, 'kiosk.%'))
    .orderBy(desc(auditLog.id))
    .all()
    .filter((row) => row.action !== 'kiosk.session_ended');

const outOfServiceTitle = 'Este punto no está disponible en este momento';

describe('kiosk lockdown through the web host', () => {
  it.beforeEach(({ printer }) => {
    printer.state = printerStates.ready;
  });

  it('refuses the context menu, a dropped file and Ctrl+P on the start screen, and lets typing through', async ({
    start,
  }) => {
    const refused = await start.page.evaluate(() => {
      const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      const drop = new DragEvent('drop', { bubbles: true, cancelable: true });
      const print = new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, bubbles: true, cancelable: true });
      const typing = new KeyboardEvent('keydown', { key: 'p', bubbles: true, cancelable: true });
      return [
        !document.body.dispatchEvent(menu),
        !document.body.dispatchEvent(drop),
        !document.body.dispatchEvent(print),
        !document.body.dispatchEvent(typing),
      ];
    });
    expect(refused).toEqual([true, true, true, false]);
  });

  it('opens «Acceso del personal» on five quick taps in the corner, not on four', async ({ start }) => {
    const dialog = new StaffDialog(start.page);
    // The taps carry the moments they happen at (timed-taps.ts), the time the corner counts by:
    // the pause between the two groups is in the events, not waited out.
    const first = Date.now();
    await StaffDialog.tapCornerAt(start.page, tenthsFrom(first, 4));
    // 3.2 s after the last of them, past the three seconds they count for: four more do not open it either…
    await StaffDialog.tapCornerAt(start.page, tenthsFrom(first + 300 + 3_200, 4));
    expect(await dialog.dialog.isVisible()).toBe(false);
    // …and a fifth within the three seconds does.
    await StaffDialog.tapCornerAt(start.page, [first + 300 + 3_200 + 400]);
    await dialog.dialog.waitFor();
    await saveScreenshot(start.page, 'kiosk-staff-dialog');
    await expectKioskScreenUsable(start.page, 'kiosk-staff-dialog');
    await dialog.dialog.getByRole('button', { name: 'Cancelar' }).click();
    await dialog.dialog.waitFor({ state: 'hidden' });
    await start.waitUntilShown();
  });

  it('refuses a wrong password and a cashier in Spanish, lets support in, and logs each try', async ({
    app,
    start,
  }) => {
    const before = staffAudit(app).length;
    const dialog = await StaffDialog.open(start.page);

    await dialog.signIn(kioskStaffLogin.username, 'no-es-esta');
    await dialog.problem.filter({ hasText: 'Usuario o contraseña incorrectos.' }).waitFor();
    expect(await dialog.dialog.getByLabel('Contraseña', { exact: true }).inputValue()).toBe('');
    await saveScreenshot(start.page, 'kiosk-staff-refused');

    await dialog.signIn('cajero1', 'Cajero1.Demo');
    await dialog.problem.filter({ hasText: 'Su usuario no puede administrar este quiosco.' }).waitFor();

    await dialog.signIn(kioskStaffLogin.username, kioskStaffLogin.password);
    const staff = new StaffPage(start.page);
    await staff.heading.filter({ hasText: 'Acceso de personal' }).waitFor();
    await start.page.getByText('Ingresó ANDRÉS FELIPE DEVIA CASTRO (soporte1)').waitFor();
    // The web host cannot leave a browser's kiosk: no button that would do nothing.
    expect(await start.page.getByRole('button', { name: 'Salir del modo quiosco' }).count()).toBe(0);
    await saveScreenshot(start.page, 'kiosk-staff-screen');

    const rows = staffAudit(app)
      .slice(0, staffAudit(app).length - before)
      .reverse();
    expect(rows.map((r) => [r.action, r.actor, r.details])).toEqual([
      ['kiosk.staff_access', 'soporte1', { outcome: 'refused' }],
      ['kiosk.staff_access', 'cajero1', { outcome: 'forbidden' }],
      ['kiosk.staff_access', 'soporte1', { outcome: 'granted' }],
    ]);
    expect(JSON.stringify(staffAudit(app))).not.toMatch(/no-es-esta|Demo/);

    // The heartbeat tells the central server who took the kiosk out of citizen service, and when.
    const server = embeddedServer(app.stack).running();
    const deviceId = app.stack.core.meta.get('deviceId');
    let reported: DeviceReport['kioskExit'] = null;
    await until(
      'the heartbeat with the kiosk exit',
      async () => {
        const { rows: found } = await server.database.exec.query<{ report: DeviceReport }>(
          'SELECT report FROM device_reports WHERE device_id = $1',
          [deviceId],
        );
        reported = found[0]?.report.kioskExit ?? null;
        return reported !== null;
      },
      20_000,
    );
    expect(reported).toMatchObject({ staff: 'soporte1' });
  });

  it('turns «Fuera de servicio» when the receipt printer runs out of paper, lets staff in, and comes back with the paper', async ({
    app,
    page,
    printer,
  }) => {
    // The kiosk asks for its service state every 3 s of the page's clock: the test jumps that
    // clock a second at a time while it waits for the screen to change.
    await page.clock.install();
    const start = await StartPage.open(page, app.stack.appUrl);
    const shows = (what: Locator) => showsAsClockRuns(page, what);
    printer.state = printerStates.paperEnd;
    const title = start.page.getByRole('heading', { name: outOfServiceTitle });
    await shows(title);
    await start.page.getByText('La impresora de recibos se quedó sin papel.').waitFor();
    await start.page.getByText('Acérquese a una ventanilla de atención.').waitFor();
    expect(await start.tiles.count()).toBe(0);
    await saveScreenshot(start.page, 'kiosk-out-of-service');
    await expectKioskScreenUsable(start.page, 'kiosk-out-of-service');

    // Staff still come in by the corner, on top of it.
    const dialog = await StaffDialog.open(start.page);
    await dialog.dialog.getByRole('button', { name: 'Cancelar' }).click();
    await dialog.dialog.waitFor({ state: 'hidden' });
    await title.waitFor();

    printer.state = printerStates.ready;
    await shows(start.tiles.first());
    await start.waitUntilShown();
    expect(await title.count()).toBe(0);
  });

  it('closes the dialog for five minutes after five wrong tries, whatever the username (last: the kiosk stays locked)', async ({
    app,
    start,
  }) => {
    const dialog = await StaffDialog.open(start.page);
    const before = staffAudit(app).length;
    // Each try is one audit line: wait for it, then for the words on the screen.
    const tryOnce = async (username: string, password: string, tries: number) => {
      await dialog.signIn(username, password);
      await until(`audit line ${tries}`, () => staffAudit(app).length === before + tries, 20_000);
    };
    for (let i = 1; i <= 4; i += 1) await tryOnce(`intruso${i}`, 'adivinanza', i);
    await dialog.problem.filter({ hasText: 'Usuario o contraseña incorrectos.' }).waitFor();
    await tryOnce('intruso5', 'adivinanza', 5);
    const locked = 'Demasiados intentos fallidos en este equipo. Espere 5 minutos';
    await dialog.problem.filter({ hasText: locked }).waitFor();
    await saveScreenshot(start.page, 'kiosk-staff-locked');
    // Even the right password waits now, and the try is logged as locked.
    await tryOnce(kioskStaffLogin.username, kioskStaffLogin.password, 6);
    await dialog.problem.filter({ hasText: locked }).waitFor();
    expect(staffAudit(app)[0]).toMatchObject({ actor: 'soporte1', details: { outcome: 'locked' } });
    expect(
      staffAudit(app)
        .slice(1, 6)
        .map((row) => row.details),
    ).toEqual(Array.from({ length: 5 }, () => ({ outcome: 'refused' })));
  });
});
