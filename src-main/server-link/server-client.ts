import type { z } from 'zod';
import { errorCodes, err, ok, type ErrorCode, type Result } from '../../src-shared/api/result';
import { accountSessionHeader } from '../../src-shared/server-api/accounts-api';
import { ApiEnvelope, EnrollValue, HelloValue } from '../../src-shared/server-api/device-api';
import { PullValue, PushValue, type PullQuery, type PushedEvent } from '../../src-shared/server-api/sync-api';
import { createServerFetch, tlsFailureMessage, type ServerFetch } from './server-fetch';
import { serverUrlRefusal } from './server-url-policy';

const isErrorCode = (code: string): code is ErrorCode => (errorCodes as readonly string[]).includes(code);

const offlineMessage = 'No hay conexión con el servidor central. Intente de nuevo en unos minutos.';

export interface ServerClientOptions {
  /** PEM of the certificate authority that signs the server's certificate (VENTANILLA_SERVER_CA); null: the system's. */
  readonly ca?: string | null;
  readonly timeoutMs?: number;
}

/**
 * HTTP client of the central server's device API. Network trouble becomes `offline`, never a
 * throw; a TLS problem (untrusted, expired or misnamed certificate) becomes `internal` with a
 * message that says so, since waiting will not fix it.
 */
export class ServerClient {
  private readonly timeoutMs: number;
  private readonly fetch: ServerFetch;
  /** Set when `baseUrl` is plain HTTP to another machine: nothing is ever sent there. */
  private readonly refusal: string | null;

  constructor(
    private readonly baseUrl: string,
    options: ServerClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.fetch = createServerFetch(options.ca ?? null);
    this.refusal = serverUrlRefusal(baseUrl);
  }

  enroll(code: string): Promise<Result<EnrollValue>> {
    return this.request('POST', '/v1/enroll', null, { code }, EnrollValue);
  }

  hello(token: string): Promise<Result<HelloValue>> {
    return this.request('GET', '/v1/device/hello', token, undefined, HelloValue);
  }

  /** One page of the change feed; `wait` makes it a long poll, so the timeout grows with it. */
  pull(token: string, query: Pick<PullQuery, 'cursor' | 'limit' | 'wait' | 'count'>, signal?: AbortSignal): Promise<Result<PullValue>> {
    const params = new URLSearchParams({ cursor: query.cursor, limit: String(query.limit), wait: String(query.wait), count: query.count });
    return this.request('GET', `/v1/sync/pull?${params.toString()}`, token, undefined, PullValue, this.timeoutMs * 4 + query.wait, signal);
  }

  /** A batch of outbox events. `offline` here means the outcome is unknown: send them again. */
  push(token: string, events: readonly PushedEvent[], signal?: AbortSignal): Promise<Result<PushValue>> {
    return this.request('POST', '/v1/sync/push', token, { events }, PushValue, this.timeoutMs * 4, signal);
  }

  /**
   * A citizen-account call (`/v1/accounts/*`): the device token, and the citizen's session
   * when logged in. Hashing makes logins and registrations take a moment, hence the longer wait.
   */
  account<T>(method: 'GET' | 'POST' | 'PUT', route: string, token: string, accountSession: string | null, body: unknown, schema: z.ZodType<T>): Promise<Result<T>> {
    const headers: Record<string, string> = accountSession === null ? {} : { [accountSessionHeader]: accountSession };
    return this.request(method, route, token, body, schema, this.timeoutMs * 3, undefined, headers);
  }

  private async request<T>(
    method: string,
    route: string,
    token: string | null,
    body: unknown,
    schema: z.ZodType<T>,
    timeoutMs = this.timeoutMs,
    signal?: AbortSignal,
    extraHeaders: Record<string, string> = {},
  ): Promise<Result<T>> {
    if (this.refusal !== null) return err('internal', this.refusal);
    let response: Awaited<ReturnType<ServerFetch>>;
    try {
      response = await this.fetch(`${this.baseUrl}${route}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...extraHeaders,
        },
        body: body === undefined ? null : JSON.stringify(body),
        signal: signal === undefined ? AbortSignal.timeout(timeoutMs) : AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
    } catch (error) {
      const tls = tlsFailureMessage(error);
      return tls === null ? err('offline', offlineMessage) : err('internal', tls);
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      // The connection broke or stalled mid-answer: a network failure like any other.
      return err('offline', offlineMessage);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return err(response.status >= 500 ? 'offline' : 'internal', offlineMessage);
    }
    const envelope = ApiEnvelope.safeParse(json);
    if (envelope.success && !envelope.data.ok) {
      const { code, message } = envelope.data.error;
      // A code this version does not know (a newer server) is still a refusal, shown as sent.
      return err(isErrorCode(code) ? code : 'internal', message);
    }
    const value = envelope.success && envelope.data.ok ? schema.safeParse(envelope.data.value) : null;
    if (!response.ok || !value?.success) {
      return err('internal', 'El servidor central respondió algo inesperado. Avise a soporte técnico.');
    }
    return ok(value.data);
  }
}
