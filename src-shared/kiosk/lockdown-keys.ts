/**
 * The keys a kiosk swallows (docs/kiosk-lockdown.md). The same rule runs twice: in Electron's
 * `before-input-event` (src-main/electron/kiosk-lockdown.ts), which sees every key before the
 * page and before Chromium's own shortcuts, and in the page itself (renderer), which is all a
 * thin client's Chromium in kiosk mode offers. What the operating system owns (Ctrl+Alt+Del, the
 * Windows key, switching sessions) no application can stop: that is the OS lockdown's job.
 */

/** A key press as Electron's `Input` and the DOM's `KeyboardEvent` both describe it. */
export interface KeyPress {
  /** `KeyboardEvent.key`: `r`, `F5`, `BrowserBack`… (any case). */
  readonly key: string;
  readonly control: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
}

/** Why a key is swallowed; null: the page gets it (typing, Enter, Tab, arrows, Escape, copy and paste). */
export type BlockedBecause =
  'reload' | 'devtools' | 'close' | 'print' | 'new-window' | 'navigation' | 'fullscreen' | 'zoom' | 'files';

/** Ctrl on Linux and Windows, Cmd on a Mac: the same shortcuts. */
const command = (press: KeyPress): boolean => press.control || press.meta;

const navigationKeys = new Set(['browserback', 'browserforward', 'browserrefresh', 'browserhome', 'browsersearch']);
const zoomKeys = new Set(['+', '=', '-', '_', '0', 'add', 'subtract']);

export function blockedKey(press: KeyPress): BlockedBecause | null {
  const key = press.key.toLowerCase();
  if (key === 'f5' || (command(press) && key === 'r') || key === 'browserrefresh') return 'reload';
  if (key === 'f12' || (command(press) && (press.shift || press.alt) && ['i', 'j', 'c'].includes(key)))
    return 'devtools';
  if (command(press) && key === 'u') return 'devtools';
  if ((press.alt && key === 'f4') || (command(press) && ['w', 'q', 'f4'].includes(key))) return 'close';
  if (command(press) && key === 'p') return 'print';
  if (command(press) && ['n', 't'].includes(key)) return 'new-window';
  if (navigationKeys.has(key) || (press.alt && ['arrowleft', 'arrowright', 'home'].includes(key))) return 'navigation';
  if (key === 'f11') return 'fullscreen';
  if (command(press) && zoomKeys.has(key)) return 'zoom';
  if (command(press) && ['o', 's', 'j', 'h', 'l', 'd', 'g', 'f'].includes(key)) return 'files';
  if (command(press) && press.shift && key === 'delete') return 'files';
  return null;
}
