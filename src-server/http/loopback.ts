import type { FastifyRequest } from 'fastify';

/**
 * True when the request came from this machine. `request.ip` is the socket's peer, except
 * behind a TLS proxy named in VENTANILLA_BEHIND_PROXY, where it is the client the proxy says it
 * serves (X-Forwarded-For, believed from that proxy only): a proxy on this machine must not make
 * every visitor look local. Loopback-only routes: admin, mailbox.
 */
export function isLoopbackRequest(request: FastifyRequest): boolean {
  const address = request.ip;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
