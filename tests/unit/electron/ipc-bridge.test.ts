import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { ipcChannel, opNames } from '../../../src-shared/api/contract';
import type { Result } from '../../../src-shared/api/result';
import { ok } from '../../../src-shared/api/result';
import { registerIpc } from '../../../src-main/electron/ipc-bridge';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>> | Result<unknown>;

/** A stand-in for Electron's ipcMain that records what gets registered. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => {
      handlers.delete(channel);
    },
  };
}

const trusted = { sender: 'ours' } as unknown as IpcMainInvokeEvent;
const stranger = { sender: 'other' } as unknown as IpcMainInvokeEvent;

describe('Electron IPC bridge', () => {
  it('registers exactly the contract operations, one channel each', () => {
    const ipc = fakeIpcMain();
    registerIpc(
      ipc,
      () => Promise.resolve(ok(null)),
      () => true,
    );
    expect([...ipc.handlers.keys()].sort()).toEqual(opNames.map(ipcChannel).sort());
    expect(ipc.handlers.size).toBeGreaterThanOrEqual(4);
  });

  it('passes the operation name and raw input to the dispatcher for our own window', async () => {
    const ipc = fakeIpcMain();
    const calls: [string, unknown][] = [];
    registerIpc(
      ipc,
      (op, input) => {
        calls.push([op, input]);
        return Promise.resolve(ok('hecho'));
      },
      (event) => event === trusted,
    );
    const result = await ipc.handlers.get(ipcChannel('kiosk.sessionEnded'))?.(trusted, {
      reason: 'idle',
      durationSeconds: 3,
    });
    expect(result).toEqual({ ok: true, value: 'hecho' });
    expect(calls).toEqual([['kiosk.sessionEnded', { reason: 'idle', durationSeconds: 3 }]]);
  });

  it('refuses calls from any other sender without dispatching', async () => {
    const ipc = fakeIpcMain();
    let dispatched = 0;
    registerIpc(
      ipc,
      () => {
        dispatched += 1;
        return Promise.resolve(ok(null));
      },
      (event) => event === trusted,
    );
    const result = await ipc.handlers.get(ipcChannel('app.info'))?.(stranger, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatched).toBe(0);
  });

  it('unregisters every channel it registered', () => {
    const ipc = fakeIpcMain();
    const unregister = registerIpc(
      ipc,
      () => Promise.resolve(ok(null)),
      () => true,
    );
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });
});
