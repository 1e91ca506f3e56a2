import type { DeviceStatus } from '../../src-shared/api/ops/status';
import type { DiagnosticSent } from '../../src-shared/api/ops/diagnostics';
import type { DeviceMode } from '../../src-shared/domain/device-mode';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { DiagnosticPermission } from '../../src-shared/server-api/diagnostic-routes';
import type { Slice } from '../api/slice';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import { buildDiagnosticBundle } from './diagnostic-bundle';

export interface DiagnosticsDeps {
  readonly client: ServerClient;
  readonly meta: DeviceMeta;
  /** Where the rotated log files are (log-files.ts: deviceLogsDir). */
  readonly logsDir: string;
  /** The most log bytes a bundle takes (config `logs.diagnosticBytes`). */
  readonly maxBytes: number;
  readonly appVersion: string;
  /** The config's name, until the server's enrollment names the device. */
  readonly deviceName: string;
  readonly mode: () => DeviceMode;
  readonly status: () => Promise<Result<DeviceStatus>>;
  /** A supervisor's signed permission that came with a grant (staff/staff-authorizer.ts); null without one. */
  readonly permissionOf: (grantId: string) => DiagnosticPermission | null;
  readonly log: Logger;
}

/** Who asks for a diagnostic, with the permission the central server checks (src-shared/sync/approval.ts). */
export interface DiagnosticAsker {
  readonly requestedBy: string;
  /** Null when the staff member holds none: the bundle is not sent. */
  readonly permission: DiagnosticPermission | null;
}

const offline =
  'No se envió el diagnóstico: este equipo no tiene conexión con el servidor central. Intente de nuevo cuando vuelva la conexión.';
const notEnrolled = 'No se envió el diagnóstico: este equipo todavía no está inscrito en el servidor central.';
const noPermission =
  'No se envió el diagnóstico: su ingreso no trae el permiso firmado que pide el servidor central. Ingrese de nuevo e intente otra vez.';

/**
 * «Enviar diagnóstico» (docs/operations.md, "Logs and diagnostics"): a supervisor at a counter
 * or field laptop (or, through `send`, staff let in at a kiosk's hidden corner:
 * kiosk-staff/start-kiosk-staff.ts) sends the last log lines, scrubbed, to the central server,
 * where IT staff read them from the fleet view. Nothing is kept or queued here: without the
 * server the staff member is told so and tries again. The upload carries the staff member's
 * signed permission for this device; the server checks it, since the device's token names nobody.
 */
export function startDiagnostics(deps: DiagnosticsDeps): Slice & {
  /** Sends one bundle for the asker, whose right to ask the caller already checked. */
  readonly send: (asker: DiagnosticAsker) => Promise<Result<DiagnosticSent>>;
} {
  return {
    name: 'diagnostics',
    send: (asker) => send(deps, asker),
    handlers: {
      'diagnostics.send': (input, grant) =>
        send(deps, { requestedBy: grant.username, permission: deps.permissionOf(input.grantId) }),
    },
    stop: async () => {},
  };
}

async function send(deps: DiagnosticsDeps, asker: DiagnosticAsker): Promise<Result<DiagnosticSent>> {
  const token = deps.meta.get('deviceToken');
  if (token === null) return err('not-enrolled', notEnrolled);
  if (asker.permission === null) return err('forbidden', noPermission);
  const status = await deps.status();
  const bundle = await buildDiagnosticBundle(deps.logsDir, deps.maxBytes, {
    appVersion: deps.appVersion,
    mode: deps.mode(),
    deviceName: deps.meta.get('deviceName') ?? deps.deviceName,
    office: deps.meta.get('deviceOffice') || null,
    madeAt: new Date().toISOString(),
    status: status.ok ? status.value : null,
  });
  const sent = await deps.client.call(
    'device.diagnostics',
    { requestedBy: asker.requestedBy, until: asker.permission.until, proof: asker.permission.proof },
    { token },
    { upload: { bytes: bundle.gzip, contentType: 'application/gzip' } },
  );
  if (!sent.ok) {
    deps.log.warn({ refusal: sent.error.code, bytes: bundle.gzip.byteLength }, 'diagnostic not sent');
    if (sent.error.code === 'offline') return err('offline', offline);
    return err(sent.error.code, `No se envió el diagnóstico. ${sent.error.message}`);
  }
  deps.log.info({ diagnostic: sent.value.id, bytes: sent.value.sizeBytes, lines: bundle.lines }, 'diagnostic sent');
  return ok({ id: sent.value.id, sizeBytes: sent.value.sizeBytes, lines: bundle.lines });
}
