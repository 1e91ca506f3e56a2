import type { SqlExecutor } from '../db/sql-executor';

export interface KnownStaff {
  readonly role: string;
  readonly active: boolean;
  /** Null for staff whose password was set before approval keys existed. */
  readonly approvalKey: Buffer | null;
}

/** Roles that take money at a counter or on a route. */
export const moneyRoles: readonly string[] = ['cajero', 'supervisor'];
/** Roles whose approval voids a payment or accepts a close beyond the tolerance. */
export const approverRoles: readonly string[] = ['supervisor'];

/**
 * The staff members a batch names, read once: the server checks every username a device
 * puts on an event (cashier, supervisor) against its own staff table, never the device's.
 */
export async function readStaff(tx: SqlExecutor, usernames: Iterable<string>): Promise<Map<string, KnownStaff>> {
  const names = [...new Set(usernames)];
  if (names.length === 0) return new Map();
  const { rows } = await tx.query<{ username: string; role: string; active: boolean; approval_key: string | null }>(
    `SELECT s.username, s.role, s.active, k.approval_key FROM staff_users s
     LEFT JOIN staff_approval_keys k ON k.staff_id = s.id WHERE s.username = ANY($1::text[])`,
    [names],
  );
  return new Map(
    rows.map((row) => [
      row.username,
      {
        role: row.role,
        active: row.active,
        approvalKey: row.approval_key === null ? null : Buffer.from(row.approval_key, 'base64url'),
      },
    ]),
  );
}

/** Why `username` may not act in one of `roles`, in Spanish; null when it may. */
export function staffRefusal(
  staff: ReadonlyMap<string, KnownStaff>,
  username: string,
  roles: readonly string[],
  what: string,
): string | null {
  const found = staff.get(username);
  if (found === undefined) return `${what} «${username}» no es un usuario del personal de la entidad.`;
  if (!found.active) return `${what} «${username}» está inactivo.`;
  if (!roles.includes(found.role)) return `${what} «${username}» no tiene el rol necesario (${roles.join(' o ')}).`;
  return null;
}
