import type { Page } from 'playwright-core';

/**
 * Taps at (`x`, `y`) through Chromium's touch input, each stamped with the moment in `atMs`
 * (milliseconds since the epoch, as `Date.now()`), in order. The page sees ordinary touches
 * and pointer events whose `event.timeStamp` is that moment, as if a finger had touched the
 * screen then: a gesture timed by the events' own time (the kiosk's hidden corner) gets its
 * pauses without the test waiting them out. Playwright's `touchscreen.tap` sends the same two
 * CDP events, only stamped "now".
 */
export async function tapAt(page: Page, x: number, y: number, atMs: readonly number[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (const at of atMs) {
      const timestamp = at / 1000;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }], timestamp });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp });
    }
  } finally {
    await cdp.detach();
  }
}

/** `count` moments a tenth of a second apart from `firstMs`: a technician's quick taps. */
export function tenthsFrom(firstMs: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => firstMs + i * 100);
}
