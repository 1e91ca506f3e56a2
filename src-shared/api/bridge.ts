import type { Result } from './result';

/**
 * What Electron's preload exposes on `window[bridgeGlobal]` through contextBridge: one
 * function, which accepts only the contract's operation names.
 */
export interface VentanillaBridge {
  invoke(op: string, input: unknown): Promise<Result<unknown>>;
}

export const bridgeGlobal = 'ventanilla';
