import type { Browser, BrowserContext, Page } from 'playwright-core';
import { test } from 'vitest';
import type { DeviceTimers } from '../../../scripts/stack';
import type { StartServerOptions } from '../../../src-server/index';
import { TcpReceiptPrinter } from '../tcp-receipt-printer';
import { launchChromium, newKioskPage } from './browser';
import { StartPage } from './pages/start-page';
import { startTestStack, type TestStack } from './test-stack';

/** The stack a browser test file runs against. */
export interface KioskTestOptions {
  /** Names the data dir (`ventanilla-e2e-<name>-…`), so a leftover one says which file left it. */
  readonly name: string;
  /** The device's config over the tests' defaults (a short idle timeout), as `startTestStack` takes it. */
  readonly config?: Record<string, unknown>;
  /** Options of the embedded central server (a known captcha, cheaper password hashing, …). */
  readonly server?: StartServerOptions;
  /** The fake receipt printer is the device's `printers.receipt` (replacing any `printers` in `config`). */
  readonly receiptPrinter?: boolean;
  /**
   * The device reaches the embedded central server at the address this returns, given the
   * server's real one: a loopback proxy the test switches off to cut the network.
   */
  readonly deviceServerUrl?: (serverUrl: string) => Promise<string>;
  /** The device's hello and sync timers, shortened for a file that waits on them (the app's own when absent). */
  readonly deviceTimers?: DeviceTimers;
  /** More command-line flags for this file's Chromium (the tickets test's fake camera). */
  readonly chromiumArgs?: readonly string[];
  /**
   * Each test's `page` is a new page in one browser context for the file instead of a context
   * of its own: a few hundred milliseconds less a test. Only for a file whose tests add nothing
   * to the context (no `page.context()` init scripts, no `page.clock`): a new page already has
   * its own sessionStorage, and the app keeps nothing else in the browser (no cookies, no
   * localStorage; the web host sends no-store).
   */
  readonly sharedContext?: boolean;
}

/**
 * `it` for a browser test file, with what twelve of the thirteen used to set up by hand in their
 * own beforeAll/afterAll/beforeEach/afterEach:
 *
 * - `app` (per file): the whole application (`startTestStack`) in a data dir of its own;
 * - `browser` (per file): Chromium;
 * - `printer` (per file): a fake EPSON on a loopback socket, the stack's receipt printer with
 *   `receiptPrinter: true` (otherwise it only listens: a loopback socket costs nothing, and it
 *   lets `app` always start after it and stop before it);
 * - `page` (per test): a blank kiosk-sized page in a browser context of its own (or, with
 *   `sharedContext`, in the file's one context), closed after the test whatever happened
 *   (`page.context()` reaches the context);
 * - `start` (per test): that page opened at the app's address, on the kiosk's start screen.
 *
 * Per file, as before, because starting the stack takes seconds and the tests of a file share
 * its data (codes they lock, mail they send). Vitest tears file fixtures down after the file's
 * afterAll hooks, in the reverse order of their set-up, even when tests fail: `app` needs
 * `printer` and `browser` needs `app`, so it is always Chromium first (its pages stop talking to
 * the web host, which would wait for their requests in flight), then the stack, then the
 * printer. Call it once, at the top level of the file (vitest refuses file fixtures inside a
 * describe); a test names the fixtures it uses in its first parameter (`async ({ app, start })`),
 * as `it.beforeAll(async ({ app }) => …)` does for a file's own set-up.
 */
export function kioskTest(options: KioskTestOptions) {
  let sharedContext: BrowserContext | undefined;
  let launching: Promise<Browser> | undefined;
  const kioskIt = test
    // Vitest reads a fixture's dependencies from its first parameter, which must be a
    // destructuring pattern; the printer has none.
    // eslint-disable-next-line no-empty-pattern
    .extend('printer', { scope: 'file' }, async ({}, { onCleanup }) => {
      const printer = await TcpReceiptPrinter.start();
      onCleanup(() => printer.stop());
      return printer;
    })
    .extend('app', { scope: 'file' }, async ({ printer }, { onCleanup }) => {
      const config = options.receiptPrinter
        ? { ...options.config, printers: { receipt: printer.address } }
        : options.config;
      // Chromium starts while the stack does (a second or more of each file, on another core);
      // `browser` below takes it over, so it is still closed before the stack stops.
      launching = launchChromium(options.chromiumArgs);
      // A failed launch is reported by `browser`, not as an unhandled rejection meanwhile.
      launching.catch(() => undefined);
      let app: TestStack;
      try {
        app = await startTestStack(options.name, config, options.server, {
          ...(options.deviceServerUrl ? { deviceServerUrl: options.deviceServerUrl } : {}),
          ...(options.deviceTimers ? { deviceTimers: options.deviceTimers } : {}),
        });
      } catch (error) {
        await launching.then((browser) => browser.close()).catch(() => undefined);
        throw error;
      }
      onCleanup(() => app.dispose());
      return app;
    })
    .extend('browser', { scope: 'file' }, async ({ app: _startedFirst }, { onCleanup }) => {
      const browser = await (launching ?? launchChromium(options.chromiumArgs));
      onCleanup(() => browser.close());
      return browser;
    })
    .extend('page', async ({ browser }, { onCleanup }) => {
      if (options.sharedContext === true) {
        // The context is closed with Chromium, after the file.
        let page: Page;
        if (sharedContext === undefined) ({ context: sharedContext, page } = await newKioskPage(browser));
        else page = await sharedContext.newPage();
        onCleanup(() => page.close());
        return page;
      }
      const { context, page } = await newKioskPage(browser);
      onCleanup(() => context.close());
      return page;
    })
    .extend('start', async ({ app, page }) => StartPage.open(page, app.stack.appUrl));
  // Set up in a hook, so that starting the stack and Chromium counts against the hook timeout,
  // as in the beforeAll this replaces, not against the first test's.
  kioskIt.beforeAll(({ browser: _started }) => undefined);
  return kioskIt;
}
