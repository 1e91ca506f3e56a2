import { pathToFileURL } from 'node:url';
import { describe, expect } from 'vitest';
import { webLaunchPage } from '../../scripts/stack';
import { launchFragmentKey } from '../../src-shared/api/web-protocol';
import { newKioskPage } from '../support/browser/browser';
import { kioskTest } from '../support/browser/fixture';
import { saveScreenshot } from '../support/browser/screenshots';
import { StartPage } from '../support/browser/pages/start-page';

const noAccessTitle = 'Abra Ventanilla con la dirección que muestra la consola al iniciar';

const it = kioskTest({ name: 'access' });

describe('web host access: one-time launch codes and the per-start token', () => {
  it('explains what to do when the address has no token', async ({ app, page }) => {
    await page.goto(`${app.stack.origin}/`);
    await page.getByRole('heading', { name: noAccessTitle }).waitFor();
    expect(await page.getByRole('button', { name: 'Facturación servicios públicos' }).count()).toBe(0);
    await saveScreenshot(page, 'access-no-token');
  });

  it('explains what to do when the host refuses the launch code', async ({ app, page }) => {
    await page.goto(`${app.stack.origin}/#${launchFragmentKey}=not-a-launch-code`);
    await page.getByRole('heading', { name: noAccessTitle }).waitFor();
    expect(page.url()).not.toContain('not-a-launch-code');
    // Nothing was kept: reloading does not get in either.
    await page.reload();
    await page.getByRole('heading', { name: noAccessTitle }).waitFor();
    await saveScreenshot(page, 'access-wrong-token');
  });

  it('refuses an address whose code another browser already spent (e.g. copied from the process list)', async ({
    app,
    browser,
  }) => {
    const address = app.stack.appUrl;
    const first = await newKioskPage(browser);
    await StartPage.open(first.page, address);
    const second = await newKioskPage(browser);
    await second.page.goto(address);
    await second.page.getByRole('heading', { name: noAccessTitle }).waitFor();
    // The first kiosk is unaffected.
    await first.page.reload();
    await new StartPage(first.page).waitUntilShown();
    await Promise.all([first.context.close(), second.context.close()]);
  });

  it('opens from the launch page a kiosk launcher starts Chromium on, again after a browser restart', async ({
    app,
    browser,
  }) => {
    const launchPage = pathToFileURL(webLaunchPage(app.stack.config)).href;
    for (const start of ['first start', 'restart']) {
      const { context, page } = await newKioskPage(browser);
      await page.goto(launchPage);
      await page.waitForURL(`${app.stack.origin}/`);
      await new StartPage(page).waitUntilShown();
      expect(page.url(), start).toBe(`${app.stack.origin}/`);
      await context.close();
    }
  });

  it('keeps working after a reload once opened with the printed address', async ({ app, page }) => {
    await StartPage.open(page, app.stack.appUrl);
    expect(page.url()).toBe(`${app.stack.origin}/`);
    await page.reload();
    await new StartPage(page).waitUntilShown();
  });
});
