import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFragmentKey } from '../../src-shared/api/web-protocol';
import { launchChromium, newKioskPage } from './support/browser';
import { saveScreenshot } from './support/screenshots';
import { startTestStack, type TestStack } from './support/test-stack';
import { StartPage } from './pages/start-page';

const noAccessTitle = 'Abra Ventanilla con la dirección que muestra la consola al iniciar';

describe('web host access: the per-start token', () => {
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

  it('explains what to do when the host refuses the token', async () => {
    const { context, page } = await newKioskPage(browser);
    await page.goto(`${app.stack.origin}/#${tokenFragmentKey}=not-the-right-token`);
    await page.getByRole('heading', { name: noAccessTitle }).waitFor();
    expect(page.url()).not.toContain('not-the-right-token');
    // A refused token is forgotten: reloading does not retry it.
    await page.reload();
    await page.getByRole('heading', { name: noAccessTitle }).waitFor();
    await saveScreenshot(page, 'access-wrong-token');
    await context.close();
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
