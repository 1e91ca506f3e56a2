import type { Page } from 'playwright-core';

interface Spill {
  readonly what: string;
  readonly detail: string;
}

/**
 * Fails when anything on the screen leaves it sideways, is cut off or runs over its neighbour:
 * an element whose box crosses the left or right edge of the viewport, a box that hides part of
 * its content (overflow hidden with more inside than it shows), or text wider than its own box.
 * What «Letra más grande» must never cause. Vertical growth is fine: the screen's content area
 * scrolls.
 */
export async function expectFitsWidth(page: Page, screen: string): Promise<void> {
  const spills = await page.evaluate(() => {
    const found: Spill[] = [];
    const width = document.documentElement.clientWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className === '' ? '' : `.${String(el.className).split(' ').join('.')}`} «${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}»`;
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('[aria-hidden="true"], dialog:not([open]), .visually-hidden') !== null) continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.right > width + 1 || box.left < -1)
        found.push({
          what: describe(el),
          detail: `spans ${Math.round(box.left)}–${Math.round(box.right)} px of ${width}`,
        });
      const style = getComputedStyle(el);
      const clips = style.overflowX === 'hidden' || style.overflowX === 'clip';
      if (clips && el.scrollWidth > el.clientWidth + 1)
        found.push({ what: describe(el), detail: `shows ${el.clientWidth} px of ${el.scrollWidth}` });
      // Text wider than its own box runs over its neighbour (a long number in a narrow column).
      const ownText = [...el.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
      );
      if (
        !clips &&
        ownText &&
        style.display !== 'inline' &&
        el.clientWidth > 0 &&
        el.scrollWidth > el.clientWidth + 1
      ) {
        found.push({ what: describe(el), detail: `its text needs ${el.scrollWidth} px of ${el.clientWidth}` });
      }
    }
    return found;
  });
  if (spills.length > 0) {
    throw new Error(
      `${screen}: ${spills.length} element(s) do not fit the screen's width\n${spills.map((s) => `  ${s.what}: ${s.detail}`).join('\n')}`,
    );
  }
}
