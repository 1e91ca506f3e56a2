import { z } from 'zod';

/**
 * The loopback admin routes' shapes for route assignment (`npm run admin -- routes …` while an
 * embedded server holds the PGlite files; http/routes/admin-routes-of-devices.ts).
 */
export const RouteCommand = z
  .object({
    /** The device's name or id. */
    device: z.string().max(200),
    routes: z.array(z.string().max(20)).max(200),
  })
  .strict();
export type RouteCommand = z.infer<typeof RouteCommand>;

export const RouteChangeValue = z.object({
  device: z.object({ id: z.string(), name: z.string() }),
  changed: z.array(z.string()),
  unchanged: z.array(z.string()),
});

export const FieldDeviceRoutesValue = z.object({
  id: z.string(),
  name: z.string(),
  lastSeenAt: z.string().nullable(),
  routes: z.array(
    z.object({ code: z.string(), subscribers: z.number(), assignedAt: z.string(), assignedBy: z.string() }),
  ),
});
export type FieldDeviceRoutesValue = z.infer<typeof FieldDeviceRoutesValue>;
