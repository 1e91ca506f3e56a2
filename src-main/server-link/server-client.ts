import { errorCodes, err, ok, type ErrorCode, type Result } from '../../src-shared/api/result';
import { ApiEnvelope } from '../../src-shared/server-api/device-api';
import {
  accountSessionHeader,
  type AuthCredentials,
  type AuthKind,
  type RouteTimeout,
} from '../../src-shared/server-api/route';
import {
  serverRoutes,
  type RouteCredentials,
  type RouteInput,
  type RouteName,
  type RouteValue,
} from '../../src-shared/server-api/routes';
import type { EnrollValue, HelloValue } from '../../src-shared/server-api/device-api';
import type { PullQuery, PullValue, PushedEvent, PushValue } from '../../src-shared/server-api/sync-api';
import { routeTarget } from './route-target';
import { createServerFetch, tlsFailureMessage, type ServerFetch } from './server-fetch';
import { serverUrlRefusal } from './server-url-policy';

const isErrorCode = (code: string): code is ErrorCode => (errorCodes as readonly string[]).includes(code);

const offlineMessage = 'No hay conexión con el servidor central. Intente de nuevo en unos minutos.';

export interface ServerClientOptions {
  /** PEM of the certificate authority that signs the server's certificate (VENTANILLA_SERVER_CA); null: the system's. */
  readonly ca?: string | null;
  readonly timeoutMs?: number;
}

/** The route's timeout class as a multiple of the client's base timeout (route.ts says why each). */
const timeoutFactor: Record<RouteTimeout, number> = { short: 1, long: 3, bulk: 4 };

/**
 * What one call says about the link, for whoever keeps the connection state
 * (connection-monitor.ts): `unreachable` when no answer came (refused, reset, timed out, TLS),
 * `answered` when the server answered with a value. A refusal or an error page from a server
 * that did answer (4xx, 5xx with a body) is neither: it says nothing about the network.
 */
export type LinkOutcome = 'answered' | 'unreachable';
export type LinkListener = (route: RouteName, outcome: LinkOutcome) => void;

export interface CallOptions {
  /** Aborts the call (the sync loop stopping); the call then reads as `offline`. */
  readonly signal?: AbortSignal;
  /** Added to the route's timeout: the wait a long-polling pull asked the server for. */
  readonly extraMs?: number;
  /** The file of a route marked `upload` in the map: sent as its own bytes with its content type. */
  readonly upload?: { readonly bytes: Uint8Array; readonly contentType: string };
}

/**
 * HTTP client of the central server's device API, derived from the route map
 * (src-shared/server-api/routes.ts): `call` builds any route's request from the map and parses
 * its answer with the map's response schema. Network trouble becomes `offline`, never a throw;
 * a TLS problem (untrusted, expired or misnamed certificate) becomes `internal` with a
 * message that says so, since waiting will not fix it.
 */
export class ServerClient {
  private readonly timeoutMs: number;
  private readonly fetch: ServerFetch;
  /** Set when `baseUrl` is plain HTTP to another machine: nothing is ever sent there. */
  private readonly refusal: string | null;
  private readonly linkListeners = new Set<LinkListener>();

  constructor(
    private readonly baseUrl: string,
    options: ServerClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.fetch = createServerFetch(options.ca ?? null);
    this.refusal = serverUrlRefusal(baseUrl);
  }

  /** Told the link's outcome of every call (see LinkOutcome); returns the unsubscribe. */
  onLinkOutcome(listener: LinkListener): () => void {
    this.linkListeners.add(listener);
    return () => this.linkListeners.delete(listener);
  }

  enroll(code: string): Promise<Result<EnrollValue>> {
    return this.call('device.enroll', { code }, null);
  }

  hello(token: string): Promise<Result<HelloValue>> {
    return this.call('device.hello', {}, { token });
  }

  /** One page of the change feed; `wait` makes it a long poll, so the timeout grows with it. */
  pull(
    token: string,
    query: Pick<PullQuery, 'cursor' | 'limit' | 'wait' | 'count'>,
    signal?: AbortSignal,
  ): Promise<Result<PullValue>> {
    const { cursor, limit, wait, count } = query;
    return this.call('sync.pull', { cursor, limit, wait, count }, { token }, { signal, extraMs: wait });
  }

  /** A batch of outbox events. `offline` here means the outcome is unknown: send them again. */
  push(token: string, events: readonly PushedEvent[], signal?: AbortSignal): Promise<Result<PushValue>> {
    return this.call('sync.push', { events: [...events] }, { token }, { signal });
  }

