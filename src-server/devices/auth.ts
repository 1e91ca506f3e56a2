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
 * The one definition of a live device token, for the check before every device request and for
 * the heartbeat's statement that checks and writes at once (device-report.ts): the device whose
 * token has hash $1, not revoked, in one of the modes $2 (`deviceModes`).
 *
 * Raw SQL, not the query builder: this read runs before every device request (a heartbeat
 * from each of 500 devices every 15 s), and building it with drizzle cost twice the CPU of the
 * query itself (0.18 ms against 0.08 ms a call, measured for issue 18's fleet bench).
 */
export const liveDeviceQuery = `SELECT id, name, mode, scope, office, ${STALE_LAST_SEEN} AS stale
  FROM devices WHERE token_hash = $1 AND revoked_at IS NULL AND mode = ANY($2::text[])`;

/** `liveDeviceQuery`'s parameters; null for a malformed token, which never reaches the database. */
export function liveDeviceParams(token: string): [string, readonly string[]] | null {
  return looksLikeDeviceToken(token) ? [sha256Hex(token), deviceModes] : null;
}

/**
 * Sets `last_seen_at` of the device `idSql` names (a parameter or a subquery) when it is
 * stale. The condition is checked again on the row itself: of several instances racing here,
 * only the first writes.
 */
export const touchLastSeenSql = (idSql: string) =>
  `UPDATE devices SET last_seen_at = now() WHERE id = ${idSql} AND ${STALE_LAST_SEEN}`;

/**
 * Resolves a bearer token to its device, or null for unknown and revoked tokens. Tokens are
 * looked up by hash on every request (one indexed read), so a revocation takes effect at
 * once on every server instance.
 */
export async function authenticateDevice(database: ServerDatabase, token: string): Promise<AuthenticatedDevice | null> {
  const params = liveDeviceParams(token);
  if (params === null) return null;
  const { rows } = await database.exec.query<LiveDeviceRow>(liveDeviceQuery, params, { prepareAs: 'live-device' });
  const row = rows[0];
  if (row === undefined) return null;
  if (row.stale) await database.exec.query(touchLastSeenSql('$1'), [row.id]);
  return authenticatedDevice(row);
}

/** A row of `liveDeviceQuery`. */
export interface LiveDeviceRow extends Record<string, unknown> {
  id: string;
  name: string;
  mode: string;
  scope: string | null;
  office: string | null;
  stale: boolean;
}

/** The device of a `liveDeviceQuery` row. */
export function authenticatedDevice(row: LiveDeviceRow): AuthenticatedDevice {
  const mode = deviceModes.find((candidate) => candidate === row.mode);
  // The query admits only these modes.
  if (mode === undefined) throw new Error(`liveDeviceQuery returned a device of mode ${row.mode}`);
  return { id: row.id, name: row.name, mode, scope: row.scope, office: row.office };
}
