import { z } from 'zod';
import { ServiceState } from '../../kiosk/out-of-service';
import { DiagnosticSent } from './diagnostics';
import { staffRoles } from './staff';
import { defineOperation, kioskOnly, openToAll } from '../operation';

/** What the kiosk's staff screen gets after the hidden gesture and a good password. */
export const KioskStaffAccess = z.object({
  /** The proof `kiosk.leaveKioskMode` asks for; good for a few minutes, forgotten when the visit ends. */
  grantId: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(staffRoles),
  /** True where the host can take the app out of kiosk mode (Electron); a browser's kiosk cannot. */
  canLeaveKiosk: z.boolean(),
});
export type KioskStaffAccess = z.infer<typeof KioskStaffAccess>;

/**
 * A kiosk's lockdown (docs/kiosk-lockdown.md): whether it can serve citizens, the staff sign-in
 * behind the hidden gesture, and what that sign-in opens: leaving kiosk mode, sending a
 * diagnostic. Kiosks only.
 */
export const kioskStaffOps = {
  'kiosk.serviceState': defineOperation({
    summary:
      'Whether the kiosk can serve citizens now: each device its configuration requires (kiosk.requiredDevices) that is down, in citizen words.',
    reach: 'local',
    modes: kioskOnly,
    auth: openToAll,
    input: z.object({}).strict(),
    output: ServiceState,
  }),
  'kiosk.staffSignIn': defineOperation({
    summary:
      'A staff member at the hidden gesture: username and password checked by the central server (kiosks hold no staff accounts). Every try is audit-logged on the device; five failures in five minutes close it for five minutes (`locked`); a cashier is `forbidden`.',
    reach: 'server',
    modes: kioskOnly,
    auth: openToAll,
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
    output: KioskStaffAccess,
  }),
  'kiosk.leaveKioskMode': defineOperation({
    summary:
      'Staff who signed in at the gesture take the app out of kiosk mode (Electron: it closes, drained, for the operating system). Audit-logged; `forbidden` where the host cannot.',
    reach: 'local',
    modes: kioskOnly,
    // The grant is this feature's own (kiosk-staff/kiosk-staff-access.ts), checked by it: it is
    // not a supervisor's grant, and a new credential kind for one button is not worth a hub edit.
    auth: openToAll,
    input: z.object({ grantId: z.string().min(1).max(100) }).strict(),
    output: z.object({ leaving: z.literal(true) }),
  }),
  'kiosk.sendDiagnostic': defineOperation({
    summary:
      '«Enviar diagnóstico» from the kiosk’s staff screen: what `diagnostics.send` does at a counter, for the supervisor, ' +
      'support agent or admin the gesture’s sign-in let in (the server checked the role). Audit-logged; needs the server.',
    reach: 'server',
    modes: kioskOnly,
    // The same grant as kiosk.leaveKioskMode, checked by the kiosk-staff feature (a kiosk holds no
    // staff accounts, so staff.authorize's supervisor grant cannot exist here).
    auth: openToAll,
    input: z.object({ grantId: z.string().min(1).max(100) }).strict(),
    output: DiagnosticSent,
  }),
};
