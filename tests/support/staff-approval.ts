import { parsePasswordHash, scryptKey } from '../../src-node/password-hash';
import { signApproval } from '../../src-node/staff-credentials';
import type { SqlExecutor } from '../../src-server/db/sql-executor';

/**
 * A supervisor's approval key, computed as a counter does when the supervisor types the
 * password: scrypt over the password with the salt of their replicated hash, second half.
 * For tests that push hand-made events; the product signs in src-main/cashier.
 */
export async function approvalKeyOf(exec: SqlExecutor, username: string, password: string): Promise<Buffer> {
  const { rows } = await exec.query<{ password_hash: string }>(
    'SELECT password_hash FROM staff_users WHERE username = $1',
    [username],
  );
  const hash = rows[0]?.password_hash;
  if (hash === undefined) throw new Error(`fixture: no staff user ${username}`);
  const { params, salt } = parsePasswordHash(hash);
  return (await scryptKey(password.normalize('NFC'), salt, params, 64)).subarray(32);
}

export { signApproval };
