import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerDatabase } from '../db/open';
import { authenticateDevice, type AuthenticatedDevice } from '../devices/auth';
import { looksLikeDeviceToken } from '../devices/secrets';
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
    if (device === null) throw deviceRefusal(reply);
    devicesByRequest.set(request, device);
  };
}

/**
 * `onRequest` hook of a route whose handler checks the token in its own statement
 * (api-route.ts): refuses at once a request without a well-formed bearer token, as
 * `requireDevice` does without asking the database.
 */
export async function requireTokenShape(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (tokenOf(request) === null) throw deviceRefusal(reply);
}

/** The request's bearer token if it is well formed (it may still be nobody's). */
export function tokenOf(request: FastifyRequest): string | null {
  const token = bearerToken(request.headers.authorization);
  return token !== null && looksLikeDeviceToken(token) ? token : null;
}

/** What a request without a live device token hears, whoever checked it. */
export function deviceRefusal(reply: FastifyReply): HttpError {
  // RFC 6750: tell the client which scheme to use.
  reply.header('www-authenticate', 'Bearer realm="ventanilla"');
  // `device-locked`: the device locks itself on it (src-main/device-lock/), whatever route it called.
  return new HttpError(401, { code: 'device-locked', message: UNAUTHORIZED_MESSAGE });
}

export function isDeviceRefusal(error: unknown): boolean {
  return error instanceof HttpError && error.statusCode === 401 && error.apiError.code === 'device-locked';
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
