import { z } from 'zod';
import { EnrollmentCode } from '../api/ops/device';
import { deviceModes } from '../domain/device-mode';

/**
 * The central server's device API (`/v1`), as zod schemas shared by the server (which parses
 * requests) and the app's server link (which parses answers): one definition of each shape.
 */

const ApiErrorBody = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });

/**
 * `{ ok: true, value } | { ok: false, error }`, the envelope of every `/v1` and `/admin`
 * answer. Parse the envelope first, then `value` with the route's own schema.
 */
export const ApiEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorBody }),
]);

/** POST /v1/enroll */
export const EnrollRequest = z.object({ code: EnrollmentCode }).strict();

export const EnrollValue = z.object({
  deviceId: z.string(),
  deviceName: z.string(),
  mode: z.enum(deviceModes),
  /** The device's bearer token; shown once. */
  token: z.string(),
  deployment: z.object({ id: z.string() }),
});
export type EnrollValue = z.infer<typeof EnrollValue>;

/** GET /v1/device/hello */
export const HelloValue = z.object({
  deviceId: z.string(),
  deviceName: z.string(),
  mode: z.enum(deviceModes),
  serverTime: z.string(),
  deployment: z.object({ id: z.string() }),
  /** The `entity` setting (name, NIT body, city), or null before one is configured. */
  entity: z.unknown().nullable(),
  counts: z.object({ subscribers: z.number().int().min(0) }),
});
export type HelloValue = z.infer<typeof HelloValue>;

/** GET /health */
export const HealthBody = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
  time: z.string(),
});
export type HealthBody = z.infer<typeof HealthBody>;
