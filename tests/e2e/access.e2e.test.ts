import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webLaunchPage } from '../../scripts/stack';
import { launchFragmentKey } from '../../src-shared/api/web-protocol';
import { launchChromium, newKioskPage } from '../support/browser/browser';
import { saveScreenshot } from '../support/browser/screenshots';
import { startTestStack, type TestStack } from '../support/browser/test-stack';
import { StartPage } from '../support/browser/pages/start-page';

const noAccessTitle = 'Abra Ventanilla con la dirección que muestra la consola al iniciar';

describe('web host access: one-time launch codes and the per-start token', () => {
  let app: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestStack('access');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('explains what to do when the address has no token', async () => {
    const { context, page } = await newKioskPage(browser);
    await page.goto(`${app.stack.origin}/`);
    await page.getByRole('heading', { name: noAccessTitle }).waitFor();
    expect(await page.getByRole('button', { name: 'Facturación servicios públicos' }).count()).toBe(0);
    await saveScreenshot(page, 'access-no-token');
    await context.close();
  });

  it('explains what to do when the host refuses the launch code', async () => {
    const { context, page } = await newKioskPage(browser);
    await page.goto(`${app.stack.origin}/#${launchFragmentKey}=not-a-launch-code`);
    await page.getByRole('heading', { name: noAccessTitle }).waitFor();
    expect(page.url()).not.toContain('not-a-launch-code');
    // Nothing was kept: reloading does not get in either.
    await page.reload();
    await page.getByRole('heading', { name: noAccessTitle }).waitFor();
    await saveScreenshot(page, 'access-wrong-token');
    await context.close();
  });

  it('refuses an address whose code another browser already spent (e.g. copied from the process list)', async () => {
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

  it('opens from the launch page a kiosk launcher starts Chromium on, again after a browser restart', async () => {
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

  it('keeps working after a reload once opened with the printed address', async () => {
    const { context, page } = await newKioskPage(browser);
    await StartPage.open(page, app.stack.appUrl);
    expect(page.url()).toBe(`${app.stack.origin}/`);
    await page.reload();
    await new StartPage(page).waitUntilShown();
    await context.close();
  });
});
