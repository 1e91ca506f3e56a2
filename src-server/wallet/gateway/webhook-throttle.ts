import type { SqlExecutor } from '../../db/sql-executor';
import { takeQuota, type Quota } from '../../accounts/quotas';

/**
 * Refused webhook events (bad checksum, stale, malformed) per address, in the login_throttle
 * table (accounts/quotas.ts). Only refusals count: the gateway's own events never do, so a
 * forger cannot lock the gateway out unless it sends from the gateway's address.
 */
export const refusedEventsPerAddress: Quota = { name: 'gateway-refused:ip', limit: 30, windowMs: 10 * 60_000 };

const keyOf = (ip: string): string => `${refusedEventsPerAddress.name}:${ip}`;

export async function countRefusedEvent(exec: SqlExecutor, ip: string, now: Date): Promise<void> {
  await takeQuota(exec, keyOf(ip), refusedEventsPerAddress, now);
}

/** Milliseconds this address must wait, 0 when its refusals are under the limit. */
export async function refusedEventsWait(exec: SqlExecutor, ip: string, now: Date): Promise<number> {
  const { rows } = await exec.query<{ failures: number; blocked_until: Date | string }>(
    'SELECT failures, blocked_until FROM login_throttle WHERE key = $1',
    [keyOf(ip)],
  );
  const row = rows[0];
  if (row === undefined || row.failures < refusedEventsPerAddress.limit) return 0;
  return Math.max(0, new Date(row.blocked_until).getTime() - now.getTime());
}
