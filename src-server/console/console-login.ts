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

export const wrongStaffLogin = 'Usuario o contraseña incorrectos.';

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
): Promise<Result<StaffMember>> {
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
    }>('SELECT id, username, full_name, role, password_hash FROM staff_users WHERE username = $1 AND active', [
      username,
    ]);
    const row = rows[0];
    if (row === undefined) {
      await admission.value.verifyNothing(typed.password);
      return err('wrong-credentials', wrongStaffLogin);
    }
    if (!(await admission.value.verify(typed.password, row.password_hash)) || !isStaffRole(row.role))
      return err('wrong-credentials', wrongStaffLogin);
    await settleSuccess(exec, userKey, [addressKey], now);
    return ok({ id: row.id, username: row.username, fullName: row.full_name, role: row.role });
  } finally {
    admission.value.release();
  }
}

/** The staff member behind a session, or null when they are no longer active. */
export async function activeStaff(exec: SqlExecutor, staffId: string): Promise<StaffMember | null> {
  const { rows } = await exec.query<{ id: string; username: string; full_name: string; role: string }>(
    'SELECT id, username, full_name, role FROM staff_users WHERE id = $1 AND active',
    [staffId],
  );
  const row = rows[0];
  if (row === undefined || !isStaffRole(row.role)) return null;
  return { id: row.id, username: row.username, fullName: row.full_name, role: row.role };
}
