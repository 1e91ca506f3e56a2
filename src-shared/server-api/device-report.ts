import { z } from 'zod';
import { dispenserStates, printerStates } from '../api/ops/status';
import { deviceModes } from '../domain/device-mode';

/** Longest text a device may put in a report field: a report is a status, not a log. */
const shortText = z.string().max(200);

/** Where an update stands on the device (the heartbeat's `update`). */
export const updateStates = ['downloading', 'waiting', 'rolled-back'] as const;
export type UpdateState = (typeof updateStates)[number];

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
    /*
     * Added after the first devices shipped: optional, so a device of an older version still
     * reports (the schema is strict, an unknown key is refused, a missing one is not).
     */
    /** Replica rows still to download while catching up with the server; null when the device does not know. */
    replicaRowsBehind: z.number().int().nonnegative().nullable().optional(),
    /**
     * The cash session open on a counter (or a field laptop's open day): who opened it, by staff
     * username, and when. Never a citizen's data. Null when none is open.
     */
    cashSession: z
      .object({ cashier: z.string().max(80), openedAt: z.iso.datetime({ offset: true }) })
      .strict()
      .nullable()
      .optional(),
    /** The last time the app did not stop cleanly, and what it knew of why; null when it never happened. */
    lastCrash: z
      .object({ at: z.iso.datetime({ offset: true }), message: shortText })
      .strict()
      .nullable()
      .optional(),
    /**
     * The last time staff took a kiosk out of citizen service at its hidden gesture (signed in
     * at «Acceso del personal», docs/kiosk-lockdown.md): when, and who by staff username. Null
     * when it never happened; absent from other modes and older versions.
     */
    kioskExit: z
      .object({ at: z.iso.datetime({ offset: true }), staff: z.string().max(64) })
      .strict()
      .nullable()
      .optional(),
    /**
     * An update the device is in the middle of (docs/updates.md): `downloading` a version,
     * `waiting` to install a downloaded one until no payment, print or dispense is in flight
     * (`detail`: what it waits for), or `rolled-back` from a version that did not start. Null
     * when none (always, on hosts without an updater such as the web host); absent from older versions.
     */
    update: z
      .object({
        state: z.enum(updateStates),
        version: z.string().max(40),
        detail: shortText.nullable(),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type DeviceReport = z.infer<typeof DeviceReport>;

export const DeviceReportValue = z.object({
  receivedAt: z.string(),
  /** Seconds until the server expects the next report, even if nothing changes. */
  everySeconds: z.number().int().positive(),
});
export type DeviceReportValue = z.infer<typeof DeviceReportValue>;
