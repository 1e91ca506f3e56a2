import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerDatabase } from '../db/open';
import { authenticateDevice, type AuthenticatedDevice } from '../devices/auth';
import { HttpError } from './errors';

/**
 * The device behind each authenticated request. A WeakMap rather than a Fastify request
 * decoration: it stays private to this module and needs no global type augmentation.
 */
const devicesByRequest = new WeakMap<FastifyRequest, AuthenticatedDevice>();

const UNAUTHORIZED_MESSAGE =
  'Este dispositivo no está autorizado ante el servidor central. Inscríbalo con un código nuevo del administrador.';

/** `onRequest` hook of every device-API route whose auth (routes.ts) is not `none`. */
export function requireDevice(database: ServerDatabase) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    const device = token === null ? null : await authenticateDevice(database, token);
    if (device === null) {
      // RFC 6750: tell the client which scheme to use.
      reply.header('www-authenticate', 'Bearer realm="ventanilla"');
      // `device-locked`: the device locks itself on it (src-main/device-lock/), whatever route it called.
      throw new HttpError(401, { code: 'device-locked', message: UNAUTHORIZED_MESSAGE });
    }
    devicesByRequest.set(request, device);
  };
}

/** The authenticated device; only valid inside routes protected by `requireDevice`. */
export function deviceOf(request: FastifyRequest): AuthenticatedDevice {
  const device = devicesByRequest.get(request);
  if (device === undefined) throw new Error('deviceOf() called on a route without requireDevice');
  return device;
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
