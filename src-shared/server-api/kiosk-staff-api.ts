import { z } from 'zod';
import { staffRoles } from '../api/ops/staff';
import { DiagnosticPermission } from './diagnostic-routes';

/**
 * A staff member signing in at a kiosk's hidden gesture (docs/kiosk-lockdown.md). A kiosk holds
 * no staff accounts (docs/trust-model.md), so it asks the central server, which checks the
 * password and throttles per username and per device as the console's «Ingresar» does.
 */
export const KioskStaffSignIn = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })
  .strict();
export type KioskStaffSignIn = z.infer<typeof KioskStaffSignIn>;

/**
 * Who signed in: enough for the kiosk's audit line and its staff screen, nothing more; and the
 * permission to send a diagnostic from this kiosk that the server signed with the member's
 * approval key (null for a member whose password predates approval keys). The kiosk keeps it
 * in memory with the grant and never shows it.
 */
export const KioskStaffMember = z.object({
  username: z.string().max(64),
  fullName: z.string().max(200),
  role: z.enum(staffRoles),
  diagnostic: DiagnosticPermission.nullable(),
});
export type KioskStaffMember = z.infer<typeof KioskStaffMember>;

/** The roles that may open a kiosk's staff screen and take it out of kiosk mode: not a cashier. */
export const kioskStaffRoles = [
  'supervisor',
  'soporte',
  'admin',
] as const satisfies readonly (typeof staffRoles)[number][];
