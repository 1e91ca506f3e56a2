import { z } from 'zod';
import { EnrollmentCode } from '../../src-shared/api/ops/device';
import { deviceModes } from '../../src-shared/domain/device-mode';

/**
 * Request and response bodies of the central server's HTTP API, as zod schemas so that both
 * the server (requests) and its clients — the admin command, tests, the app's server link —
 * parse the same shapes instead of trusting them.
 */

const ApiErrorBody = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });

/**
 * `{ ok: true, value } | { ok: false, error }`, the envelope of every `/v1` and `/admin`
 * answer. Parse the envelope first, then `value` with the operation's own schema.
 */
export const ApiEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorBody }),
]);

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

export const HelloValue = z.object({
  deviceId: z.string(),
  deviceName: z.string(),
  mode: z.enum(deviceModes),
  serverTime: z.string(),
  deployment: z.object({ id: z.string() }),
  entity: z.unknown().nullable(),
  counts: z.object({ subscribers: z.number().int().min(0) }),
});
export type HelloValue = z.infer<typeof HelloValue>;

export const HealthBody = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
  time: z.string(),
});
export type HealthBody = z.infer<typeof HealthBody>;

/** Admin routes (loopback, local admin token): dates travel as ISO strings. */
export const AdminEnrollmentCodeValue = z.object({ code: z.string(), expiresAt: z.string() });

export const AdminDeviceValue = z.object({
  id: z.string(),
  name: z.string(),
  mode: z.enum(deviceModes),
  scope: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type AdminDeviceValue = z.infer<typeof AdminDeviceValue>;

export const AdminRevokeValue = z.object({ outcome: z.enum(['revoked', 'already-revoked']) });
