/**
 * Brings `element` into the middle of the screen by scrolling only its nearest scrolling
 * ancestor (the screen's content area). `scrollIntoView` would also scroll the app frame,
 * which hides its overflow, and push the header and the status strip off the screen.
 */
export function reveal(element: HTMLElement): void {
  const scroller = scrollerOf(element);
  if (scroller === null) return;
  const box = element.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (box.top >= view.top && box.bottom <= view.bottom) return;
  const offset = box.top - view.top - (view.height - box.height) / 2;
  scroller.scrollTo({ top: scroller.scrollTop + offset, behavior: 'smooth' });
}

/**
 * Scrolls `element`'s screen back to its top, for a new step that replaces the previous one in
 * the same scrolling area (where the previous step had been scrolled to its button).
 */
export function scrollScreenToTop(element: HTMLElement): void {
  const scroller = scrollerOf(element);
  if (scroller !== null && scroller.scrollTop > 0) scroller.scrollTo({ top: 0 });
}

/** The nearest ancestor that scrolls vertically. */
function scrollerOf(element: HTMLElement): HTMLElement | null {
  let scroller = element.parentElement;
  while (scroller !== null) {
    const overflow = getComputedStyle(scroller).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return scroller;
    scroller = scroller.parentElement;
  }
  return null;
}

/**
 * Scrolls `element`'s screen so that its top edge comes just under the screen's top, for a
 * panel that opens below what was touched (a way to pay, with its QR) and is taller than the
 * part of it that would otherwise show.
 */
export function revealTop(element: HTMLElement): void {
  const scroller = scrollerOf(element);
  if (scroller === null) return;
  const offset = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 16;
  // At once: the panel was asked for, and what it holds (a QR) should be there when the eyes arrive.
  if (offset !== 0) scroller.scrollTo({ top: scroller.scrollTop + offset });
}

/**
 * Scrolls `element`'s screen just enough that its bottom edge shows above `cover` — a keyboard
 * held at the screen's foot — or above the screen's bottom when there is none: a form's button
 * and its message stay in sight while the keyboard is up.
 */
export function revealAbove(element: HTMLElement, cover: HTMLElement | null): void {
  const scroller = scrollerOf(element);
  if (scroller === null) return;
  const limit = cover?.getBoundingClientRect().top ?? scroller.getBoundingClientRect().bottom;
  const hidden = element.getBoundingClientRect().bottom + 16 - limit;
  if (hidden > 0) scroller.scrollTo({ top: scroller.scrollTop + hidden });
}

/**
 * Scrolls `element`'s screen so that all of it shows between the screen's top and `cover` — a
 * keyboard held at the screen's foot — when it fits there; when it does not (a short screen,
 * larger text), so that its top edge does: the field being typed, its start in sight.
 */
export function revealBetween(element: HTMLElement, cover: HTMLElement | null): void {
  const scroller = scrollerOf(element);
  if (scroller === null) return;
  const top = scroller.getBoundingClientRect().top + 16;
  const bottom = (cover?.getBoundingClientRect().top ?? scroller.getBoundingClientRect().bottom) - 16;
  const box = element.getBoundingClientRect();
  const below = box.bottom - bottom;
  const above = top - box.top;
  if (box.height > bottom - top || above > 0) {
    if (above !== 0) scroller.scrollTo({ top: scroller.scrollTop - above });
  } else if (below > 0) scroller.scrollTo({ top: scroller.scrollTop + below });
}
