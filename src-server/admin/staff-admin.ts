import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { demoStaffAccounts } from '../../db/seed/staff';
import { hashStaffSecret, type StaffSecret } from '../../src-node/staff-credentials';
import type { ScryptParams } from '../../src-node/password-hash';
import type { ServerDatabase } from '../db/open';
import type { SqlExecutor } from '../db/sql-executor';
import { AdminInputError } from '../devices/admin';

/**
 * Staff accounts as IT manages them (`npm run admin -- staff …`). The rows are the ones the demo
 * seed writes: staff_users (replicated to counters and field laptops by the feed's triggers, so
 * a new member, a new password or a deactivation reaches each device at its next pull) and the
 * approval key in staff_approval_keys (server only; it derives from the password, so a new
 * password always brings a new key). Each change writes its staff_changes row in the same
 * transaction. Nothing here returns or logs a password or a hash.
 *
 * The `set-password` and `deactivate` rows are also what ends the member's console sessions
 * (src-server/console/console-login.ts `activeStaff`): the server keeps them in its own memory,
 * and refuses at the next request a session opened before such a row. So the sessions end with
 * the commit of the change itself, whichever process made it.
 */

export const staffRoles = ['cajero', 'supervisor', 'soporte', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Roles that sign in at a counter with a PIN as well as the password (the demo's cashiers and supervisor). */
const pinRoles: readonly StaffRole[] = ['cajero', 'supervisor'];

/** Usernames as sign-in reads them: lower case, 3 to 64 of a–z, 0–9, «.», «_», «-», starting with a letter or digit. */
const usernameShape = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export const minPasswordLength = 10;
/** What every sign-in form accepts (src-shared/api/ops/*.ts). */
const maxPasswordLength = 256;

export interface StaffListing {
  readonly username: string;
  readonly fullName: string;
  readonly role: StaffRole;
  readonly active: boolean;
  readonly hasPin: boolean;
  readonly createdAt: Date;
}

export interface StaffAdminOptions {
  /** Who made the change, as staff_changes records it. */
  readonly by: string;
  /** scrypt cost; the production default unless a test asks for less. */
  readonly scrypt?: ScryptParams;
}

/** The username as stored and looked up; refuses what sign-in could not match. */
export function parseStaffUsername(typed: string): string {
  const username = typed.trim().toLowerCase();
  if (!usernameShape.test(username))
    throw new AdminInputError(
      `«${typed}» no es un usuario válido: de 3 a 64 caracteres entre letras sin tilde, números, «.», «_» y «-», empezando por letra o número.`,
    );
  return username;
}

export function parseStaffRole(typed: string | undefined): StaffRole {
  const role = staffRoles.find((r) => r === typed?.trim().toLowerCase());
  if (role === undefined)
    throw new AdminInputError(
      `--role debe ser ${staffRoles.join(', ')}${typed === undefined ? '' : ` (no «${typed}»)`}.`,
    );
  return role;
}

/** The password policy; a Spanish reason when refused, null when the password is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < minPasswordLength) return `La contraseña debe tener al menos ${minPasswordLength} caracteres.`;
  if (password.length > maxPasswordLength) return `La contraseña debe tener a lo sumo ${maxPasswordLength} caracteres.`;
  const lower = password.toLowerCase();
  if (lower.includes(username.toLowerCase())) return 'La contraseña no puede contener el nombre de usuario.';
  if (demoStaffAccounts.some((a) => a.password.toLowerCase() === lower))
    return 'Esa contraseña es una de las de demostración publicadas en el README: elija otra.';
  if (new Set(password).size < 4) return 'La contraseña repite casi siempre el mismo carácter: elija otra.';
  return null;
}

function checkPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem !== null) throw new AdminInputError(problem);
}

export interface AddedStaff {
  readonly username: string;
  /** Only when asked for: shown once to give to the person, never stored in clear. */
  readonly pin: string | null;
}

export async function addStaffMember(
  database: ServerDatabase,
  input: { username: string; fullName: string; role: StaffRole; password: string; withPin: boolean },
  opts: StaffAdminOptions,
): Promise<AddedStaff> {
  const username = parseStaffUsername(input.username);
  const fullName = input.fullName.trim().replace(/\s+/g, ' ');
  if (fullName === '' || fullName.length > 120)
    throw new AdminInputError('Falta --name "NOMBRE COMPLETO" (hasta 120 caracteres).');
  if (input.withPin && !pinRoles.includes(input.role))
    throw new AdminInputError(`El PIN es solo para los roles ${pinRoles.join(' y ')}.`);
  checkPassword(input.password, username);
  // Refuse before the scrypt work, and again in the transaction (the unique index has the last word).
  await refuseTaken(database.exec, username);
  const secret = await hashStaffSecret(input.password, { params: opts.scrypt });
  const pin = input.withPin ? String(randomInt(0, 1_000_000)).padStart(6, '0') : null;
  const pinSecret = pin === null ? null : await hashStaffSecret(pin, { params: opts.scrypt });
  const id = uuidv7();
  await database.exec.transaction(async (tx) => {
    await refuseTaken(tx, username);
    await tx.query(
      `INSERT INTO staff_users (id, username, full_name, role, password_hash, pin_hash, active)
       VALUES ($1, $2, $3, $4, $5, $6, true)`,
      [id, username, fullName, input.role, secret.hash, pinSecret?.hash ?? null],
    );
    await storeApprovalKey(tx, id, secret);
    await recordChange(tx, id, 'add', opts.by);
  });
  return { username, pin };
}

/** A new password, and with it a new approval key (the old password and key stop working). */
export async function setStaffPassword(
  database: ServerDatabase,
  typedUsername: string,
  password: string,
  opts: StaffAdminOptions,
): Promise<{ username: string }> {
  const found = await findMember(database.exec, typedUsername);
  checkPassword(password, found.username);
  const secret = await hashStaffSecret(password, { params: opts.scrypt });
  await database.exec.transaction(async (tx) => {
    await tx.query('UPDATE staff_users SET password_hash = $2 WHERE id = $1', [found.id, secret.hash]);
    await storeApprovalKey(tx, found.id, secret);
    await recordChange(tx, found.id, 'set-password', opts.by);
  });
  return { username: found.username };
}

/**
 * A new 6-digit PIN for a cashier or a supervisor (forgotten, or seen by someone else): the old
 * one stops working at each counter once the row reaches it. Shown once, stored only hashed.
 */
export async function newStaffPin(
  database: ServerDatabase,
  typedUsername: string,
  opts: StaffAdminOptions,
): Promise<{ username: string; pin: string }> {
  const found = await findMember(database.exec, typedUsername);
  const { rows } = await database.exec.query<{ role: string }>('SELECT role FROM staff_users WHERE id = $1', [
    found.id,
  ]);
  const role = rows[0]?.role;
  if (role === undefined || !(pinRoles as readonly string[]).includes(role))
    throw new AdminInputError(`El PIN es solo para los roles ${pinRoles.join(' y ')}; «${found.username}» es ${role}.`);
  const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const pinSecret = await hashStaffSecret(pin, { params: opts.scrypt });
  await database.exec.transaction(async (tx) => {
    await tx.query('UPDATE staff_users SET pin_hash = $2 WHERE id = $1', [found.id, pinSecret.hash]);
    await recordChange(tx, found.id, 'new-pin', opts.by);
  });
  return { username: found.username, pin };
}

/** `changed` false when the account already was so (nothing written). */
export async function setStaffActive(
  database: ServerDatabase,
  typedUsername: string,
  active: boolean,
  opts: StaffAdminOptions,
): Promise<{ username: string; changed: boolean }> {
  return database.exec.transaction(async (tx) => {
    const found = await findMember(tx, typedUsername);
    const { rows } = await tx.query<{ id: string }>(
      'UPDATE staff_users SET active = $2 WHERE id = $1 AND active <> $2 RETURNING id',
      [found.id, active],
    );
    const changed = rows.length > 0;
    if (changed) await recordChange(tx, found.id, active ? 'activate' : 'deactivate', opts.by);
    return { username: found.username, changed };
  });
}

export async function listStaff(exec: SqlExecutor): Promise<StaffListing[]> {
  const { rows } = await exec.query<{
    username: string;
    full_name: string;
    role: StaffRole;
    active: boolean;
    has_pin: boolean;
    created_at: Date | string;
  }>(
    `SELECT username, full_name, role, active, pin_hash IS NOT NULL AS has_pin, created_at
     FROM staff_users ORDER BY active DESC, role, username`,
  );
  return rows.map((r) => ({
    username: r.username,
    fullName: r.full_name,
    role: r.role,
    active: r.active,
    hasPin: r.has_pin,
    createdAt: new Date(r.created_at),
  }));
}

async function refuseTaken(exec: SqlExecutor, username: string): Promise<void> {
  const { rows } = await exec.query<{ username: string }>(
    'SELECT username FROM staff_users WHERE lower(username) = $1',
    [username],
  );
  const taken = rows[0];
  if (taken !== undefined)
    throw new AdminInputError(
      `Ya existe el usuario «${taken.username}»: el ingreso no distingue mayúsculas de minúsculas. Elija otro nombre de usuario.`,
    );
}

async function findMember(exec: SqlExecutor, typed: string): Promise<{ id: string; username: string }> {
  const username = typed.trim().toLowerCase();
  const { rows } = await exec.query<{ id: string; username: string }>(
    'SELECT id, username FROM staff_users WHERE lower(username) = $1',
    [username],
  );
  const found = rows[0];
  if (found === undefined)
    throw new AdminInputError(`No existe el usuario «${typed}». Vea la lista con «npm run admin -- staff list».`);
  return found;
}

async function storeApprovalKey(tx: SqlExecutor, staffId: string, secret: StaffSecret): Promise<void> {
  await tx.query(
    `INSERT INTO staff_approval_keys (staff_id, approval_key, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (staff_id) DO UPDATE SET approval_key = excluded.approval_key, updated_at = excluded.updated_at`,
    [staffId, secret.approvalKey.toString('base64url')],
  );
}

async function recordChange(tx: SqlExecutor, staffId: string, action: string, by: string): Promise<void> {
  await tx.query('INSERT INTO staff_changes (staff_id, action, by) VALUES ($1, $2, $3)', [staffId, action, by]);
}
