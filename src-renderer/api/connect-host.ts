import { createClient, type ApiClient } from '../../src-shared/api/client';
import { createHttpTransport } from './http-transport';
import { createIpcTransport, findBridge } from './ipc-transport';
import { takeWebToken } from './web-token';

/** Which host this page runs in, decided once at start-up. Components only see the client. */
export type HostConnection =
  | { readonly kind: 'connected'; readonly host: 'electron' | 'web'; readonly client: ApiClient }
  | { readonly kind: 'no-token' };

/** Electron's preload bridge when present, otherwise the web host over HTTP with the page's token. */
export function connectToHost(win: Window, onUnauthorized: () => void): HostConnection {
  const bridge = findBridge(win);
  if (bridge !== null) {
    return { kind: 'connected', host: 'electron', client: createClient(createIpcTransport(bridge)) };
  }
  const token = takeWebToken(win.location, win.history, win.sessionStorage);
  if (token === null) return { kind: 'no-token' };
  return {
    kind: 'connected',
    host: 'web',
    client: createClient(createHttpTransport({ token, onUnauthorized, fetch: win.fetch.bind(win) })),
  };
}
