import { describe, expect } from 'vitest';
import { kioskTest } from '../support/browser/fixture';
import { saveScreenshot } from '../support/browser/screenshots';
import { embeddedServer } from '../support/browser/test-stack';

/** The device says hello every 10 s (any failed call to the server also counts) and the strip polls every 2 s; allow both plus slack. */
const connectionChangeMs = 40_000;

const it = kioskTest({ name: 'offline' });

describe('status strip when the central server goes away and comes back', () => {
  it('says the kiosk is offline and what still works, then connected again', async ({ app, start }) => {
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
    await saveScreenshot(start.page, 'status-offline');

    await server.start();
    await expect
      .poll(() => start.statusText(), { timeout: connectionChangeMs, interval: 1_000 })
      .toContain('Conectado al servidor central');
  });
});
