import { z } from 'zod';
import { defineOperation } from '../operation';

export const serverStates = ['online', 'offline', 'not-enrolled'] as const;
export const printerStates = ['ready', 'not-configured', 'offline', 'paper-end', 'cover-open', 'unknown'] as const;

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
  }),
  printer: z.object({
    state: z.enum(printerStates),
    name: z.string().nullable(),
  }),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const statusOps = {
  'status.get': defineOperation({
    summary: 'Connection to the central server, last sync, pending events and printer state.',
    reach: 'local',
    input: z.object({}).strict(),
    output: DeviceStatus,
  }),
};
