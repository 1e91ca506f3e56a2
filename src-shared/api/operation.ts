import type { z } from 'zod';
import { deviceModes, type DeviceMode } from '../domain/device-mode';

/** One operation of the API contract: its input and output schemas and what it is for. */
export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** What the operation does, for people reading the contract. */
  readonly summary: string;
  /**
   * `local`: answered from the device's own store and devices, works offline.
   * `server`: needs the central server; returns `offline` without it.
   */
  readonly reach: 'local' | 'server';
  /**
   * The device modes that serve it. The dispatcher refuses it on any other (a kiosk has no
   * cashier or staff operations); the mode is the one the central server enrolled the device as.
   */
  readonly modes: readonly DeviceMode[];
}

/** Every mode: what any device does (its status, its enrollment, its printers). */
export const anyMode: readonly DeviceMode[] = deviceModes;
/** Citizens' self-service. */
export const kioskOnly: readonly DeviceMode[] = ['kiosk'];
/** Where staff take money and sign in: counters and field laptops. */
export const staffModes: readonly DeviceMode[] = ['cashier', 'field'];
/** The counter's own screens. */
export const counterOnly: readonly DeviceMode[] = ['cashier'];

export const defineOperation = <I extends z.ZodType, O extends z.ZodType>(
  op: Operation<I, O>,
): Operation<I, O> => op;
