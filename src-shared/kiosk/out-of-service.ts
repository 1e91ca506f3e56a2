import { z } from 'zod';
import type { dispenserStates, printerStates } from '../api/ops/status';

/** The devices a kiosk can need to serve citizens (config `kiosk.requiredDevices`). */
export const kioskDevices = ['receipt-printer', 'document-printer', 'dispenser'] as const;
export type KioskDevice = (typeof kioskDevices)[number];

type PrinterState = (typeof printerStates)[number];
type DispenserState = (typeof dispenserStates)[number];

/** What the kiosk knows of each device now; null for one it does not have. */
export interface DeviceReadings {
  readonly 'receipt-printer': PrinterState | null;
  readonly 'document-printer': PrinterState | null;
  readonly dispenser: DispenserState | null;
}

/** One required device that cannot serve, in a citizen's words. */
export const ServiceProblem = z.object({
  device: z.enum(kioskDevices),
  /** What a citizen reads: «La impresora de recibos no tiene papel.» */
  words: z.string(),
});
export type ServiceProblem = z.infer<typeof ServiceProblem>;

/** Whether the kiosk can serve citizens now; `problems` lists each required device that is down. */
export const ServiceState = z.object({
  inService: z.boolean(),
  problems: z.array(ServiceProblem),
});
export type ServiceState = z.infer<typeof ServiceState>;

const deviceNames: Record<KioskDevice, string> = {
  'receipt-printer': 'La impresora de recibos',
  'document-printer': 'La impresora de documentos',
  dispenser: 'El dispensador de certificados',
};

/**
 * A required device is down when it says it cannot work: out of paper, open, jammed, offline,
 * or missing altogether (required but not installed is an installer's mistake a citizen must
 * not find by trying). `unknown` — a printer that does not answer status requests, or one not
 * asked yet — is not down: the print itself will say, and a kiosk must not close for a reading
 * it never gets.
 */
function problemWith(device: KioskDevice, readings: DeviceReadings): string | null {
  const name = deviceNames[device];
  const state = readings[device];
  switch (state) {
    case null:
    case 'not-configured':
      return `${name} no está ${device === 'dispenser' ? 'instalado' : 'instalada'} en este punto.`;
    case 'paper-end':
    case 'paper-out':
      return `${name} se quedó sin papel.`;
    case 'cover-open':
      return `${name} tiene la tapa abierta.`;
    case 'jammed':
      return `${name} tiene el papel atascado.`;
    case 'offline':
      return `${name} no responde.`;
    case 'ready':
    case 'unknown':
      return null;
  }
}

/** In or out of service, from the devices this kiosk requires and what they say now. */
export function serviceState(required: readonly KioskDevice[], readings: DeviceReadings): ServiceState {
  const problems: ServiceProblem[] = [];
  for (const device of kioskDevices) {
    if (!required.includes(device)) continue;
    const words = problemWith(device, readings);
    if (words !== null) problems.push({ device, words });
  }
  return { inService: problems.length === 0, problems };
}

/** Where the kiosk is: its start screen, a citizen's visit, or the staff screens behind the gesture. */
export type KioskPlace = 'start' | 'visit' | 'staff';

/**
 * Whether the screen shows «Fuera de servicio». It never interrupts a citizen mid-visit (the
 * screen they are on says what went wrong with their own print and offers what it can): it takes
 * over the start screen, so nobody starts what cannot finish, and stays until the devices are
 * back. Staff who came in through the gesture see their screens, to put the paper back.
 */
export function showOutOfService(state: ServiceState, place: KioskPlace, showingNow: boolean): boolean {
  if (state.inService || place === 'staff') return false;
  return place === 'start' || showingNow;
}
