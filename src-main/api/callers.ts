import type { AuthKind } from '../../src-shared/api/operation';
import type { StaffRole } from '../../src-shared/api/ops/staff';
import type { Result } from '../../src-shared/api/result';

/** A staff member as the device knows them from the replicated staff accounts. */
export interface StaffMember {
  readonly username: string;
  readonly fullName: string;
  readonly role: StaffRole;
}

/** The código interno whose bills this kiosk visit may see (its questions were answered, or the citizen's account links it). */
export interface KioskVisit {
  readonly codigoInterno: number;
}

/** A citizen's account session opened at this kiosk in this visit; the central server checks it again on every call. */
export interface CitizenSession {
  readonly session: string;
}

/** A short-lived proof that a staff member typed their credentials on this device (staff.authorize). */
export interface StaffGrant extends StaffMember {
  readonly grantId: string;
  readonly expiresAt: string;
}

/** Who is calling, by the operation's auth kind (src-shared/api/operation.ts): what its handler is given. */
export interface Callers {
  readonly none: null;
  readonly 'kiosk-visit': KioskVisit;
  readonly 'citizen-session': CitizenSession;
  readonly 'staff-session': StaffMember;
  /** A grant whose role is `supervisor` (the dispatcher checks it). */
  readonly 'supervisor-grant': StaffGrant;
}

export type CredentialKind = Exclude<AuthKind, 'none'>;

/**
 * Finds the caller a credential belongs to, or `session-ended` in the words the screen shows.
 * Each is given by the feature that issues the credential (bills: access ids; cashier: staff
 * sessions; staff: grants; accounts: citizen sessions). Roles are checked by the dispatcher.
 */
export type CallerResolvers = { readonly [K in CredentialKind]: (credential: string) => Result<Callers[K]> };
