import type { SqlExecutor } from '../../src-server/db/sql-executor';
import { approvalKeyOf } from './staff-approval';

/**
 * approvalKeyOf, remembered for the test file: each key is a scrypt run at OWASP parameters
 * (about a second of CPU, more on a busy machine), and seeded servers share the seed's
 * reproducible hashes, so one run per user and password serves every server of the file.
 * Keyed by the stored hash itself, so a user whose hash differs derives its own key.
 */
const derived = new Map<string, Promise<Buffer>>();

export async function rememberedApprovalKey(exec: SqlExecutor, username: string, password: string): Promise<Buffer> {
  const { rows } = await exec.query<{ password_hash: string }>(
    'SELECT password_hash FROM staff_users WHERE username = $1',
    [username],
  );
  const hash = rows[0]?.password_hash;
  if (hash === undefined) throw new Error(`fixture: no staff user ${username}`);
  const cacheKey = JSON.stringify([username, hash, password]);
  let key = derived.get(cacheKey);
  if (key === undefined) {
    key = approvalKeyOf(exec, username, password);
    derived.set(cacheKey, key);
    key.catch(() => derived.delete(cacheKey));
  }
  return key;
}
