import type { DeviceMode } from '../../src-shared/domain/device-mode';
import type { DeviceReport } from '../../src-shared/server-api/device-report';

/**
 * The fleet view's rules (docs/device-report.md, «The fleet view»): from a device's latest
 * heartbeat and the time now, what is wrong with it and how bad. Pure: the page, the tests
 * and a future alert mail read the same answer.
 */

export const fleetStates = ['ok', 'atencion', 'caido'] as const;
export type FleetState = (typeof fleetStates)[number];

export const fleetStateLabel: Record<FleetState, string> = {
  ok: 'OK',
  atencion: 'Atención',
  caido: 'Caído',
};

export const fleetLimits = {
  /** Silent longer than this (5 minutes, five heartbeats of 60 s): down. */
  silentMs: 5 * 60_000,
  /** An event waiting longer than this to reach the server (1 hour). */
  outboxMs: 60 * 60_000,
  /** Clock off by more than this many seconds (2 minutes), either way. */
  clockSeconds: 120,
} as const;

export type FleetAlertCode =
  | 'silent'
  | 'never-reported'
  | 'printer'
  | 'dispenser'
  | 'paper-low'
  | 'outbox-old'
  | 'clock'
  | 'parked'
  | 'update-rolled-back';

export interface FleetAlert {
  readonly code: FleetAlertCode;
  /** How bad: a down device cannot serve; a warning needs someone soon. */
  readonly level: Exclude<FleetState, 'ok'>;
  /** Spanish, for staff. */
  readonly text: string;
}

export interface FleetInput {
  readonly mode: DeviceMode;
  /** When the server received the latest report; null: never. */
  readonly receivedAt: Date | null;
  /** The latest report, or null (never, or unreadable). */
  readonly report: DeviceReport | null;
}

const printerWords: Partial<Record<DeviceReport['printer']['state'], string>> = {
  'paper-end': 'La impresora no tiene papel',
  'cover-open': 'La impresora tiene la tapa abierta',
  offline: 'La impresora no responde',
};

const dispenserWords: Partial<Record<NonNullable<DeviceReport['dispenser']>['state'], string>> = {
  'paper-out': 'El dispensador de certificados no tiene papel',
  jammed: 'El dispensador de certificados está atascado',
  offline: 'El dispensador de certificados no responde',
};

/** Every alert of one device, worst first. */
export function fleetAlerts(input: FleetInput, now: Date): FleetAlert[] {
  const alerts: FleetAlert[] = [];
  if (input.receivedAt === null) {
    alerts.push({ code: 'never-reported', level: 'caido', text: 'Nunca ha enviado un reporte' });
  } else if (now.getTime() - input.receivedAt.getTime() > fleetLimits.silentMs) {
    const minutes = Math.floor((now.getTime() - input.receivedAt.getTime()) / 60_000);
    alerts.push({ code: 'silent', level: 'caido', text: `Sin reporte hace ${minutes} minutos` });
  }
  const report = input.report;
  if (report !== null) {
    // A kiosk serves citizens alone: its printer and its dispenser are what it is for. A counter or
    // a field laptop has staff beside it who can hand over a receipt another way.
    const required = input.mode === 'kiosk';
    const deviceLevel = required ? 'caido' : 'atencion';
    const printer = printerWords[report.printer.state];
    if (printer !== undefined) alerts.push({ code: 'printer', level: deviceLevel, text: printer });
    const dispenser = report.dispenser;
    if (dispenser !== null) {
      const words = dispenserWords[dispenser.state];
      if (words !== undefined) alerts.push({ code: 'dispenser', level: deviceLevel, text: words });
      else if (dispenser.paperLow)
        alerts.push({ code: 'paper-low', level: 'atencion', text: 'Al dispensador le queda poco papel' });
    }
    const oldest = report.outbox.oldestPendingAt;
    if (oldest !== null && now.getTime() - new Date(oldest).getTime() > fleetLimits.outboxMs)
      alerts.push({
        code: 'outbox-old',
        level: 'atencion',
        text: `Hay eventos sin enviar desde hace más de una hora (${report.outbox.pending} pendientes)`,
      });
    const offset = report.clockOffsetSeconds;
    if (offset !== null && Math.abs(offset) > fleetLimits.clockSeconds)
      alerts.push({
        code: 'clock',
        level: 'atencion',
        text: `El reloj está ${Math.round(Math.abs(offset) / 60)} minutos ${offset > 0 ? 'atrasado' : 'adelantado'}`,
      });
    if (report.outbox.parked > 0)
      alerts.push({
        code: 'parked',
        level: 'atencion',
        text: `${report.outbox.parked} ${report.outbox.parked === 1 ? 'evento detenido' : 'eventos detenidos'} esperando a un supervisor`,
      });
    if (report.update?.state === 'rolled-back')
      alerts.push({
        code: 'update-rolled-back',
        level: 'atencion',
        text: `La versión ${report.update.version} no arrancó en este equipo y se descartó`,
      });
  }
  return alerts.sort((a, b) => rank(b.level) - rank(a.level));
}

/** The device's state: its worst alert's, or ok. */
export function fleetState(alerts: readonly FleetAlert[]): FleetState {
  return alerts.reduce<FleetState>((worst, a) => (rank(a.level) > rank(worst) ? a.level : worst), 'ok');
}

const rank = (state: FleetState): number => fleetStates.indexOf(state);
