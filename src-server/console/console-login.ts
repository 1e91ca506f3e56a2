import { err, ok, type Result } from '../../src-shared/api/result';
import {
  accountRule,
  deviceRule,
  lockedMessage,
  reserveAttempts,
  settleSuccess,
  type ThrottleKey,
} from '../accounts/login-throttle';
import type { PasswordWork } from '../accounts/password-work';
import type { SqlExecutor } from '../db/sql-executor';
import { isStaffRole, type StaffRole } from './staff-roles';

/** An active staff member as the console knows them; read again on every request. */
export interface StaffMember {
  readonly id: string;
  readonly username: string;
  readonly fullName: string;
  readonly role: StaffRole;
}

/** A staff member just signed in, with where their account's history stood (a console session keeps it). */
export interface SignedInStaff extends StaffMember {
  /** See `sessionEndingChanges`: the last such staff_changes id at sign-in, as text (a bigint); '0' when none. */
  readonly changesThrough: string;
}

export const wrongStaffLogin = 'Usuario o contraseña incorrectos.';

/**
 * The staff_changes actions (src-server/admin/staff-admin.ts) that end every console session the
 * member opened before them: a new password (a cookie taken with the old one must not outlive it,
 * ASVS V3.3.3) and a deactivation (even when the account is activated again before the session's
 * next request). IT changes accounts from another process (`npm run admin`), so the change itself
 * is the revocation: its row commits in the same transaction as the new hash or `active = false`,
 * and each request asks whether such a row came after the session's sign-in (`memberStillSignedIn`). Ids, not times: they need no clock, and the UPDATE of the
 * member's staff_users row before each insert orders one member's changes as they commit.
 */
const sessionEndingChanges = `c.action IN ('set-password', 'deactivate')`;

/**
 * «Ingresar» to the console, as the citizens' login does it (docs/accounts-security.md):
 * 1. The address is admitted to password work (at most two of its requests hash at once; the
 *    server's scrypt runs are bounded by the same PasswordWork as the account routes).
 * 2. The attempt is counted for the username and for the address before any password is
 *    checked (login_throttle, shared by every instance); while either is blocked the answer is
 *    `locked` and scrypt is not reached.
 * 3. The password is checked against staff_users.password_hash (the verifier half of the staff
 *    secret, an ordinary scrypt hash). An unknown or inactive user and a wrong password get the
 *    same answer after the same work.
 */
export async function staffLogin(
  exec: SqlExecutor,
  passwords: PasswordWork,
  typed: { username: string; password: string },
  address: string,
  now: Date,
): Promise<Result<SignedInStaff>> {
  // Usernames are kept in lower case (the devices look them up so): «Supervisor1» is supervisor1.
  const username = typed.username.trim().toLowerCase();
  if (username === '' || typed.password === '') return err('validation', 'Escriba su usuario y su contraseña.');
  if (username.length > 64 || typed.password.length > 256) return err('wrong-credentials', wrongStaffLogin);
  const admission = passwords.admit(`console:${address}`);
  if (!admission.ok) return admission;
  try {
    const userKey = `staff:${username.toLowerCase()}`;
    const addressKey: ThrottleKey = { key: `console-ip:${address}`, rule: deviceRule };
    const reservation = await reserveAttempts(exec, [{ key: userKey, rule: accountRule }, addressKey], now);
    if (!reservation.granted) return err('locked', lockedMessage(reservation.waitMs));
    const { rows } = await exec.query<{
      id: string;
      username: string;
      full_name: string;
      role: string;
      password_hash: string;
      changes_through: string;
    }>(
      // One statement: the hash checked and the history mark are of the same moment.
      `SELECT u.id, u.username, u.full_name, u.role, u.password_hash,
              (SELECT coalesce(max(c.id), 0) FROM staff_changes c
               WHERE c.staff_id = u.id AND ${sessionEndingChanges})::text AS changes_through
       FROM staff_users u WHERE u.username = $1 AND u.active`,
      [username],
    );
    const row = rows[0];
    if (row === undefined) {
      await admission.value.verifyNothing(typed.password);
      return err('wrong-credentials', wrongStaffLogin);
    }
    if (!(await admission.value.verify(typed.password, row.password_hash)) || !isStaffRole(row.role))
      return err('wrong-credentials', wrongStaffLogin);
    await settleSuccess(exec, userKey, [addressKey], now);
    return ok({
      id: row.id,
      username: row.username,
      fullName: row.full_name,
      role: row.role,
      changesThrough: row.changes_through,
    });
  } finally {
    admission.value.release();
  }
}

/**
 * SQL: the staff member `u` may still be signed in with a session opened at `changesThrough` (an
 * SQL expression: the member's mark at sign-in): they are active, and no new password or
 * deactivation came after it. console-sessions.ts checks it on every request, in the statement
 * that finds the session.
 */
export const memberStillSignedIn = (changesThrough: string): string =>
  `u.active AND NOT EXISTS (SELECT 1 FROM staff_changes c
                            WHERE c.staff_id = u.id AND c.id > ${changesThrough} AND ${sessionEndingChanges})`;
