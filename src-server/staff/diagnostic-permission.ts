import type { DeviceMode } from '../../src-shared/domain/device-mode';
import { kioskStaffRoles } from '../../src-shared/server-api/kiosk-staff-api';
import { diagnosticRequestMaxMs, diagnosticRequestMessage } from '../../src-shared/sync/approval';
import type { DiagnosticPermission } from '../../src-shared/server-api/diagnostic-routes';
import { approvalMatches, signApproval } from '../../src-node/staff-credentials';
import type { SqlExecutor } from '../db/sql-executor';
import { approverRoles, readStaff } from '../sync/staff-directory';

/**
 * Who may ask for «Enviar diagnóstico» on each kind of device (docs/operations.md): at a kiosk,
 * the staff let in at its hidden corner; at a counter or a field laptop, a supervisor.
 */
export function diagnosticRoles(mode: DeviceMode): readonly string[] {
  return mode === 'kiosk' ? kioskStaffRoles : approverRoles;
}

/** How long the permission a kiosk's corner sign-in carries lasts: the kiosk's grant's life. */
export const kioskDiagnosticMs = 10 * 60_000;

/**
 * The permission the server gives a kiosk at the corner's sign-in: signed here with the staff
 * member's own approval key (a kiosk never learns it), for that kiosk only. Null for a member
 * without an approval key (their password predates the keys: it must be set again).
 */
export async function kioskDiagnosticPermission(
  exec: SqlExecutor,
  deviceId: string,
  username: string,
  now: Date,
): Promise<DiagnosticPermission | null> {
  const key = (await readStaff(exec, [username])).get(username)?.approvalKey ?? null;
  if (key === null) return null;
  const until = new Date(now.getTime() + kioskDiagnosticMs).toISOString();
  return { until, proof: signApproval(key, diagnosticRequestMessage({ deviceId, staff: username, until })) };
}

/** Why the server refuses a diagnostic: `reason` goes to the log (no name in it), `message` to the device. */
export interface DiagnosticRefusal {
  readonly reason: 'unknown-staff' | 'inactive' | 'role' | 'no-key' | 'expired' | 'too-far' | 'proof';
  readonly message: string;
}

/**
 * Checks the staff member a diagnostic upload names against the server's own staff table (a
 * copied device token must not store bundles under any name it likes): known, active, of a role
 * that may ask on this kind of device, with an approval key whose signature of the request for
 * THIS device and `until` is the proof, and `until` neither past nor more than 15 minutes ahead
 * of the server's clock. Null when the upload may go on.
 */
export async function diagnosticPermissionRefusal(
  exec: SqlExecutor,
  device: { readonly id: string; readonly mode: DeviceMode },
  request: { readonly requestedBy: string } & DiagnosticPermission,
  now: Date,
): Promise<DiagnosticRefusal | null> {
  const refused = (reason: DiagnosticRefusal['reason'], message: string): DiagnosticRefusal => ({ reason, message });
  const until = Date.parse(request.until);
  if (!Number.isFinite(until) || until <= now.getTime())
    return refused(
      'expired',
      'El permiso para enviar el diagnóstico venció. Ingrese de nuevo y envíelo otra vez; si vuelve a pasar, revise la hora del equipo.',
    );
  if (until > now.getTime() + diagnosticRequestMaxMs)
    return refused(
      'too-far',
      'El permiso para enviar el diagnóstico dura más de lo permitido. Revise la fecha y la hora del equipo.',
    );
  const staff = (await readStaff(exec, [request.requestedBy])).get(request.requestedBy);
  const notAllowed = 'Quien pidió el diagnóstico no puede enviarlo desde este equipo.';
  if (staff === undefined) return refused('unknown-staff', notAllowed);
  if (!staff.active) return refused('inactive', notAllowed);
  if (!diagnosticRoles(device.mode).includes(staff.role)) return refused('role', notAllowed);
  if (staff.approvalKey === null)
    return refused(
      'no-key',
      'Quien pidió el diagnóstico no tiene llave de aprobación en el servidor central: pida al área de sistemas que le asigne de nuevo la contraseña.',
    );
  const message = diagnosticRequestMessage({ deviceId: device.id, staff: request.requestedBy, until: request.until });
  if (!approvalMatches(staff.approvalKey, message, request.proof))
    return refused('proof', 'El permiso para enviar el diagnóstico no tiene una firma válida para este equipo.');
  return null;
}
