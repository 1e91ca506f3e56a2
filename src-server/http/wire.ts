import { z } from 'zod';
import { deviceModes } from '../../src-shared/domain/device-mode';

/**
 * Request and response bodies of the central server's HTTP API. The device API lives in
 * src-shared (the app parses it too); the admin routes' shapes are the server's own.
 */

export {
  ApiEnvelope,
  EnrollRequest,
  EnrollValue,
  HealthBody,
  HelloValue,
} from '../../src-shared/server-api/device-api';

/** Admin routes (loopback, local admin token): dates travel as ISO strings. */
export const AdminEnrollmentCodeValue = z.object({ code: z.string(), expiresAt: z.string() });

export const AdminDeviceValue = z.object({
  id: z.string(),
  name: z.string(),
  mode: z.enum(deviceModes),
  scope: z.string().nullable(),
  office: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type AdminDeviceValue = z.infer<typeof AdminDeviceValue>;

export const AdminRevokeValue = z.object({ outcome: z.enum(['revoked', 'already-revoked']) });
