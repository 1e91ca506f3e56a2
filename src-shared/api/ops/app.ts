import { z } from 'zod';
import { defineOperation, anyMode, openToAll } from '../operation';
import { deviceModes } from '../../domain/device-mode';

/** The entity (utility, chamber of commerce) whose name and NIT head every screen and paper. */
export const EntityInfo = z.object({
  name: z.string(),
  /** NIT with its check digit, as printed: `800.123.456-7`. */
  nit: z.string(),
  city: z.string(),
});
export type EntityInfo = z.infer<typeof EntityInfo>;

export const AppInfo = z.object({
  entity: EntityInfo,
  device: z.object({
    mode: z.enum(deviceModes),
    name: z.string(),
    /** Set once the device is enrolled with a central server. */
    id: z.string().nullable(),
  }),
  version: z.string(),
  /** Seconds of inactivity before the kiosk warns, and seconds of warning before it resets. */
  idle: z.object({ afterSeconds: z.number().int().positive(), warningSeconds: z.number().int().positive() }),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appOps = {
  'app.info': defineOperation({
    summary: 'Who this device is, for which entity, and how its kiosk behaves.',
    reach: 'local',
    modes: anyMode,
    auth: openToAll,
    input: z.object({}).strict(),
    output: AppInfo,
  }),
};
