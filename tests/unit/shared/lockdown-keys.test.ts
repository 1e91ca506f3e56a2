import { describe, expect, it } from 'vitest';
import { blockedKey, type BlockedBecause, type KeyPress } from '../../../src-shared/kiosk/lockdown-keys';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  control: false,
  alt: false,
  shift: false,
  meta: false,
  ...mods,
});
const ctrl = { control: true };
const cmd = { meta: true };
const ctrlShift = { control: true, shift: true };

/** Every shortcut a citizen could leave, reload, print or inspect the kiosk with, and why it is swallowed. */
const blocked: readonly [string, KeyPress, BlockedBecause][] = [
  ['F5', press('F5'), 'reload'],
  ['Ctrl+R', press('r', ctrl), 'reload'],
  ['Ctrl+Shift+R', press('R', ctrlShift), 'reload'],
  ['Cmd+R', press('r', cmd), 'reload'],
  ['BrowserRefresh', press('BrowserRefresh'), 'reload'],
  ['F12', press('F12'), 'devtools'],
  ['Ctrl+Shift+I', press('I', ctrlShift), 'devtools'],
  ['Ctrl+Shift+J', press('J', ctrlShift), 'devtools'],
  ['Ctrl+Shift+C', press('C', ctrlShift), 'devtools'],
  ['Cmd+Alt+I', press('i', { meta: true, alt: true }), 'devtools'],
  ['Ctrl+U (source)', press('u', ctrl), 'devtools'],
  ['Alt+F4', press('F4', { alt: true }), 'close'],
  ['Ctrl+W', press('w', ctrl), 'close'],
  ['Ctrl+F4', press('F4', ctrl), 'close'],
  ['Ctrl+Q', press('q', ctrl), 'close'],
  ['Cmd+Q', press('q', cmd), 'close'],
  ['Ctrl+P', press('p', ctrl), 'print'],
  ['Ctrl+Shift+P', press('P', ctrlShift), 'print'],
  ['Cmd+P', press('p', cmd), 'print'],
  ['Ctrl+N', press('n', ctrl), 'new-window'],
  ['Ctrl+Shift+N', press('N', ctrlShift), 'new-window'],
  ['Ctrl+T', press('t', ctrl), 'new-window'],
  ['Alt+Left', press('ArrowLeft', { alt: true }), 'navigation'],
  ['Alt+Right', press('ArrowRight', { alt: true }), 'navigation'],
  ['Alt+Home', press('Home', { alt: true }), 'navigation'],
  ['BrowserBack', press('BrowserBack'), 'navigation'],
  ['BrowserForward', press('BrowserForward'), 'navigation'],
  ['F11', press('F11'), 'fullscreen'],
  ['Ctrl++', press('+', ctrl), 'zoom'],
  ['Ctrl+=', press('=', ctrl), 'zoom'],
  ['Ctrl+-', press('-', ctrl), 'zoom'],
  ['Ctrl+0', press('0', ctrl), 'zoom'],
  ['Ctrl+O', press('o', ctrl), 'files'],
  ['Ctrl+S', press('s', ctrl), 'files'],
  ['Ctrl+J (downloads)', press('j', ctrl), 'files'],
  ['Ctrl+H (history)', press('h', ctrl), 'files'],
  ['Ctrl+L (address)', press('l', ctrl), 'files'],
  ['Ctrl+F (find)', press('f', ctrl), 'files'],
  ['Ctrl+Shift+Delete', press('Delete', ctrlShift), 'files'],
];

/** What a citizen or a technician with a keyboard still needs: typing, moving, closing a dialog, editing. */
const allowed: readonly [string, KeyPress][] = [
  ['a', press('a')],
  ['R (capital, typing)', press('R', { shift: true })],
  ['digits', press('7')],
  ['Enter', press('Enter')],
  ['Backspace', press('Backspace')],
  ['Tab', press('Tab')],
  ['Shift+Tab', press('Tab', { shift: true })],
  ['arrows', press('ArrowDown')],
  ['Escape', press('Escape')],
  ['Ctrl+C', press('c', ctrl)],
  ['Ctrl+V', press('v', ctrl)],
  ['Ctrl+X', press('x', ctrl)],
  ['Ctrl+A', press('a', ctrl)],
  ['Ctrl+Z', press('z', ctrl)],
  ['F2 (not a browser key)', press('F2')],
  ['Alt alone', press('Alt', { alt: true })],
  ['Ctrl+I without Shift (not DevTools)', press('i', ctrl)],
];

describe('kiosk key policy', () => {
  it.each(blocked)('swallows %s', (_name, key, because) => {
    expect(blockedKey(key)).toBe(because);
  });

  it.each(allowed)('lets %s through', (_name, key) => {
    expect(blockedKey(key)).toBeNull();
  });
});
