import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { assertNever, type Result } from '../../src-shared/api/result';
import {
  accountSessionHeader,
  pathParamNames,
  type AuthKind,
  type ServerRoute,
} from '../../src-shared/server-api/route';
import {
  serverRoutes,
  type RouteName,
  type RouteParsedInput,
  type ServerRoutes,
} from '../../src-shared/server-api/routes';
import { resolveSession, type AccountSession } from '../accounts/account-sessions';
import { serverBuffers } from '../buffer-pool';
import type { ServerDatabase } from '../db/open';
import { authenticateDevice, type AuthenticatedDevice } from '../devices/auth';
import { defaultUploadMaxBytes } from './binary-body';
import { deviceOf, deviceRefusal, isDeviceRefusal, requireDevice, requireTokenShape, tokenOf } from './device-auth';
import { HttpError, parseBody, sendApiError } from './errors';

/**
 * Registers the device API's routes from the one map (src-shared/server-api/routes.ts): the
 * route files give only the handler. Method, path and body limit come from the map; so does
 * the auth, checked before anything else (the device token before the body is even read, except
 * on the one route whose handler checks it in its own statement: `checkingOwnToken`); the
 * input is parsed with the map's schema (Spanish messages, parseBody); the handler's `Result`
 * becomes the `{ ok, value } | { ok, error }` envelope with the error code's HTTP status.
 */

/** A live citizen session, as the account services take it. */
export type ResolvedSession = AccountSession & { readonly token: string; readonly deviceId: string };

/** What the handler of a route of each auth kind knows about its caller. */
interface Callers {
  readonly none: Record<never, never>;
  readonly device: { readonly device: AuthenticatedDevice };
  readonly account: { readonly device: AuthenticatedDevice; readonly session: ResolvedSession };
  readonly 'account-optional': { readonly device: AuthenticatedDevice; readonly sessionToken: string | null };
}

export type RouteContext<K extends RouteName> = { readonly request: FastifyRequest } & Callers[ServerRoutes[K]['auth']];

/**
 * Bytes that copy themselves into the answer's buffer (a pull page, straight from the bytes
 * PostgreSQL sent: src-server/sync/feed-reader.ts): `writeTo` writes `byteLength` bytes at `at`.
 */
export interface WrittenPiece {
  readonly byteLength: number;
  writeTo(target: Buffer, at: number): number;
}

/**
 * A value written as JSON text by the handler, for routes marked `prebuiltAnswer` in the map:
 * one string, or pieces sent one after the other (bytes read from the database stay bytes).
 */
export interface JsonText {
  readonly json: string | readonly (string | Uint8Array | WrittenPiece)[];
}

/** What the handler answers: the route's value (as the response schema takes it), or JSON text. */
export type RouteAnswer<K extends RouteName> = ServerRoutes[K] extends { readonly prebuiltAnswer: true }
  ? JsonText
  : z.input<ServerRoutes[K]['response']>;

export type RouteHandler<K extends RouteName> = (
  input: RouteParsedInput<K>,
  context: RouteContext<K>,
) => Promise<Result<RouteAnswer<K>>>;

export interface ApiRouteDeps {
  readonly database: ServerDatabase;
  /** The body limit of routes marked `upload` in the map (VENTANILLA_UPLOAD_MAX_BYTES). */
  readonly uploadMaxBytes?: number;
  /** The clock account sessions are checked against. */
  readonly now: () => Date;
}

const SESSION_ENDED = 'Su sesión terminó. Ingrese de nuevo con su número de documento y contraseña.';

/** Routes whose auth is `device` alone: those a handler may check the token of itself. */
export type DeviceRouteName = { [K in RouteName]: ServerRoutes[K]['auth'] extends 'device' ? K : never }[RouteName];

/**
 * The handler of a route that checks the device token in its own statement, so that the check
 * and the write take one round trip to the database (the heartbeat, issue 18). It gets the
 * bearer token, well formed but unchecked, and answers null when no live device has it: the
 * route then refuses exactly as the shared check does. It must write nothing in that case.
 */
export type OwnTokenCheckHandler<K extends DeviceRouteName> = (
  input: RouteParsedInput<K>,
  context: { readonly request: FastifyRequest; readonly token: string },
) => Promise<Result<RouteAnswer<K>> | null>;

/**
 * Registers routes of the map on `app`: `const route = apiRoutes(app, deps); route('device.hello', handler)`.
 * `route.checkingOwnToken(name, handler)` registers a `device` route whose handler checks the token.
 */
