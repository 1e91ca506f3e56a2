import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { VentanillaBridge } from '../../../src-shared/api/bridge';
import { ipcChannel } from '../../../src-shared/api/contract';

const exposed = new Map<string, unknown>();
const invoked: [string, unknown][] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => {
      invoked.push([channel, input]);
      return Promise.resolve({ ok: true, value: channel });
    },
  },
}));

describe('Electron preload', () => {
  beforeEach(async () => {
    exposed.clear();
    invoked.length = 0;
    vi.resetModules();
    await import('../../../src-main/electron/preload');
  });

  it('exposes one object with a single invoke function under the bridge name', () => {
    expect([...exposed.keys()]).toEqual(['ventanilla']);
    const bridge = exposed.get('ventanilla') as Record<string, unknown>;
    expect(Object.keys(bridge)).toEqual(['invoke']);
  });

  it('forwards contract operations to their own channel', async () => {
    const bridge = exposed.get('ventanilla') as VentanillaBridge;
    await expect(bridge.invoke('status.get', {})).resolves.toEqual({ ok: true, value: ipcChannel('status.get') });
    expect(invoked).toEqual([[ipcChannel('status.get'), {}]]);
  });

  it('answers not-found for names outside the contract without touching IPC', async () => {
    const bridge = exposed.get('ventanilla') as VentanillaBridge;
    await expect(bridge.invoke('shell.openExternal', 'file:///etc/passwd')).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(invoked).toEqual([]);
  });
});
