import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice } from '../../src-server/devices/admin';
import { EventExportFile } from '../../src-shared/sync/event-export';
import { openSession, takePayment } from '../support/outbox-fixtures';
import { ensureReplica } from '../support/browser/bill-fixture';
import { expectAccessible, expectKioskScreenUsable } from '../support/browser/accessibility';
import { launchChromium, newKioskPage } from '../support/browser/browser';
import { saveScreenshot } from '../support/browser/screenshots';
import { embeddedServer, startTestStack, type TestStack } from '../support/browser/test-stack';
import { StartPage } from '../support/browser/pages/start-page';

const lockTitle = 'Este dispositivo fue dado de baja en el servidor central';

/** Revoked on the server; the device hears it at its next request (asked for now rather than in 10 s). */
async function revoke(app: TestStack): Promise<void> {
  const deviceId = app.stack.core.meta.get('deviceId');
  if (deviceId === null) throw new Error('the stack device is not enrolled');
  expect(await revokeDevice(embeddedServer(app.stack).running().database, deviceId)).toBe('revoked');
  await app.stack.core.checkConnection();
}

/**
 * A device the central server revoked (a kiosk whose disk and token may have been copied):
 * the screen says so in large Spanish, whatever the mode, and on a counter a supervisor
 * exports the money records the server never received.
 */
describe('a device the central server revoked', () => {
  let kiosk: TestStack;
  let counter: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    [kiosk, counter] = await Promise.all([
      startTestStack('lock-kiosk'),
      startTestStack('lock-counter', { device: { mode: 'cashier', name: 'Caja 1' } }),
    ]);
    await Promise.all([
      ensureReplica(kiosk.stack.core.store.sqlite, 50),
      ensureReplica(counter.stack.core.store.sqlite, 50),
    ]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([kiosk?.dispose(), counter?.dispose()]);
  });

  it('a kiosk replaces whatever it shows with the lock screen, says the personal data are gone, and offers nothing else', async () => {
    const { context, page } = await newKioskPage(browser);
    await StartPage.open(page, kiosk.stack.appUrl);
    await revoke(kiosk);
    await page.getByRole('heading', { name: lockTitle }).waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('Los datos personales de los ciudadanos se borraron de este equipo');
    const text = await page.getByRole('alert').innerText();
    expect(text).toContain('no atiende trámites de ciudadanos ni cobros');
    expect(text).toContain('Avise al área de sistemas');
    expect(text).toContain('un administrador lo inscribe de nuevo con un código de inscripción nuevo');
    // Nothing of the kiosk is left to touch: no tiles, no export form (a kiosk keeps no money records).
    expect(await page.getByRole('list', { name: 'Servicios disponibles en este punto de atención' }).count()).toBe(0);
    expect(await page.getByRole('button').count()).toBe(0);
    // Large: the title reads from a few steps away.
    const titleSize = await page
      .getByRole('heading', { name: lockTitle })
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(titleSize).toBeGreaterThanOrEqual(44);
    await saveScreenshot(page, 'device-locked-kiosk');
    await expectKioskScreenUsable(page, 'device-locked-kiosk');
    expect(kiosk.stack.core.store.sqlite.prepare('SELECT count(*) FROM subscribers').pluck().get()).toBe(0);
    await context.close();
  });

  it('a counter: a supervisor exports the money records the server never received, a cashier cannot', async () => {
    const { context, page } = await newKioskPage(browser);
    await page.goto(counter.stack.appUrl);
    await page.getByRole('heading', { name: 'Ingreso a la caja' }).waitFor();
    await revoke(counter);
    await page.getByRole('heading', { name: lockTitle }).waitFor({ timeout: 20_000 });
    await page.getByText('El servidor central recibió todos los registros de dinero de este equipo').waitFor();

    // The counter had taken two payments the server never heard of (written as the counter does).
    const store = counter.stack.core.store;
    openSession({ store });
    takePayment({ store }, { billNumber: 9_000_001, codigoInterno: 100_001, period: '2026-10' }, 52_300, '000101');
    takePayment({ store }, { billNumber: 9_000_002, codigoInterno: 100_002, period: '2026-10' }, 18_900, '000102');
    await page.getByRole('heading', { name: 'Registros sin enviar' }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('alert').first().innerText()).toContain(
      'Este equipo guarda 3 registros de dinero que el servidor central no recibió',
    );

    const form = page.getByRole('form', { name: 'Exportar los registros sin enviar' });
    await form.getByLabel('Usuario del supervisor').fill('cajero1');
    await form.getByLabel('Contraseña').fill('Cajero1.Demo');
    await form.getByRole('button', { name: 'Exportar registros sin enviar' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toBe('Usuario o contraseña incorrectos.');
    expect(await form.getByLabel('Contraseña').inputValue()).toBe('');
    await saveScreenshot(page, 'device-locked-counter');
    await expectAccessible(page, 'device-locked-counter');

    await form.getByLabel('Usuario del supervisor').fill('supervisor1');
    await form.getByLabel('Contraseña').fill('Supervisor1.Demo');
    await form.getByRole('button', { name: 'Exportar registros sin enviar' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Se guardaron 3 registros en el archivo' });
    await done.waitFor({ timeout: 15_000 });
    const file = (await done.locator('.lock-screen__file').innerText()).trim();
    expect(file.startsWith(`${counter.dataDir}/exports/eventos-sin-enviar-`)).toBe(true);
    expect(existsSync(file)).toBe(true);
    const exported = EventExportFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(exported.events.map((e) => e.type)).toEqual(['cash_session.opened', 'payment.taken', 'payment.taken']);
    expect(exported.exportedBy).toBe('supervisor1');
    await saveScreenshot(page, 'device-locked-counter-exported');
    await expectAccessible(page, 'device-locked-counter-exported');
    await context.close();
  });
});