  /** Calls one route of the map with the credentials its auth kind needs; the answer is parsed with the route's response schema. */
  async call<K extends RouteName>(
    name: K,
    input: RouteInput<K>,
    credentials: RouteCredentials<K>,
    options: CallOptions = {},
  ): Promise<Result<RouteValue<K>>> {
    const answer = await this.exchange(name, input, credentials, options);
    if (!answer.ok) return answer;
    const parsed = parseAnswer(name, answer.value.status, answer.value.text);
    if (parsed.ok) this.tell(name, 'answered');
    return parsed;
  }

  /**
   * Calls a route whose answer the caller reads as text itself (a snapshot part, whose rows it
   * hashes as sent: src-main/sync/snapshot-part.ts). A refusal is parsed as `call` does.
   */
  async callText<K extends RouteName>(
    name: K,
    input: RouteInput<K>,
    credentials: RouteCredentials<K>,
    options: CallOptions = {},
  ): Promise<Result<string>> {
    const answer = await this.exchange(name, input, credentials, options);
    if (!answer.ok) return answer;
    const { status, text } = answer.value;
    if (status >= 200 && status < 300 && text.startsWith('{"ok":true,')) {
      this.tell(name, 'answered');
      return ok(text);
    }
    const parsed = parseAnswer(name, status, text);
    return parsed.ok ? err('internal', unexpectedAnswerMessage) : parsed;
  }

  private async exchange<K extends RouteName>(
    name: K,
    input: RouteInput<K>,
    credentials: RouteCredentials<K>,
    options: CallOptions,
  ): Promise<Result<{ status: number; text: string }>> {
    const route = serverRoutes[name];
    if (this.refusal !== null) return err('internal', this.refusal);
    // Every request schema of the map is an object (routes.ts), so its input is a record of fields.
    const target = routeTarget(route, input as Readonly<Record<string, unknown>>);
    const timeoutMs = this.timeoutMs * timeoutFactor[route.timeout] + (options.extraMs ?? 0);
    const { signal } = options;
    let response: Awaited<ReturnType<ServerFetch>>;
    try {
      response = await this.fetch(`${this.baseUrl}${target.path}`, {
        method: route.method,
        headers: {
          ...(options.upload !== undefined
            ? { 'content-type': options.upload.contentType }
            : target.body === null
              ? {}
              : { 'content-type': 'application/json' }),
          ...credentialHeaders(route.auth, credentials),
        },
        body: options.upload?.bytes ?? target.body,
        signal:
          signal === undefined
            ? AbortSignal.timeout(timeoutMs)
            : AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
    } catch (error) {
      this.tellUnreachable(name, signal);
      const tls = tlsFailureMessage(error);
      return tls === null ? err('offline', offlineMessage) : err('internal', tls);
    }
    try {
      return ok({ status: response.status, text: await response.text() });
    } catch {
      // The connection broke or stalled mid-answer: a network failure like any other.
      this.tellUnreachable(name, signal);
      return err('offline', offlineMessage);
    }
  }

  /** A call its caller aborted (the sync loop stopping) says nothing about the network. */
  private tellUnreachable(name: RouteName, signal: AbortSignal | undefined): void {
    if (signal?.aborted !== true) this.tell(name, 'unreachable');
  }

  private tell(name: RouteName, outcome: LinkOutcome): void {
    for (const listener of this.linkListeners) listener(name, outcome);
  }
}

const unexpectedAnswerMessage = 'El servidor central respondió algo inesperado. Avise a soporte técnico.';

/** An answer's envelope: the refusal it carries, or its value parsed with the route's response schema. */
function parseAnswer<K extends RouteName>(name: K, status: number, text: string): Result<RouteValue<K>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err(status >= 500 ? 'offline' : 'internal', offlineMessage);
  }
  const envelope = ApiEnvelope.safeParse(json);
  if (envelope.success && !envelope.data.ok) {
    const { code, message } = envelope.data.error;
    // A code this version does not know (a newer server) is still a refusal, shown as sent.
    return err(isErrorCode(code) ? code : 'internal', message);
  }
  const value =
    envelope.success && envelope.data.ok ? serverRoutes[name].response.safeParse(envelope.data.value) : null;
  if (status < 200 || status >= 300 || !value?.success) return err('internal', unexpectedAnswerMessage);
  // The route's own response schema just proved the shape; the cast only names the type zod inferred.
  return ok(value.data as RouteValue<K>);
}

/** The headers that carry a call's credentials, by the route's auth kind. */
function credentialHeaders(auth: AuthKind, credentials: AuthCredentials[AuthKind]): Record<string, string> {
  if (auth === 'none' || credentials === null) return {};
  const session = 'session' in credentials ? credentials.session : null;
  return {
    authorization: `Bearer ${credentials.token}`,
    ...(session === null || auth === 'device' ? {} : { [accountSessionHeader]: session }),
  };
}
