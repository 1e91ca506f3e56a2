import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { assertNever, type ApiError, type ErrorCode } from '../../src-shared/api/result';
import type { Logger } from '../logger';

/**
 * Every error leaves the server as `{ ok: false, error: { code, message } }` with a Spanish
 * message a device can show as is. Details (stack, SQL) go to the log only.
 */

/** Thrown by route handlers for failures they expect; the error handler turns it into JSON. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly statusCode: number,
    readonly apiError: ApiError,
  ) {
    super(apiError.message);
  }
}

export const INTERNAL_MESSAGE =
  'Ocurrió un error interno en el servidor central. Intente de nuevo en un momento; si continúa, avise a soporte.';

export function statusFor(code: ErrorCode): number {
  switch (code) {
    case 'validation':
      return 400;
    case 'session-ended':
    case 'wrong-credentials':
    case 'not-enrolled':
      return 401;
    case 'forbidden':
    case 'device-locked':
      return 403;
    case 'not-found':
      return 404;
    case 'conflict':
    case 'insufficient-funds':
    case 'clock-skew':
      return 409;
    case 'locked':
      return 429;
    case 'offline':
    case 'printer-offline':
      return 503;
    case 'internal':
      return 500;
    default:
      return assertNever(code);
  }
}

export function sendApiError(reply: FastifyReply, error: ApiError, statusCode = statusFor(error.code)): FastifyReply {
  return reply.code(statusCode).send({ ok: false, error });
}

/**
 * Parses a request body with a zod schema. Type errors come out in Spanish (zod's `es`
 * locale, per parse so no global is touched); messages the schema sets itself win.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body, { error: spanish });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const message = issue?.message ?? 'La solicitud no es válida.';
  throw new HttpError(
    400,
    field === undefined ? { code: 'validation', message } : { code: 'validation', message, field },
  );
}

const spanish = z.locales.es().localeError;

/** Fastify's own 4xx (bad JSON, wrong media type, too large) in our words. */
const frameworkMessages: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'El cuerpo de la solicitud no es JSON válido.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'El cuerpo de la solicitud está vacío; se esperaba JSON.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'El cuerpo de la solicitud debe ser JSON (Content-Type: application/json).',
  FST_ERR_CTP_BODY_TOO_LARGE: 'La solicitud es demasiado grande.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'La longitud declarada de la solicitud no coincide con su contenido.',
};

export function installErrorHandling(app: FastifyInstance, log: Logger): void {
  app.setNotFoundHandler((request, reply) => {
    sendApiError(reply, {
      code: 'not-found',
      message: `No existe la ruta ${request.method} ${request.url.split('?')[0]}.`,
    });
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      sendApiError(reply, error.apiError, error.statusCode);
      return;
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // No body in the log: it may hold a code or personal data.
      log.info({ reqId: request.id, code: error.code, status }, 'Solicitud rechazada');
      const message = frameworkMessages[error.code] ?? 'La solicitud no es válida.';
      sendApiError(reply, { code: 'validation', message }, status);
      return;
    }
    log.error({ reqId: request.id, err: error }, 'Error no controlado al atender una solicitud');
    sendApiError(reply, { code: 'internal', message: INTERNAL_MESSAGE }, 500);
  });
}
