import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';
import { lockDownKiosk } from '../../../src-main/electron/kiosk-lockdown';

type Listener = (...args: unknown[]) => void;

/** A stand-in for a BrowserWindow and its webContents that records listeners and what was asked of it. */
function fakeWindow() {
  const contentsListeners = new Map<string, Listener>();
  const windowListeners = new Map<string, Listener>();
  const calls: string[] = [];
  const contents = {
    on: (name: string, listener: Listener) => contentsListeners.set(name, listener),
    closeDevTools: () => calls.push('closeDevTools'),
  };
  const window = {
    webContents: contents,
    setMenu: (menu: unknown) => calls.push(`setMenu:${String(menu)}`),
    setKiosk: (on: boolean) => calls.push(`setKiosk:${on}`),
    setFullScreen: (on: boolean) => calls.push(`setFullScreen:${on}`),
    on: (name: string, listener: Listener) => windowListeners.set(name, listener),
  };
  return { window: window as unknown as BrowserWindow, contentsListeners, windowListeners, calls };
}

/** An Electron event whose preventDefault is recorded. */
function event() {
  const e = { prevented: false, preventDefault: () => (e.prevented = true) };
  return e;
}

const key = (k: string, mods: { control?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  type: 'keyDown',
  key: k,
  control: mods.control ?? false,
  shift: mods.shift ?? false,
  alt: mods.alt ?? false,
  meta: false,
});

describe('Electron kiosk lockdown adapter', () => {
  it('keeps the window in kiosk mode without a menu, and full screen when something leaves it', () => {
    const fake = fakeWindow();
    lockDownKiosk(fake.window);
    expect(fake.calls).toEqual(['setMenu:null', 'setKiosk:true']);
    fake.windowListeners.get('leave-full-screen')?.();
    expect(fake.calls).toContain('setFullScreen:true');
  });

  it('swallows the policy’s keys before the page and lets typing through', () => {
    const fake = fakeWindow();
    const blocked: string[] = [];
    lockDownKiosk(fake.window, (reason) => blocked.push(reason));
    const input = fake.contentsListeners.get('before-input-event');
    const press = (k: ReturnType<typeof key>) => {
      const e = event();
      input?.(e, k);
      return e.prevented;
    };
    expect(press(key('r', { control: true }))).toBe(true);
    expect(press(key('F4', { alt: true }))).toBe(true);
    expect(press(key('p', { control: true }))).toBe(true);
    expect(press(key('I', { control: true, shift: true }))).toBe(true);
    expect(press(key('a'))).toBe(false);
    expect(press({ ...key('r', { control: true }), type: 'keyUp' })).toBe(false);
    expect(blocked).toEqual(['reload', 'close', 'print', 'devtools']);
  });

  it('refuses the context menu and closes DevTools as soon as they open', () => {
    const fake = fakeWindow();
    lockDownKiosk(fake.window);
    const menu = event();
    fake.contentsListeners.get('context-menu')?.(menu);
    expect(menu.prevented).toBe(true);
    fake.contentsListeners.get('devtools-opened')?.();
    expect(fake.calls).toContain('closeDevTools');
  });
});
