import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../src-main/electron/main-window';

describe('main window options', () => {
  it('isolates and sandboxes the page with no Node access', () => {
    const options = mainWindowOptions({ mode: 'cashier', preload: '/app/preload.cjs', devTools: false });
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      preload: '/app/preload.cjs',
    });
    expect(options.kiosk).toBe(false);
  });

  it('opens kiosk devices in kiosk mode and counters in a normal window', () => {
    expect(mainWindowOptions({ mode: 'kiosk', preload: 'p', devTools: false }).kiosk).toBe(true);
    expect(mainWindowOptions({ mode: 'field', preload: 'p', devTools: false }).kiosk).toBe(false);
  });
});
