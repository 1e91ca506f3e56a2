import type { FastifyRequest } from 'fastify';

/**
 * True when the request came from this machine. Read from the socket, never from headers
 * (X-Forwarded-For is whatever the client says). Loopback-only routes: admin, mailbox.
 */
export function isLoopbackRequest(request: FastifyRequest): boolean {
  const address = request.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
