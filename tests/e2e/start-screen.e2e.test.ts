import type { BrowserContext, Locator } from 'playwright-core';
import { describe, expect } from 'vitest';
import { citizenFeatures } from '../../src-renderer/kiosk-home/feature-catalogue';
import { launchFragmentKey } from '../../src-shared/api/web-protocol';
import { expectKioskScreenUsable } from '../support/browser/accessibility';
import { newKioskPage } from '../support/browser/browser';
import { kioskTest } from '../support/browser/fixture';
import { saveScreenshot } from '../support/browser/screenshots';
import { StartPage } from '../support/browser/pages/start-page';

/** Every function of the original guides, in their words (docs/user-guides.md). */
const citizenTiles = [
  'Facturación servicios públicos',
  'Historial de pagos',
  'Ver facturas anteriores',
  'Ingresar',
  'Regístrese aquí',
  'Prepago de servicios',
  'Certificados',
  'Crear ticket de soporte',
  'Ver mi lista de tickets',
];

/** What a screen reader says after a tile's name: the texts its aria-describedby points to. */
const accessibleDescription = (tile: Locator): Promise<string> =>
  tile.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );

/** How a tile looks, as computed: its card's fill and edge, and its icon's and title's colours. */
const tileLook = (tile: Locator): Promise<string> =>
  tile.evaluate((el) => {
    const card = getComputedStyle(el);
    const icon = el.querySelector('.tile__icon');
    const title = el.querySelector('.tile__title');
    return [
      card.backgroundColor,
      card.borderTopStyle,
      card.borderTopColor,
      card.boxShadow,
      icon === null ? '' : getComputedStyle(icon).color,
      title === null ? '' : getComputedStyle(title).color,
    ].join(' | ');
  });

const it = kioskTest({ name: 'start' });

describe('kiosk start screen through the web host', () => {
  // One page for the whole file, as before: the tests look at the start screen and come back to
  // it. It closes with Chromium.
  let context: BrowserContext;
  let start: StartPage;

  it.beforeAll(async ({ app, browser }) => {
    const kiosk = await newKioskPage(browser);
    context = kiosk.context;
    start = await StartPage.open(kiosk.page, app.stack.appUrl);
  });

  it('shows the entity, its NIT and a tile for every function, and hides the token', async () => {
    const header = await start.header.innerText();
    expect(header).toContain('Empresa Ibaguereña de Acueducto y Alcantarillado');
    expect(header).toMatch(/NIT \d{3}\.\d{3}\.\d{3}-\d/);
    expect(header).toContain('Ibagué');
    // waitFor, not isVisible(): under load the SVG may still be loading when the header text is in.
    await start.header.getByRole('img', { name: 'Ventanilla' }).waitFor({ state: 'visible', timeout: 10_000 });

    expect(await start.tiles.count()).toBe(citizenTiles.length);
    for (const title of citizenTiles) {
      const tile = start.tile(title);
      expect(await tile.isVisible(), title).toBe(true);
      const box = await tile.boundingBox();
      expect(box?.height ?? 0, `${title} is a large touch target`).toBeGreaterThanOrEqual(64);
    }
    // Nothing for staff on a citizen's screen: they come in by the hidden corner (kiosk-lockdown.e2e.test.ts).
    expect(await start.tile('Acceso de personal').count()).toBe(0);

    // The launch code left the visible address (the token it was traded for is in sessionStorage).
    expect(start.page.url()).not.toContain(`${launchFragmentKey}=`);
    await saveScreenshot(start.page, 'start-screen');
    await expectKioskScreenUsable(start.page, 'start');
  });

  it('marks the functions that are not there yet and makes them look different, as the catalogue says', async () => {
    const looks = { available: new Set<string>(), 'coming-soon': new Set<string>() };
    for (const feature of citizenFeatures) {
      const tile = start.tile(feature.title);
      const description = await accessibleDescription(tile);
      if (feature.status === 'coming-soon') expect(description, feature.title).toContain('Disponible próximamente');
      else expect(description, feature.title).not.toMatch(/próximamente/i);
      expect(description, feature.title).toContain(feature.description);
      looks[feature.status].add(await tileLook(tile));
    }
    // One look per kind, and the two kinds differ: a function that lands loses the difference.
    expect(looks.available.size).toBe(1);
    if (looks['coming-soon'].size > 0) {
      expect(looks['coming-soon'].size).toBe(1);
      const [available] = [...looks.available];
      const [coming] = [...looks['coming-soon']];
      const differing = available?.split(' | ').filter((part, i) => part !== coming?.split(' | ')[i]) ?? [];
      expect(differing.length, `${available} vs ${coming}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('fits all tiles on a 1280×1024 kiosk without scrolling', async () => {
    const viewportHeight = start.page.viewportSize()?.height ?? 0;
    // The strip's footer, padding included: a tile's edge under it would be hidden.
    const stripBox = await start.page.getByRole('contentinfo').boundingBox();
    for (const title of citizenTiles) {
      const box = await start.tile(title).boundingBox();
      expect((box?.y ?? 0) + (box?.height ?? 0), title).toBeLessThanOrEqual(stripBox?.y ?? viewportHeight);
    }
  });

  it('shows the connection and the demo data held by the central server in the status strip', async () => {
    await expect.poll(() => start.statusText(), { timeout: 30_000 }).toContain('Conectado al servidor central');
    const text = await start.statusText();
    expect(text).toContain('50 suscriptores');
    expect(text).toMatch(/Sincronización: datos hoy|Descargando datos|Aún no ha sincronizado/);
    expect(text).toContain('Sin impresora configurada');
    await saveScreenshot(start.page, 'start-screen-status');
  });

  // Every citizen function of the guides is built today; the panel stays for the next one to come.
  const comingSoon = citizenFeatures.find((feature) => feature.status === 'coming-soon');
  it.skipIf(comingSoon === undefined)(
    'opens a function that is not built yet, says so, and goes back to the start screen',
    async () => {
      if (comingSoon === undefined) return;
      const panel = await start.openComingSoon(comingSoon.title);
      expect(await panel.page.getByText('Disponible próximamente').first().isVisible()).toBe(true);
      expect(await panel.meanwhile.isVisible()).toBe(true);
      expect(await panel.page.getByText(comingSoon.meanwhile).isVisible()).toBe(true);
      await saveScreenshot(panel.page, 'coming-soon');
      await expectKioskScreenUsable(panel.page, 'coming-soon');
      await panel.backHome();
      await start.waitUntilShown();
      expect(await start.tiles.count()).toBe(citizenTiles.length);
    },
  );

  it('also lays out on a 1920×1080 kiosk', async ({ app }) => {
    const wide = await context.newPage();
    await wide.setViewportSize({ width: 1920, height: 1080 });
    // A new tab has its own sessionStorage, so it needs the address with the token.
    const page = await StartPage.open(wide, app.stack.appUrl);
    await saveScreenshot(page.page, 'start-screen-1920x1080');
    const last = await page.tile('Ver mi lista de tickets').boundingBox();
    expect((last?.y ?? 0) + (last?.height ?? 0)).toBeLessThanOrEqual(1080);
    await wide.close();
  });
});
