import { useEffect } from 'react';
import { blockedKey } from '../../src-shared/kiosk/lockdown-keys';

const refuse = (event: Event): void => event.preventDefault();

/**
 * What the page itself can refuse on a kiosk, in any host (docs/kiosk-lockdown.md): the context
 * menu, a file dragged in (dropped, the browser would open it in place of the app), and the
 * shortcuts of the kiosk key policy that a page may cancel (print, reload, find, zoom…; Chromium
 * keeps Ctrl+W, Ctrl+T and Ctrl+N for itself — Electron's adapter swallows those before the
 * page). `window.print` does nothing: the kiosk prints through its own printers, never a dialog.
 */
export function useKioskLockdown(): void {
  useEffect(() => {
    const keys = (event: KeyboardEvent): void => {
      const press = {
        key: event.key,
        control: event.ctrlKey,
        alt: event.altKey,
        shift: event.shiftKey,
        meta: event.metaKey,
      };
      if (blockedKey(press) !== null) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    const print = window.print;
    window.print = () => undefined;
    window.addEventListener('contextmenu', refuse, { capture: true });
    window.addEventListener('dragover', refuse, { capture: true });
    window.addEventListener('drop', refuse, { capture: true });
    window.addEventListener('keydown', keys, { capture: true });
    return () => {
      window.print = print;
      window.removeEventListener('contextmenu', refuse, { capture: true });
      window.removeEventListener('dragover', refuse, { capture: true });
      window.removeEventListener('drop', refuse, { capture: true });
      window.removeEventListener('keydown', keys, { capture: true });
    };
  }, []);
}
