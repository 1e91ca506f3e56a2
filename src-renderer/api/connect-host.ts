import { createClient, type ApiClient } from '../../src-shared/api/client';
import { createHttpTransport } from './http-transport';
import { createIpcTransport, findBridge } from './ipc-transport';
import { takeWebToken } from './web-token';

/** Which host this page runs in, decided once at start-up. Components only see the client. */
export type HostConnection =
  | { readonly kind: 'connected'; readonly host: 'electron' | 'web'; readonly client: ApiClient }
  | { readonly kind: 'no-token' };

/**
 * Electron's preload bridge when present, otherwise the web host over HTTP with the token the
 * page's launch code was traded for (web-token.ts).
 */
export async function connectToHost(win: Window, onUnauthorized: () => void): Promise<HostConnection> {
  const bridge = findBridge(win);
  if (bridge !== null) {
    return { kind: 'connected', host: 'electron', client: createClient(createIpcTransport(bridge)) };
  }
  const token = await takeWebToken(win.location, win.history, win.sessionStorage, win.fetch.bind(win));
  if (token === null) return { kind: 'no-token' };
  return {
    kind: 'connected',
    host: 'web',
    client: createClient(createHttpTransport({ token, onUnauthorized, fetch: win.fetch.bind(win) })),
  };
}
