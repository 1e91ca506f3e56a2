import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { gatewayCheckoutState } from '../../src-server/wallet/gateway/checkout-state';
import { expectAccessible } from '../support/browser/accessibility';
import { launchChromium } from '../support/browser/browser';
import { saveScreenshot } from '../support/browser/screenshots';
import { openTestCheckout, testWalletConfig, walletBalance } from '../support/gateway-fixtures';
import { startTestServer } from '../support/server-harness';
import { until } from '../support/sync-support';

/**
 * The demo gateway's checkout page in Chromium, as a citizen's phone opens it from the kiosk's
 * QR: its policy lets its one style sheet in and blocks everything else (no violation is
 * reported), it is accessible, and «Aprobar pago» — a real form post, with the browser's own
 * Origin and Sec-Fetch-Site — credits the wallet.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

it('a phone opens the demo checkout, approves, and the liquidación is paid', async () => {
  const config = testWalletConfig();
  const t = await startTestServer(
    { kind: 'pglite', freshDatabaseUrl: async () => null },
    { config: { wallet: config } },
  );
  const exec = t.server.database.exec;
  const checkout = await openTestCheckout(exec, config, 80_000, '1060708090', t.server.url);

  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'es-CO',
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await page.goto(checkout.checkoutUrl);
  await expect
    .poll(() => page.getByRole('note').textContent())
    .toBe('Pasarela de demostración — no se cobra dinero real');
  expect(await page.getByTestId('referencia').textContent()).toBe(checkout.reference);
  expect(await page.getByTestId('valor').textContent()).toMatch(/^\$\s80\.000$/);
  // The style sheet applied: its hash in the policy is right.
  expect(await page.getByRole('note').evaluate((banner) => getComputedStyle(banner).backgroundColor)).toBe(
    'rgb(122, 46, 0)',
  );
  const button = page.getByRole('button', { name: 'Aprobar pago' });
  expect((await button.boundingBox())?.height).toBeGreaterThanOrEqual(64);
  await expectAccessible(page, 'gateway-demo-checkout');
  await saveScreenshot(page, 'gateway-demo-checkout');

  await button.click();
  await page.getByRole('heading', { name: 'Pago aprobado' }).waitFor();
  await saveScreenshot(page, 'gateway-demo-approved');
  await until(
    'paid',
    () => gatewayCheckoutState(exec, checkout.reference),
    (s) => s?.liquidationState === 'pagada',
    20_000,
  );
  expect(await walletBalance(exec, '1060708090')).toBe(80_000);
  expect(problems).toEqual([]);
  await context.close();
});
