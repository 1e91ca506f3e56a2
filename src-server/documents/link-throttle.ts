import { createHash } from 'node:crypto';
import { takeQuota, type Quota } from '../accounts/quotas';
import type { SqlExecutor } from '../db/sql-executor';

/**
 * The public `GET /d/<token>` answers a miss (unknown, used or expired link) the same way every
 * time, and counts misses per client address in the `login_throttle` table (shared by every
 * server instance; quotas.ts explains its columns). Past the limit that address gets «espere»
 * for the rest of the window, hits included. Tokens have 128 random bits, so this is not what
 * keeps them from being guessed; it keeps a scanner from costing us a lookup per request
 * forever. Only misses count: a phone behind a carrier's shared address is not slowed by the
 * other citizens who download their own documents.
 */
export const phoneLinkMisses: Quota = { name: 'phone-link-miss:ip', limit: 20, windowMs: 10 * 60_000 };

/** Links a device may ask for: each holds up to the upload limit in the server's memory for minutes. */
export const phoneLinksPerDevice: Quota = { name: 'phone-link:device', limit: 30, windowMs: 60 * 60_000 };

/** The address is personal data: only its hash is stored. */
export const missKey = (ip: string): string =>
  `${phoneLinkMisses.name}:${createHash('sha256').update(ip, 'utf8').digest('hex')}`;

/** Milliseconds the address must still wait, or 0 when it may ask. */
export async function missWait(exec: SqlExecutor, ip: string, now: Date): Promise<number> {
  const { rows } = await exec.query<{ failures: number; blocked_until: Date | string }>(
    'SELECT failures, blocked_until FROM login_throttle WHERE key = $1',
    [missKey(ip)],
  );
  const row = rows[0];
  if (row === undefined || row.failures < phoneLinkMisses.limit) return 0;
  return Math.max(0, new Date(row.blocked_until).getTime() - now.getTime());
}

export async function countMiss(exec: SqlExecutor, ip: string, now: Date): Promise<void> {
  await takeQuota(exec, missKey(ip), phoneLinkMisses, now);
}
