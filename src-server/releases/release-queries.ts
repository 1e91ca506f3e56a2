import {
  compareSemver,
  releaseChannels,
  type ReleaseChannel,
  type ReleasePlatform,
} from '../../src-shared/server-api/update-feed';
import type { SqlExecutor } from '../db/sql-executor';
import type { ReleaseFile } from './builder-output';

/** A row of app_releases as the feed, the console and `release list` read it. */
export interface StoredRelease {
  readonly id: string;
  readonly channel: ReleaseChannel;
  readonly platform: ReleasePlatform;
  readonly version: string;
  readonly files: readonly ReleaseFile[];
  readonly path: string;
  readonly releaseDate: Date;
  readonly publishedAt: Date;
  readonly withdrawnAt: Date | null;
}

interface Row extends Record<string, unknown> {
  id: string;
  channel: ReleaseChannel;
  platform: ReleasePlatform;
  version: string;
  files: unknown;
  path: string;
  release_date: Date | string;
  published_at: Date | string;
  withdrawn_at: Date | string | null;
}

const columns = 'id, channel, platform, version, files, path, release_date, published_at, withdrawn_at';

function toRelease(row: Row): StoredRelease {
  const files = (typeof row.files === 'string' ? JSON.parse(row.files) : row.files) as ReleaseFile[];
  return {
    id: row.id,
    channel: row.channel,
    platform: row.platform,
    version: row.version,
    files,
    path: row.path,
    releaseDate: new Date(row.release_date),
    publishedAt: new Date(row.published_at),
    withdrawnAt: row.withdrawn_at === null ? null : new Date(row.withdrawn_at),
  };
}

const newestFirst = (a: StoredRelease, b: StoredRelease): number => compareSemver(b.version, a.version);

/** Every release, by channel, platform and newest version first (`release list`). */
export async function listReleases(exec: SqlExecutor): Promise<StoredRelease[]> {
  const { rows } = await exec.query<Row>(`SELECT ${columns} FROM app_releases`);
  return rows
    .map(toRelease)
    .sort((a, b) => a.channel.localeCompare(b.channel) || a.platform.localeCompare(b.platform) || newestFirst(a, b));
}

/**
 * The version a channel's devices on a platform update to: the highest semver not withdrawn and
 * not among `skip` (versions a device rolled back from). A channel has a few dozen releases at
 * most, so they are ordered here rather than by a semver collation in SQL.
 */
export async function newestRelease(
  exec: SqlExecutor,
  channel: ReleaseChannel,
  platform: ReleasePlatform,
  skip: readonly string[] = [],
): Promise<StoredRelease | null> {
  const { rows } = await exec.query<Row>(
    `SELECT ${columns} FROM app_releases WHERE channel = $1 AND platform = $2 AND withdrawn_at IS NULL`,
    [channel, platform],
  );
  return (
    rows
      .map(toRelease)
      .filter((r) => !skip.includes(r.version))
      .sort(newestFirst)[0] ?? null
  );
}

/** A release of the channel (any platform) that is not withdrawn, with this version; the feed's artifact check. */
export async function servableRelease(
  exec: SqlExecutor,
  channel: ReleaseChannel,
  version: string,
): Promise<StoredRelease[]> {
  const { rows } = await exec.query<Row>(
    `SELECT ${columns} FROM app_releases WHERE channel = $1 AND version = $2 AND withdrawn_at IS NULL`,
    [channel, version],
  );
  return rows.map(toRelease);
}

export async function releaseExists(
  exec: SqlExecutor,
  channel: ReleaseChannel,
  platform: ReleasePlatform,
  version: string,
): Promise<boolean> {
  const { rows } = await exec.query(
    `SELECT 1 FROM app_releases WHERE channel = $1 AND platform = $2 AND version = $3`,
    [channel, platform, version],
  );
  return rows.length > 0;
}

/**
 * Takes a version back: the feed serves the channel's previous one from the next request on (how
 * IT rolls a channel back). The files stay in the store, so withdrawing is reversible by hand.
 */
export async function withdrawRelease(
  exec: SqlExecutor,
  which: { channel: ReleaseChannel; platform: ReleasePlatform; version: string },
  now: Date,
): Promise<'withdrawn' | 'already-withdrawn' | 'not-found'> {
  const params = [which.channel, which.platform, which.version];
  const { rows } = await exec.query(
    `UPDATE app_releases SET withdrawn_at = $4
     WHERE channel = $1 AND platform = $2 AND version = $3 AND withdrawn_at IS NULL RETURNING id`,
    [...params, now.toISOString()],
  );
  if (rows.length > 0) return 'withdrawn';
  const { rows: existing } = await exec.query(
    `SELECT 1 FROM app_releases WHERE channel = $1 AND platform = $2 AND version = $3`,
    params,
  );
  return existing.length > 0 ? 'already-withdrawn' : 'not-found';
}

/** The channel a device follows: its device_channels row, or 'stable'. */
export async function channelOfDevice(exec: SqlExecutor, deviceId: string): Promise<DeviceChannel> {
  const { rows } = await exec.query<
    { channel: string; set_by: string; set_at: Date | string } & Record<string, unknown>
  >(`SELECT channel, set_by, set_at FROM device_channels WHERE device_id = $1`, [deviceId]);
  const row = rows[0];
  const channel = releaseChannels.find((c) => c === row?.channel);
  if (row === undefined || channel === undefined) return { channel: 'stable', setBy: null, setAt: null };
  return { channel, setBy: row.set_by, setAt: new Date(row.set_at) };
}

export interface DeviceChannel {
  readonly channel: ReleaseChannel;
  /** Who set it last (a staff username) and when; null for a device that never had one set. */
  readonly setBy: string | null;
  readonly setAt: Date | null;
}

/** Sets a device's channel, recording who and when; the device's next feed request follows it. */
export async function setDeviceChannel(
  exec: SqlExecutor,
  deviceId: string,
  channel: ReleaseChannel,
  setBy: string,
  now: Date,
): Promise<void> {
  await exec.query(
    `INSERT INTO device_channels (device_id, channel, set_by, set_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (device_id) DO UPDATE SET channel = EXCLUDED.channel, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`,
    [deviceId, channel, setBy, now.toISOString()],
  );
}

/** The devices following a channel, for «Equipos»' filter: stable includes every device without a row. */
export async function devicesOfChannel(
  exec: SqlExecutor,
  channel: ReleaseChannel,
): Promise<{ has(deviceId: string): boolean }> {
  const { rows } = await exec.query<{ device_id: string } & Record<string, unknown>>(
    `SELECT device_id FROM device_channels WHERE channel <> 'stable'`,
  );
  const pilot = new Set(rows.map((r) => r.device_id));
  return channel === 'pilot' ? pilot : { has: (id) => !pilot.has(id) };
}
