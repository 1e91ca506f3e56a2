import { z } from 'zod';
import { dispenserStates, printerStates } from '../api/ops/status';
import { deviceModes } from '../domain/device-mode';

/** Longest text a device may put in a report field: a report is a status, not a log. */
const shortText = z.string().max(200);

/**
 * What a device says about itself every few minutes and whenever something changes (the
 * heartbeat): version, devices, what waits to be sent, its clock, its disk. Statements, not
 * claims: the server keeps them for staff (the certificates page shows each kiosk's dispenser)
 * and decides nothing from them — the mode and office it acts on are the ones it enrolled.
 * No personal data: no names, documents or amounts of citizens.
 */
export const DeviceReport = z
  .object({
    appVersion: z.string().max(40),
    /** The mode the device runs in, as its configuration says (the server compares, never trusts). */
    mode: z.enum(deviceModes),
    /** When the device made this report, by its own clock (ISO 8601). */
    madeAt: z.iso.datetime({ offset: true }),
    printer: z.object({ state: z.enum(printerStates), name: shortText.nullable() }),
    /** A kiosk's certificate dispenser; null on devices without one. */
    dispenser: z.object({ state: z.enum(dispenserStates), paperLow: z.boolean() }).nullable(),
    outbox: z.object({
      pending: z.number().int().nonnegative(),
      parked: z.number().int().nonnegative(),
      oldestPendingAt: z.iso.datetime({ offset: true }).nullable(),
    }),
    /** Server clock minus the device's, in seconds, as last measured; null before any exchange. */
    clockOffsetSeconds: z.number().int().nullable(),
    /** Free bytes where the device keeps its store; null when the system would not say. */
    freeDiskBytes: z.number().int().nonnegative().nullable(),
  })
  .strict();
export type DeviceReport = z.infer<typeof DeviceReport>;

export const DeviceReportValue = z.object({
  receivedAt: z.string(),
  /** Seconds until the server expects the next report, even if nothing changes. */
  everySeconds: z.number().int().positive(),
});
export type DeviceReportValue = z.infer<typeof DeviceReportValue>;
