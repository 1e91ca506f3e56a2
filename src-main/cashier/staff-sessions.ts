import { randomBytes } from 'node:crypto';
import type { StaffRole } from '../../src-shared/api/ops/staff';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { StaffMember } from '../api/callers';
import type { StaffAuthorizer } from '../staff/staff-authorizer';

/** Who is signed in at the counter. */
export type CounterStaff = StaffMember;

/** Roles that may work a counter (the only staff rows a counter holds). */
const counterRoles: readonly StaffRole[] = ['cajero', 'supervisor'];
/** A shift is long; a counter left alone is not. */
const maxSessionMs = 12 * 3_600_000;
const idleMs = 30 * 60_000;

/**
 * Staff signed in at this counter (docs/user-guides.md, the counter). The credentials are checked by the
 * StaffAuthorizer against the replicated accounts, so sign-in works offline; the session is
 * kept in memory only (a restart signs everyone out, which is the safe side), ends after 30
 * minutes without use or 12 hours in all.
 */
export class StaffSessions {
  private readonly sessions = new Map<string, CounterStaff & { readonly startedAt: number; usedAt: number }>();

  constructor(
    private readonly authorizer: StaffAuthorizer,
    private readonly now: () => number = Date.now,
  ) {}

  async signIn(
    username: string,
    password: string,
  ): Promise<Result<{ staffSession: string; staff: CounterStaff & { expiresAt: string } }>> {
    const grant = await this.authorizer.authorize(username, password, { pin: true });
    if (!grant.ok) return grant;
    this.authorizer.revoke(grant.value.grantId);
    if (!counterRoles.includes(grant.value.role))
      return err('forbidden', 'Su usuario no tiene permiso para trabajar en la caja.');
    const staffSession = randomBytes(24).toString('base64url');
    const at = this.now();
    const staff = { username: grant.value.username, fullName: grant.value.fullName, role: grant.value.role };
    this.sessions.set(staffSession, { ...staff, startedAt: at, usedAt: at });
    return ok({ staffSession, staff: { ...staff, expiresAt: new Date(at + maxSessionMs).toISOString() } });
  }

  /**
   * The signed-in staff member, or `session-ended` with the words the screen shows; each use
   * keeps the session alive. The dispatcher asks, for operations whose auth is a staff session.
   */
  resolve(staffSession: string): Result<CounterStaff> {
    const session = this.sessions.get(staffSession);
    const at = this.now();
    if (session === undefined || at - session.usedAt > idleMs || at - session.startedAt > maxSessionMs) {
      this.sessions.delete(staffSession);
      return err(
        'session-ended',
        'Su sesión en la caja terminó. Ingrese de nuevo con su usuario y su contraseña o PIN.',
      );
    }
    session.usedAt = at;
    return ok({ username: session.username, fullName: session.fullName, role: session.role });
  }

  signOut(staffSession: string): void {
    this.sessions.delete(staffSession);
  }
}