export function apiRoutes(app: FastifyInstance, deps: ApiRouteDeps) {
  const deviceHook = requireDevice(deps.database);
  const route = <K extends RouteName>(name: K, handler: RouteHandler<K>): void => {
    const route: ServerRoute = serverRoutes[name];
    app.route({
      ...routeOptions(route, deps),
      // onRequest: a request without a valid token is refused before its body is read.
      ...(route.auth === 'none' ? {} : { onRequest: deviceHook }),
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const caller = await callerOf(route.auth, request, deps);
        const input = parseBody(route.request, requestInput(route, request));
        // The map's own schema produced `input` and the auth kind chose `caller`: this route's types.
        const answer = await (handler as (input: unknown, context: unknown) => Promise<Result<unknown>>)(input, {
          request,
          ...caller,
        });
        return send(route, reply, answer);
      },
    });
  };

  const checkingOwnToken = <K extends DeviceRouteName>(name: K, handler: OwnTokenCheckHandler<K>): void => {
    const route: ServerRoute = serverRoutes[name];
    /** Requests whose handler was called: its statement checked their token. */
    const checked = new WeakSet<FastifyRequest>();
    app.route({
      ...routeOptions(route, deps),
      // Without a well-formed token: refused before the body is read, without the database.
      onRequest: requireTokenShape,
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const input = parseBody(route.request, requestInput(route, request));
        const token = tokenOf(request);
        if (token === null) throw deviceRefusal(reply);
        checked.add(request);
        const answer = await (handler as (input: unknown, context: unknown) => Promise<Result<unknown> | null>)(input, {
          request,
          token,
        });
        if (answer === null) throw deviceRefusal(reply);
        return send(route, reply, answer);
      },
      // A body refused before the handler's check (not JSON, outside the schema, too large):
      // the token is checked first, so a device the server no longer knows hears the refusal it
      // would hear on any other route, not the body's fault. Other errors go on to the app's handler.
      errorHandler: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
        if (checked.has(request) || isDeviceRefusal(error)) throw error;
        // Sent from inside the handler, an error goes on to the app's error handler as a throw would.
        void hasLiveToken(request, deps.database).then(
          (live) => reply.send(live ? error : deviceRefusal(reply)),
          (failure: unknown) => reply.send(failure),
        );
      },
    });
  };

  return Object.assign(route, { checkingOwnToken });
}

async function hasLiveToken(request: FastifyRequest, database: ServerDatabase): Promise<boolean> {
  const token = tokenOf(request);
  return token !== null && (await authenticateDevice(database, token)) !== null;
}

/** Method, path and body limit, from the map. */
function routeOptions(route: ServerRoute, deps: ApiRouteDeps) {
  return {
    method: route.method,
    // Fastify's own `:param` syntax is the map's, so the path is registered as written.
    url: route.path,
    ...(route.bodyLimit === undefined ? {} : { bodyLimit: route.bodyLimit }),
    // An upload's bytes are in `request.body` (a Buffer): the plugin that registers the route accepts its types (binary-body.ts).
    ...(route.upload === undefined ? {} : { bodyLimit: deps.uploadMaxBytes ?? defaultUploadMaxBytes }),
  };
}

/**
 * The pieces in one buffer of its final size: a 450 KB page is copied into it once. The buffer is
 * reused (src-server/buffer-pool.ts), so every byte of it must have been written: a piece that
 * writes other than it said is an error, never an answer holding an earlier answer's bytes.
 */
function joinPieces(pieces: readonly (string | Uint8Array | WrittenPiece)[]): Buffer {
  let size = 0;
  for (const piece of pieces) size += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.byteLength;
  const body = serverBuffers.take(size);
  let at = 0;
  try {
    for (const piece of pieces) {
      if (typeof piece === 'string') at += body.write(piece, at);
      else if (piece instanceof Uint8Array) {
        body.set(piece, at);
        at += piece.byteLength;
      } else at += piece.writeTo(body, at);
    }
  } catch (error) {
    serverBuffers.give(body);
    throw error;
  }
  if (at !== size) {
    serverBuffers.give(body);
    throw new Error(`an answer of ${size} bytes got ${at}`);
  }
  return body;
}

/** The handler's `Result` as the envelope, with the error code's HTTP status. */
function send(route: ServerRoute, reply: FastifyReply, answer: Result<unknown>) {
  if (!answer.ok) return sendApiError(reply, answer.error);
  if (route.prebuiltAnswer === true) {
    const { json } = answer.value as JsonText;
    if (typeof json === 'string') return reply.type('application/json').send(`{"ok":true,"value":${json}}`);
    const body = joinPieces(['{"ok":true,"value":', ...json, '}']);
    // Back to the pool once the socket has taken every byte; an answer cut short is left to the collector.
    reply.raw.once('finish', () => serverBuffers.give(body));
    return reply.type('application/json').send(body);
  }
  return { ok: true, value: answer.value };
}

/**
 * What a route's schema parses: GET's query string (and an upload's), or the JSON body of POST
 * and PUT; path parameters join either (the path wins).
 */
export function requestInput(route: ServerRoute, request: Pick<FastifyRequest, 'query' | 'body' | 'params'>): unknown {
  const sent = route.method === 'GET' || route.upload !== undefined ? request.query : request.body;
  const names = pathParamNames(route.path);
  if (names.length === 0) return sent;
  const fromPath = (request.params ?? {}) as Record<string, unknown>;
  const fields = typeof sent === 'object' && sent !== null && !Array.isArray(sent) ? sent : {};
  return { ...fields, ...Object.fromEntries(names.map((name) => [name, fromPath[name]])) };
}

async function callerOf(auth: AuthKind, request: FastifyRequest, deps: ApiRouteDeps): Promise<Callers[AuthKind]> {
  switch (auth) {
    case 'none':
      return {};
    case 'device':
      return { device: deviceOf(request) };
    case 'account-optional':
      return { device: deviceOf(request), sessionToken: sessionTokenOf(request) };
    case 'account': {
      const device = deviceOf(request);
      const token = sessionTokenOf(request);
      const found = token === null ? null : await resolveSession(deps.database.exec, token, device.id, deps.now());
      if (token === null || found === null) throw new HttpError(401, { code: 'session-ended', message: SESSION_ENDED });
      return { device, session: { ...found, token, deviceId: device.id } };
    }
    default:
      return assertNever(auth);
  }
}

function sessionTokenOf(request: FastifyRequest): string | null {
  const header = request.headers[accountSessionHeader];
  return typeof header === 'string' && header !== '' ? header : null;
}
