import type { DeviceStatus } from '../../src-shared/api/ops/status';
import type { DiagnosticSent } from '../../src-shared/api/ops/diagnostics';
import type { DeviceMode } from '../../src-shared/domain/device-mode';
import { err, ok, type Result } from '../../src-shared/api/result';
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
  readonly log: Logger;
}

const offline =
  'No se envió el diagnóstico: este equipo no tiene conexión con el servidor central. Intente de nuevo cuando vuelva la conexión.';
const notEnrolled = 'No se envió el diagnóstico: este equipo todavía no está inscrito en el servidor central.';

/**
 * «Enviar diagnóstico» (docs/operations.md, "Logs and diagnostics"): a supervisor at a counter
 * or field laptop (or, through `send`, staff let in at a kiosk's hidden corner:
 * kiosk-staff/start-kiosk-staff.ts) sends the last log lines, scrubbed, to the central server,
 * where IT staff read them from the fleet view. Nothing is kept or queued here: without the
 * server the staff member is told so and tries again.
 */
export function startDiagnostics(deps: DiagnosticsDeps): Slice & {
  /** Sends one bundle for `requestedBy`, whose right to ask the caller already checked. */
  readonly send: (requestedBy: string) => Promise<Result<DiagnosticSent>>;
} {
  return {
    name: 'diagnostics',
    send: (requestedBy) => send(deps, requestedBy),
    handlers: {
      'diagnostics.send': (_input, grant) => send(deps, grant.username),
    },
    stop: async () => {},
  };
}

async function send(deps: DiagnosticsDeps, requestedBy: string): Promise<Result<DiagnosticSent>> {
  const token = deps.meta.get('deviceToken');
  if (token === null) return err('not-enrolled', notEnrolled);
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
    { requestedBy },
    { token },
    { upload: { bytes: bundle.gzip, contentType: 'application/gzip' } },
  );
  if (!sent.ok) {
    deps.log.warn({ refusal: sent.error.code, bytes: bundle.gzip.byteLength }, 'diagnostic not sent');
    if (sent.error.code === 'offline') return err('offline', offline);
    return err(sent.error.code, `No se envió el diagnóstico: ${sent.error.message}`);
  }
  deps.log.info({ diagnostic: sent.value.id, bytes: sent.value.sizeBytes, lines: bundle.lines }, 'diagnostic sent');
  return ok({ id: sent.value.id, sizeBytes: sent.value.sizeBytes, lines: bundle.lines });
}
