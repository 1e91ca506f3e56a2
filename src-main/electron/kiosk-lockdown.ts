import type { BrowserWindow, WebContents } from 'electron';
import { blockedKey } from '../../src-shared/kiosk/lockdown-keys';

/**
 * What the app adds to the operating system's lockdown on a kiosk (docs/kiosk-lockdown.md).
 * A thin adapter: every decision is a pure module with its tests (the key policy in
 * src-shared/kiosk/lockdown-keys.ts); this only hangs them on Electron's events. On top of
 * main-window.ts's `lockDown` (no navigation, no new windows, no permissions but the camera):
 * kiosk and full screen kept, no context menu, DevTools closed as soon as they open, and the
 * reload, close, print, new-window and navigation keys swallowed before the page sees them.
 */
export function lockDownKiosk(window: BrowserWindow, onBlocked?: (reason: string) => void): void {
  const contents: WebContents = window.webContents;
  window.setMenu(null);
  window.setKiosk(true);
  contents.on('before-input-event', (event, input) => {
    if (input.type !== 'keyDown') return;
    const reason = blockedKey({
      key: input.key,
      control: input.control,
      alt: input.alt,
      shift: input.shift,
      meta: input.meta,
    });
    if (reason === null) return;
    event.preventDefault();
    onBlocked?.(reason);
  });
  contents.on('context-menu', (event) => event.preventDefault());
  contents.on('devtools-opened', () => contents.closeDevTools());
  // A dropped file would navigate to it: main-window.ts's lockDown refuses any navigation off the
  // app's page (will-navigate, will-redirect), and the page refuses the drop itself
  // (src-renderer/kiosk-lockdown/useKioskLockdown.ts).
  window.on('leave-full-screen', () => window.setFullScreen(true));
}
