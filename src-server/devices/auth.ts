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
 * is enough, and it spares a write on every request of every device. Compared with the
 * database clock, the same clock that wrote it.
 */
const STALE_LAST_SEEN = `(last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')`;

/**
 * The one definition of a live device, for the check before every device request and for the
 * heartbeat's statement that checks and writes at once (device-report.ts): not revoked, in one
 * of the modes $2 (`deviceModes`). Said of a row of `devices` whose token hash is the one sent.
 */
export const LIVE_DEVICE = `revoked_at IS NULL AND mode = ANY($2::text[])`;

/**
 * The live device whose token has hash $1.
 *
 * Raw SQL, not the query builder: this read runs before every device request (a heartbeat
 * from each of 500 devices every 15 s), and building it with drizzle cost twice the CPU of the
 * query itself (0.18 ms against 0.08 ms a call, measured for issue 18's fleet bench).
 */
const liveDeviceQuery = `SELECT id, name, mode, scope, office, ${STALE_LAST_SEEN} AS stale
  FROM devices WHERE token_hash = $1 AND ${LIVE_DEVICE}`;

/** The token's hash, or null for a malformed token, which never reaches the database. */
export function tokenHash(token: string): string | null {
  return looksLikeDeviceToken(token) ? sha256Hex(token) : null;
}

/**
 * Sets `last_seen_at` of the devices `idCondition` picks (`id = $1`, `id IN (…)`) that are
 * stale. The condition is checked again on the row itself: of several instances racing here,
 * only the first writes.
 */
export const touchLastSeenSql = (idCondition: string) =>
  `UPDATE devices SET last_seen_at = now() WHERE ${idCondition} AND ${STALE_LAST_SEEN}`;

/**
 * Resolves a bearer token to its device, or null for unknown and revoked tokens. Tokens are
 * looked up by hash on every request (one indexed read), so a revocation takes effect at
 * once on every server instance.
 */
export async function authenticateDevice(database: ServerDatabase, token: string): Promise<AuthenticatedDevice | null> {
  const hash = tokenHash(token);
  if (hash === null) return null;
  const { rows } = await database.exec.query<DeviceRow & { stale: boolean }>(liveDeviceQuery, [hash, deviceModes], {
    prepareAs: 'live-device',
  });
  const row = rows[0];
  if (row === undefined) return null;
  if (row.stale) await database.exec.query(touchLastSeenSql('id = $1'), [row.id]);
  return authenticatedDevice(row);
}

/** The columns of `devices` an `AuthenticatedDevice` is made of. */
export interface DeviceRow extends Record<string, unknown> {
  id: string;
  name: string;
  mode: string;
  scope: string | null;
  office: string | null;
}

/** The device of a row that `LIVE_DEVICE` admitted. */
export function authenticatedDevice(row: DeviceRow): AuthenticatedDevice {
  const mode = deviceModes.find((candidate) => candidate === row.mode);
  // LIVE_DEVICE admits only these modes.
  if (mode === undefined) throw new Error(`a live device of mode ${row.mode}`);
  return { id: row.id, name: row.name, mode, scope: row.scope, office: row.office };
}
