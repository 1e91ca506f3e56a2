import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newKioskPage } from '../support/browser/browser';
import { saveScreenshot } from '../support/browser/screenshots';
import { embeddedServer, startTestStack, type TestStack } from '../support/browser/test-stack';
import { StartPage } from '../support/browser/pages/start-page';

/** The device says hello every 10 s and the strip polls every 5 s; allow both plus slack. */
const connectionChangeMs = 40_000;

describe('status strip when the central server goes away and comes back', () => {
  let app: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestStack('offline');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('says the kiosk is offline and what still works, then connected again', async () => {
    const { context, page } = await newKioskPage(browser);
    const start = await StartPage.open(page, app.stack.appUrl);
    await expect
      .poll(() => start.statusText(), { timeout: connectionChangeMs })
      .toContain('Conectado al servidor central');

    const server = embeddedServer(app.stack);
    await server.stop();
    await expect
      .poll(() => start.statusText(), { timeout: connectionChangeMs, interval: 1_000 })
      .toContain('Sin conexión: puede consultar e imprimir facturas con los datos guardados');
    // The start screen stays usable offline.
    expect(await start.tile('Facturación servicios públicos').isEnabled()).toBe(true);
    await saveScreenshot(page, 'status-offline');

    await server.start();
    await expect
      .poll(() => start.statusText(), { timeout: connectionChangeMs, interval: 1_000 })
      .toContain('Conectado al servidor central');
    await context.close();
  });
});
