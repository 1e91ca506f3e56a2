import { z } from 'zod';
import { EnrollmentCode } from '../api/ops/device';
import { deviceModes } from '../domain/device-mode';

/**
 * The shapes of the central server's device API (routes.ts has the map of its routes), as zod
 * schemas shared by the server (which parses requests) and the app's server link (which parses
 * answers): one definition of each shape.
 */

const ApiErrorBody = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });

/**
 * `{ ok: true, value } | { ok: false, error }`, the envelope of every device-API and admin
 * answer. Parse the envelope first, then `value` with the route's own schema.
 */
export const ApiEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorBody }),
]);

/** `device.enroll` */
export const EnrollRequest = z.object({ code: EnrollmentCode }).strict();

/** The receipt series the server issued a counter or field device: its prefix and the next number. */
export const ReceiptSeries = z.object({
  prefix: z.string().regex(/^[A-Z0-9]{1,10}$/),
  next: z.number().int().positive(),
});
export type ReceiptSeries = z.infer<typeof ReceiptSeries>;

/**
 * Who the device is, as the server recorded it when the administrator made its code. The
 * device stores it and acts accordingly; the server checks every request against its own copy.
 */
const DeviceIdentity = {
  deviceId: z.string(),
  deviceName: z.string(),
  mode: z.enum(deviceModes),
  /** Código de ruta prefix of a field device; null = the whole entity. */
  scope: z.string().nullable(),
  /** The office the device stands in. */
  office: z.string().nullable(),
  /** Null for kiosks. */
  receiptSeries: ReceiptSeries.nullable(),
};

export const EnrollValue = z.object({
  ...DeviceIdentity,
  /** The device's bearer token; shown once. */
  token: z.string(),
  deployment: z.object({ id: z.string() }),
});
export type EnrollValue = z.infer<typeof EnrollValue>;

/** `device.hello` */
export const HelloValue = z.object({
  ...DeviceIdentity,
  serverTime: z.string(),
  deployment: z.object({ id: z.string() }),
  /** The `entity` setting (name, NIT body, city), or null before one is configured. */
  entity: z.unknown().nullable(),
  counts: z.object({ subscribers: z.number().int().min(0) }),
});
export type HelloValue = z.infer<typeof HelloValue>;

/** `GET /health`, for load balancers and the admin command: not a device-API route, and not enveloped. */
export const HealthBody = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
  time: z.string(),
});
export type HealthBody = z.infer<typeof HealthBody>;
