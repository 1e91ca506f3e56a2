import { z } from 'zod';
import { defineOperation, anyMode, openToAll } from '../operation';

export const serverStates = ['online', 'offline', 'not-enrolled'] as const;
export const printerStates = ['ready', 'not-configured', 'offline', 'paper-end', 'cover-open', 'unknown'] as const;
/** The certificate dispenser's conditions (src-main/devices/dispenser/dispenser.ts). */
export const dispenserStates = ['ready', 'paper-out', 'jammed', 'offline', 'unknown'] as const;

/** What the status strip shows: connection, sync freshness, printer. Timestamps are ISO 8601 UTC. */
export const DeviceStatus = z.object({
  server: z.object({
    state: z.enum(serverStates),
    /** Last time the server answered, or null if it never has. */
    lastContactAt: z.string().nullable(),
    /** The entity's reference data held by the central server, as it last reported it. */
    subscribers: z.number().int().nonnegative().nullable(),
  }),
  sync: z.object({
    lastPullAt: z.string().nullable(),
    lastPushAt: z.string().nullable(),
    pendingEvents: z.number().int().nonnegative(),
    oldestPendingAt: z.string().nullable(),
    /** Events the server rejected, waiting for a supervisor. */
    parkedEvents: z.number().int().nonnegative(),
    /** Spanish: why the last pull or push failed, when it did (not for a plain lost connection). */
    lastError: z.string().nullable(),
    /** While catching up with a backlog (a new device's first download). */
    progress: z
      .object({
        rowsDone: z.number().int().nonnegative(),
        rowsTotal: z.number().int().nonnegative(),
        percent: z.number().int().min(0).max(100),
        secondsLeft: z.number().int().nonnegative().nullable(),
      })
      .nullable(),
    /** Server clock minus this device's, in seconds, as last measured; null before any exchange. */
    clockOffsetSeconds: z.number().int().nullable(),
  }),
  printer: z.object({
    state: z.enum(printerStates),
    name: z.string().nullable(),
  }),
  /** A kiosk's certificate dispenser; absent on devices without one. */
  dispenser: z
    .object({
      state: z.enum(dispenserStates),
      /** The device warns that paper is running low while it still dispenses. */
      paperLow: z.boolean(),
    })
    .optional(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const statusOps = {
  'status.get': defineOperation({
    summary: 'Connection to the central server, last sync, pending events and printer state.',
    reach: 'local',
    modes: anyMode,
    auth: openToAll,
    input: z.object({}).strict(),
    output: DeviceStatus,
  }),
};
