import type { VentanillaBridge } from '../../src-shared/api/bridge';
import { bridgeGlobal } from '../../src-shared/api/bridge';
import type { Transport } from '../../src-shared/api/client';
import { err } from '../../src-shared/api/result';
import { hostMessages } from './host-messages';
import { parseResultEnvelope } from './result-envelope';

function isBridge(value: unknown): value is VentanillaBridge {
  return typeof value === 'object' && value !== null && 'invoke' in value && typeof value.invoke === 'function';
}

/** The bridge Electron's preload put on `window`, if this page runs inside Electron. */
export function findBridge(scope: object): VentanillaBridge | null {
  const candidate: unknown = Reflect.get(scope, bridgeGlobal);
  return isBridge(candidate) ? candidate : null;
}

/** Electron: every call goes through the preload's contextBridge to ipcMain. */
export function createIpcTransport(bridge: VentanillaBridge): Transport {
  return {
    async invoke(op, input) {
      try {
        const answer: unknown = await bridge.invoke(op, input);
        return parseResultEnvelope(answer) ?? err('internal', hostMessages.unexpected);
      } catch {
        return err('internal', hostMessages.unreachable);
      }
    },
  };
}
