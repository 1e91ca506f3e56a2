import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { outboxStates, takePayment, unpaidBill } from '../support/outbox-fixtures';
import { KioskPage } from '../support/browser/pages/kiosk-page';
import { expectAccessible } from '../support/browser/accessibility';
import { kioskTest } from '../support/browser/fixture';
import { saveScreenshot } from '../support/browser/screenshots';
import { embeddedServer } from '../support/browser/test-stack';

/** The strip's 2 s poll after the device notices, plus slack for a loaded machine. */
const connectionChangeMs = 40_000;
/**
 * 26 h and a quarter: the strip reads its clock every 30 s, so a record exactly 26 h old would
 * read «hace 25 h» until the next reading, and the test would wait for it.
 */
const dayMs = 26 * 3_600_000 + 15 * 60_000;

/** The counter's sign-in screen; its status strip is the kiosk's. */
async function openCounter(page: Page, url: string): Promise<KioskPage> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Ingreso a la caja' }).waitFor();
  return new KioskPage(page);
}

/**
 * The device notices the server gone and back within a second (the app says hello every 10 s),
 * and its sync retries at most every 2 s (the app backs off up to a minute): what it does
 * with the link is the app's own, only sooner.
 */
const it = kioskTest({
  name: 'catch-up',
  config: { device: { mode: 'cashier', name: 'Caja 1' } },
  deviceTimers: {
    helloIntervalMs: 1_000,
    sync: { pusher: { backoffMaxMs: 2_000 }, puller: { backoffMaxMs: 2_000 } },
  },
});

/** A counter: only counters and field devices take money, and only they may resolve parked records. */
describe('a counter that was offline for a day catches up by itself', () => {
  it('shows the payments waiting and since when, then sends them when the server is back', async ({ app, page }) => {
    const start = await openCounter(page, app.stack.appUrl);
    const core = app.stack.core;
    await expect.poll(() => start.statusText(), { timeout: connectionChangeMs }).toContain('Sincronización: datos hoy');

    const server = embeddedServer(app.stack);
    await server.stop();
    const paymentIds = [0, 1, 2].map((i) => {
      const bill = unpaidBill(core, i);
      return takePayment(core, bill, bill.total, `C1-${i + 1}`);
    });
    // Taken at the counter a day ago while the link was down (the clock cannot be turned back
    // here, so the records carry yesterday's time, as they would after a day offline).
    core.store.sqlite
      .prepare('UPDATE outbox SET created_at = ? WHERE state = ?')
      .run(new Date(Date.now() - dayMs).toISOString(), 'pending');
    // The cash session's opening and the three payments.
    await expect
      .poll(() => start.statusText(), { timeout: connectionChangeMs, interval: 1_000 })
      .toContain('4 registros pendientes de envío (el más antiguo, de hace 26 h)');
    expect(await start.statusText()).toContain('Sin conexión');
    await saveScreenshot(page, 'sync-offline-pending');
    await expectAccessible(page, 'sync-offline-pending');

    await server.start();
    await expect.poll(() => outboxStates(core), { timeout: 60_000, interval: 500 }).toEqual({ sent: 4 });
    await expect
      .poll(() => start.statusText(), { timeout: connectionChangeMs, interval: 1_000 })
      .not.toContain('pendiente');
    expect(await start.statusText()).toMatch(/envío hoy \d{2}:\d{2}/);
    await saveScreenshot(page, 'sync-caught-up');
    const { rows } = await server
      .running()
      .database.exec.query<{ n: string }>('SELECT count(*) AS n FROM payments WHERE id = ANY($1::uuid[])', [
        paymentIds,
      ]);
    expect(Number(rows[0]?.n)).toBe(3);
  });

  it('lets a supervisor, not a cashier, discard a record the server refused', async ({ app, page }) => {
    const start = await openCounter(page, app.stack.appUrl);
    const core = app.stack.core;
    const bill = unpaidBill(core);
    takePayment(core, { ...bill, billNumber: 99_999_999_999 }, 12_000, 'C1-99');
    await expect
      .poll(() => start.statusText(), { timeout: 30_000, interval: 1_000 })
      .toContain('1 registro detenido: avise a un supervisor');

    await page.keyboard.press('F12');
    const staff = { page };
    await staff.page.getByRole('heading', { name: 'Registros detenidos' }).waitFor();
    const signIn = staff.page.getByRole('form', { name: 'Ingreso del personal' });
    await signIn.getByRole('textbox', { name: 'Usuario' }).fill('cajero1');
    await signIn.getByLabel('Contraseña').fill('Cajero1.Demo');
    await signIn.getByRole('button', { name: 'Ingresar' }).click();
    await staff.page.getByRole('alert').filter({ hasText: 'Esta acción requiere un supervisor.' }).waitFor();
    await saveScreenshot(staff.page, 'parked-cashier-refused');
    await expectAccessible(staff.page, 'parked-cashier-refused');

    await signIn.getByRole('textbox', { name: 'Usuario' }).fill('supervisor1');
    await signIn.getByLabel('Contraseña').fill('Supervisor1.Demo');
    await signIn.getByRole('button', { name: 'Ingresar' }).click();
    const item = staff.page
      .getByRole('list', { name: 'Registros rechazados por el servidor central' })
      .getByRole('listitem');
    await item.first().waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.innerText()).toMatch(/Pago de \$\s12\.000/);
    expect(await item.innerText()).toContain('no existe');
    await saveScreenshot(staff.page, 'parked-list');
    await expectAccessible(staff.page, 'parked-list');

    await item.getByRole('button', { name: 'Descartar' }).click();
    await item.getByRole('button', { name: 'Sí, descartar' }).click();
    await staff.page.getByText('El registro se descartó y no se enviará.').waitFor();
    await staff.page.getByText('No hay registros detenidos en este equipo.').waitFor();
    await saveScreenshot(staff.page, 'parked-discarded');
    await expectAccessible(staff.page, 'parked-discarded');
    expect(outboxStates(core).discarded).toBe(1);
  });
});
