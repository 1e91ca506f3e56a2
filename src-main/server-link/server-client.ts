import { z } from 'zod';
import { errorCodes, err, ok, type Result } from '../../src-shared/api/result';

/** What the central server answers to a device saying hello (src-server's /v1/device/hello). */
export const Hello = z.object({
  deviceId: z.string(),
  deviceName: z.string(),
  mode: z.string(),
  serverTime: z.string(),
  deployment: z.object({ id: z.string() }),
  entity: z.object({ name: z.string(), nit: z.string(), city: z.string() }).passthrough().nullable(),
  counts: z.object({ subscribers: z.number().int().nonnegative() }),
});
export type Hello = z.infer<typeof Hello>;

export const Enrollment = z.object({
  deviceId: z.string(),
  deviceName: z.string(),
  mode: z.string(),
  token: z.string().min(20),
  deployment: z.object({ id: z.string() }),
});
export type Enrollment = z.infer<typeof Enrollment>;

const ErrorBody = z.object({ ok: z.literal(false), error: z.object({ code: z.enum(errorCodes), message: z.string() }) });
const OkBody = z.object({ ok: z.literal(true), value: z.unknown() });

const offlineMessage = 'No hay conexión con el servidor central. Intente de nuevo en unos minutos.';

/** HTTP client of the central server's device API. Network trouble becomes `offline`, never a throw. */
export class ServerClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 5000,
  ) {}

  enroll(code: string): Promise<Result<Enrollment>> {
    return this.request('POST', '/v1/enroll', null, { code }, Enrollment);
  }

  hello(token: string): Promise<Result<Hello>> {
    return this.request('GET', '/v1/device/hello', token, undefined, Hello);
  }

  private async request<T>(method: string, route: string, token: string | null, body: unknown, schema: z.ZodType<T>): Promise<Result<T>> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${route}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        },
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      return err('offline', offlineMessage);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      return err(response.status >= 500 ? 'offline' : 'internal', offlineMessage);
    }
    const failure = ErrorBody.safeParse(json);
    if (failure.success) return err(failure.data.error.code, failure.data.error.message);
    const success = OkBody.safeParse(json);
    const value = success.success ? schema.safeParse(success.data.value) : null;
    if (!response.ok || !value?.success) {
      return err('internal', 'El servidor central respondió algo inesperado. Avise a soporte técnico.');
    }
    return ok(value.data);
  }
}
