import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobal, type VentanillaBridge } from '../../src-shared/api/bridge';
import { ipcChannel, isOpName } from '../../src-shared/api/contract';
import { err } from '../../src-shared/api/result';

/**
 * The only thing the renderer gets from Electron: one `invoke` that reaches the contract's
 * channels and nothing else. Sandboxed preloads cannot require our modules, so the build
 * bundles this file with the contract (see electron-builder.yml / scripts/build-electron.ts).
 */
const bridge: VentanillaBridge = {
  invoke: (op, input) =>
    isOpName(op)
      ? ipcRenderer.invoke(ipcChannel(op), input)
      : Promise.resolve(err('not-found', 'Esa operación no existe en esta versión de Ventanilla.')),
};

contextBridge.exposeInMainWorld(bridgeGlobal, bridge);
