import { z } from 'zod';
import { anyMode, defineOperation, staffModes, openToAll, supervisorGrant } from '../operation';

/** What the lock screen shows (device-lock/ on the Node side). Timestamps are ISO 8601 UTC. */
export const DeviceLockState = z.object({
  /** The central server refused this device's token (revoked): every citizen and cashier operation is refused. */
  locked: z.boolean(),
  /** When the server first refused the token. */
  since: z.string().nullable(),
  /** When the replica's personal data were wiped from this device, once done. */
  personalDataWipedAt: z.string().nullable(),
  /** Events the server has not accepted (pending or parked), kept encrypted on the device. */
  unsentEvents: z.number().int().nonnegative(),
  /** Of those, money events: payments, voids, cash sessions. */
  unsentMoneyEvents: z.number().int().nonnegative(),
  /** When a supervisor last exported them. */
  lastExportAt: z.string().nullable(),
  /** A supervisor can export here: counters and field devices keep the supervisors' accounts; kiosks hold none. */
  canExport: z.boolean(),
});
export type DeviceLockState = z.infer<typeof DeviceLockState>;

export const deviceLockOps = {
  'device.lockState': defineOperation({
    summary: 'Whether this device is locked because the central server refused its token, and what it keeps.',
    reach: 'local',
    modes: anyMode,
    auth: openToAll,
    input: z.object({}).strict(),
    output: DeviceLockState,
  }),
  'device.exportUnsentEvents': defineOperation({
    summary:
      'A supervisor (grant from staff.authorize) writes the events a locked device could not send to a JSON file ' +
      'under the data folder (`exports/`), for the office to load with `npm run admin -- import-events`. Audit-logged.',
    reach: 'local',
    modes: staffModes,
    auth: supervisorGrant,
    input: z.object({ grantId: z.string().min(16).max(64) }).strict(),
    output: z.object({
      /** Where the file was written, for the supervisor to copy it. */
      file: z.string(),
      events: z.number().int().nonnegative(),
      moneyEvents: z.number().int().nonnegative(),
    }),
  }),
};
