import type { DiagnosticSent } from '../../src-shared/api/ops/diagnostics';
import { ok, type Result } from '../../src-shared/api/result';
import { serviceState, type DeviceReadings, type KioskDevice } from '../../src-shared/kiosk/out-of-service';
import type { Slice } from '../api/slice';
import type { DeviceMeta } from '../device/device-meta';
import type { DiagnosticAsker } from '../diagnostics/start-diagnostics';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import type { Store } from '../store/open-store';
import { KioskStaffGate } from './kiosk-staff-access';

export interface KioskStaffDeps {
  readonly store: Store;
  readonly meta: DeviceMeta;
  readonly client: Pick<ServerClient, 'call'>;
  /** `kiosk.requiredDevices` of the config file. */
  readonly requiredDevices: readonly KioskDevice[];
  /** What each device says now, from the printers' and the dispenser's status caches. */
  readonly readings: () => Promise<DeviceReadings>;
  /** The host's way out of kiosk mode (Electron); absent on the web host. */
  readonly leaveKioskMode?: () => void;
  /** «Enviar diagnóstico» (diagnostics/start-diagnostics.ts), for the staff member the grant names, with the server's permission. */
  readonly sendDiagnostic: (asker: DiagnosticAsker) => Promise<Result<DiagnosticSent>>;
  readonly log: Logger;
  /** The wall clock (ms); tests move it to see a lock expire. Date.now when absent. */
  readonly now?: () => number;
}

/** A kiosk's lockdown on the Node side: in or out of service, and staff at the hidden gesture. */
export function startKioskStaff(deps: KioskStaffDeps): Slice {
  const gate = new KioskStaffGate({
    store: deps.store,
    meta: deps.meta,
    client: deps.client,
    log: deps.log,
    sendDiagnostic: deps.sendDiagnostic,
    ...(deps.leaveKioskMode === undefined ? {} : { leaveKioskMode: deps.leaveKioskMode }),
    ...(deps.now === undefined ? {} : { now: deps.now }),
  });
  return {
    name: 'kiosk-staff',
    handlers: {
      'kiosk.serviceState': async () => ok(serviceState(deps.requiredDevices, await deps.readings())),
      'kiosk.staffSignIn': (input) => gate.signIn(input.username, input.password),
      'kiosk.leaveKioskMode': (input) => Promise.resolve(gate.leave(input.grantId)),
      'kiosk.sendDiagnostic': (input) => gate.sendDiagnostic(input.grantId),
    },
    endVisit: () => gate.forget(),
    stop: () => Promise.resolve(),
  };
}
