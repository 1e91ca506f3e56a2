import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** A kiosk screen: the smaller of the two common kiosk panels (the other is 1920×1080). */
export const kioskViewport = { width: 1280, height: 1024 } as const;

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Debian's `chromium` (docs/architecture.md: no downloaded browsers). Fails with a message that says
 * what to install instead of Playwright's generic "executable doesn't exist".
 */
export function chromiumPath(): string {
  const fromEnv = process.env['VENTANILLA_CHROMIUM'];
  if (fromEnv !== undefined && existsSync(fromEnv)) return fromEnv;
  try {
    const found = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
    if (found !== '') return found;
  } catch {
    // Falls through to the explanation below.
  }
  throw new Error(
    "Browser tests need Debian's Chromium: install it with `sudo apt-get install -y chromium` " +
      '(or set VENTANILLA_CHROMIUM to a Chromium binary). `.ci/run` installs it on CI.',
  );
}

/**
 * Chromium with the flags every test uses, and `extraArgs` for one file's needs (a fake camera:
 * `--use-fake-device-for-media-stream --use-fake-ui-for-media-stream`).
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...chromiumArgs, ...extraArgs] });
}

/** A fresh kiosk-sized browser context (own sessionStorage), in Colombian Spanish and Bogotá time. */
export async function newKioskPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: kioskViewport,
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
    hasTouch: true,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  return { context, page };
}
