import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { devices } from '../../db/server/schema';
import { deviceModes, type DeviceMode } from '../../src-shared/domain/device-mode';
import type { ServerDatabase } from '../db/open';
import { looksLikeDeviceToken, sha256Hex } from './secrets';

export interface AuthenticatedDevice {
  readonly id: string;
  readonly name: string;
  readonly mode: DeviceMode;
  /**
   * What the enrollment code said (a field device's first route, an office name on older
   * counters). It decides nothing: a field device's routes are its rows of device_routes.
   */
  readonly scope: string | null;
  /** The office it stands in; null = an office of its own. */
  readonly office: string | null;
}

/**
 * `last_seen_at` is for staff ("when did this kiosk last talk to us?"), so minute resolution
 * is enough, and it spares a write on every request of every device.
 */
const LAST_SEEN_RESOLUTION = sql.raw(`interval '1 minute'`);

/**
 * Resolves a bearer token to its device, or null for unknown and revoked tokens. Tokens are
 * looked up by hash on every request (one indexed read), so a revocation takes effect at
 * once on every server instance.
 */
export async function authenticateDevice(database: ServerDatabase, token: string): Promise<AuthenticatedDevice | null> {
  // Malformed values never reach the database.
  if (!looksLikeDeviceToken(token)) return null;
  const [row] = await database.db
    .select({
      id: devices.id,
      name: devices.name,
      mode: devices.mode,
      scope: devices.scope,
      office: devices.office,
      revokedAt: devices.revokedAt,
      // Compared with the database clock, the same clock that wrote it.
      stale: sql<boolean>`(${devices.lastSeenAt} is null or ${devices.lastSeenAt} < now() - ${LAST_SEEN_RESOLUTION})`,
    })
    .from(devices)
    .where(eq(devices.tokenHash, sha256Hex(token)));
  if (row === undefined || row.revokedAt !== null) return null;
  const mode = deviceModes.find((candidate) => candidate === row.mode);
  if (mode === undefined) return null;
  if (row.stale) await touchLastSeen(database, row.id);
  return { id: row.id, name: row.name, mode, scope: row.scope, office: row.office };
}

async function touchLastSeen(database: ServerDatabase, deviceId: string): Promise<void> {
  // The same condition again: of several instances racing here, only the first writes.
  await database.db
    .update(devices)
    .set({ lastSeenAt: sql`now()` })
    .where(
      and(
        eq(devices.id, deviceId),
        or(isNull(devices.lastSeenAt), sql`${devices.lastSeenAt} < now() - ${LAST_SEEN_RESOLUTION}`),
      ),
    );
}
