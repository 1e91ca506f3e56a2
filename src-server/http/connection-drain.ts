import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Node's `server.close()` reaps keep-alive connections that are idle between requests, but
 * not one that was opened and never sent a request (a client's pre-connected socket, a device
 * that lost power while connecting, a TLS handshake that never finished): the server's stop
 * would wait for headersTimeout (60 s). This tracks, per connection, the requests in flight, so
 * a stop can end every connection that carries none and let the others finish the request
 * they are answering.
 *
 * Over HTTPS a request's socket is the TLS socket wrapped around the TCP one the server saw
 * connect, so connections are matched by their peer's address and port, which both share.
 */
export function trackConnections(server: Server): { endIdle(): void } {
  const connections = new Map<string, { readonly socket: Socket; inFlight: number }>();
  server.on('connection', (socket: Socket) => {
    const key = peerKey(socket);
    if (key === null) return;
    connections.set(key, { socket, inFlight: 0 });
    socket.once('close', () => {
      if (connections.get(key)?.socket === socket) connections.delete(key);
    });
  });
  server.on('request', (request, response) => {
    const entry = connections.get(peerKey(request.socket) ?? '');
    if (entry === undefined) return;
    entry.inFlight += 1;
    response.once('close', () => {
      entry.inFlight = Math.max(0, entry.inFlight - 1);
    });
  });
  return {
    endIdle() {
      // Ending the TCP socket ends the TLS session riding on it.
      for (const { socket, inFlight } of connections.values()) if (inFlight === 0) socket.destroy();
    },
  };
}

function peerKey(socket: Socket): string | null {
  const { remoteAddress, remotePort } = socket;
  return remoteAddress === undefined || remotePort === undefined ? null : `${remoteAddress}|${remotePort}`;
}
