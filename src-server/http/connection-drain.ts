import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Node's `server.close()` reaps keep-alive connections that are idle between requests, but
 * not one that was opened and never sent a request (a client's pre-connected socket, a device
 * that lost power while connecting): the server's stop would wait for headersTimeout (60 s).
 * This tracks, per socket, the requests in flight, so a stop can end every connection that
 * carries none and let the others finish the request they are answering.
 */
export function trackConnections(server: Server): { endIdle(): void } {
  const inFlight = new Map<Socket, number>();
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  server.on('request', (request, response) => {
    const socket = request.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    response.once('close', () => {
      if (inFlight.has(socket)) inFlight.set(socket, Math.max(0, (inFlight.get(socket) ?? 1) - 1));
    });
  });
  return {
    endIdle() {
      for (const [socket, count] of inFlight) if (count === 0) socket.destroy();
    },
  };
}
