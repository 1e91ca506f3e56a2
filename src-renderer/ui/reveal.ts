/**
 * Brings `element` into the middle of the screen by scrolling only its nearest scrolling
 * ancestor (the screen's content area). `scrollIntoView` would also scroll the app frame,
 * which hides its overflow, and push the header and the status strip off the screen.
 */
export function reveal(element: HTMLElement): void {
  let scroller = element.parentElement;
  while (scroller !== null) {
    const overflow = getComputedStyle(scroller).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') break;
    scroller = scroller.parentElement;
  }
  if (scroller === null) return;
  const box = element.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (box.top >= view.top && box.bottom <= view.bottom) return;
  const offset = box.top - view.top - (view.height - box.height) / 2;
  scroller.scrollTo({ top: scroller.scrollTop + offset, behavior: 'smooth' });
}
