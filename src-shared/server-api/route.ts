import { z } from 'zod';

/**
 * What a route of the device ↔ central server API declares (see routes.ts for the map). The
 * server registers its Fastify route from it (src-server/http/api-route.ts) and the device
 * builds its request and checks the answer with it (src-main/server-link/server-client.ts).
 */

/**
 * Who may call a route, and what the call carries:
 * - `none`: nothing; anyone who can reach the server (enrollment exchanges a code for a token).
 * - `device`: the device's token, `Authorization: Bearer …`; the server refuses it (401) before
 *   reading the body when the token is unknown or revoked.
 * - `account`: the device's token and a live citizen session in the `x-account-session`
 *   header; an ended or unknown session is refused (401) before the request is parsed.
 * - `account-optional`: the device's token, and the session when the device has one; the route
 *   does not refuse an ended session (logging out of one that already ended is no error).
 */
export const authKinds = ['none', 'device', 'account', 'account-optional'] as const;
export type AuthKind = (typeof authKinds)[number];

/** The header that carries a citizen's account session (auth `account` and `account-optional`). */
export const accountSessionHeader = 'x-account-session';

/** What the device sends for each auth kind. */
export interface AuthCredentials {
  readonly none: null;
  readonly device: { readonly token: string };
  readonly account: { readonly token: string; readonly session: string };
  readonly 'account-optional': { readonly token: string; readonly session: string | null };
}

/**
 * How long the device waits for the answer, as a multiple of its base timeout (5 s):
 * `short` 1×; `long` 3× (account routes: the server hashes passwords under a per-device cap);
 * `bulk` 4× (sync pages and batches; a long-polling pull adds the wait it asked for).
 */
export type RouteTimeout = 'short' | 'long' | 'bulk';

export interface ServerRoute {
  /** What the route does, for people reading the map. */
  readonly summary: string;
  /** GET takes its input from the query string; POST and PUT from a JSON body. */
  readonly method: 'GET' | 'POST' | 'PUT';
  /**
   * Under `/v1/`. A segment `:name` is a path parameter: `name` is a key of `request`, which the
   * device writes into the path (URL-encoded) and the server parses with the rest of the input.
   */
  readonly path: `/v1/${string}`;
  readonly auth: AuthKind;
  /** The input (query or body, plus path parameters), parsed by the server with Spanish errors. */
  readonly request: z.ZodType;
  /** The answer's `value` inside the `{ ok: true, value } | { ok: false, error }` envelope; parsed by the device. */
  readonly response: z.ZodType;
  /** Largest request body in bytes, where it differs from the server's default (256 KiB). */
  readonly bodyLimit?: number;
  readonly timeout: RouteTimeout;
  /**
   * The server writes this answer's value as JSON text itself instead of serialising an object
   * (the pull splices the change feed's rows in as the database returned them, for speed:
   * src-server/sync/feed-reader.ts). The device parses it with `response` like any other.
   */
  readonly prebuiltAnswer?: true;
  /**
   * The POST's body is a file's own bytes, of one of these content types, not JSON: `request`
   * then describes the query string. Its size limit is the server's upload limit
   * (VENTANILLA_UPLOAD_MAX_BYTES), checked before the body is read (src-server/http/binary-body.ts).
   */
  readonly upload?: { readonly contentTypes: readonly string[] };
}

/** Keeps each route's literal types (auth kind, schemas) for the map's derived types. */
export const defineRoute = <const R extends ServerRoute>(route: R): R => route;

/** A GET without query parameters (anything sent is ignored), or a POST whose body says nothing. */
export const NoInput = z.object({});

/** A `:name` segment of a route's path. */
const paramSegment = /\/:([A-Za-z][A-Za-z0-9]*)(?=\/|$)/g;

/** The names of a path's `:parameters`, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(paramSegment)].map((match) => match[1] ?? '');
}

/** The path with each `:parameter` replaced by `value(name)` (which must encode it for a URL). */
export function fillPath(path: string, value: (name: string) => string): string {
  return path.replace(paramSegment, (_segment, name: string) => `/${value(name)}`);
}
