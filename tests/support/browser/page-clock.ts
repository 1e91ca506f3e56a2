import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Waits for `what` to show on a page whose clock the test installed (`page.clock.install()`),
 * jumping that clock a second at a time meanwhile: a screen that changes on a timer of the
 * page (a status asked every few seconds) changes as soon as the app would let it, without
 * the test waiting the timer out.
 */
export function showsAsClockRuns(page: Page, what: Locator): Promise<void> {
  return expect
    .poll(
      async () => {
        await page.clock.fastForward(1_000);
        return what.isVisible();
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}
