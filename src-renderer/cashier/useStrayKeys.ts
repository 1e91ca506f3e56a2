import { useLayoutEffect } from 'react';

/**
 * Keys that land on no field: a scanner that starts typing a moment before the counter's field
 * has the focus, or an Enter pressed as a screen appears. `onChar` gets the printable characters
 * and `onEnter` the Enter, so nothing the cashier or the scanner typed is lost.
 */
export function useStrayKeys(handlers: {
  readonly onChar?: (char: string) => void;
  readonly onEnter?: () => void;
}): void {
  // Attached as the screen is committed, not after its paint: the keys may come that soon.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isStray(event.target)) return;
      const { onChar, onEnter } = handlers;
      if (event.key === 'Enter' && onEnter !== undefined) {
        event.preventDefault();
        onEnter();
      } else if (event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey && onChar !== undefined) {
        event.preventDefault();
        onChar(event.key);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers]);
}

function isStray(target: EventTarget | null): boolean {
  return target === null || target === document.body || target === document.documentElement;
}
