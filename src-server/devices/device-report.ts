import type { DeviceReport, DeviceReportValue } from '../../src-shared/server-api/device-report';
import type { SqlExecutor } from '../db/sql-executor';
import type { Logger } from '../logger';
import { authenticatedDevice, liveDeviceParams, liveDeviceQuery, touchLastSeenSql, type LiveDeviceRow } from './auth';

/** How often a device reports when nothing changes; staff call a device silent after a few of these. */
export const reportEverySeconds = 60;

/** How many reports of each device device_report_history keeps: about an hour at one every 15 s. */
export const historyKeep = 240;

/** A device's history is pruned on one insert in this many (per server process), so at most this many rows over. */
export const historyPruneEvery = 20;

/**
 * Decides which inserts also prune. A count per device in this process: the first report a
 * process receives from a device prunes (a restart finds the table as it left it), then one in
 * `every`. Several instances each count their own share, so a device holds at most
 * `keep + every − 1` rows per instance that serves it — bounded, and no read on the hot path.
 */
export class HistoryPruning {
  private readonly counts = new Map<string, number>();
  constructor(readonly every: number = historyPruneEvery) {}

  due(deviceId: string): boolean {
    const seen = this.counts.get(deviceId) ?? 0;
    this.counts.set(deviceId, seen + 1 >= this.every ? 0 : seen + 1);
    return seen === 0;
  }
}

/**
 * Runs with its statement's own transaction committed asynchronously (`synchronous_commit` off
 * for that transaction only): it does not wait for the WAL's flush to disk. A heartbeat is
 * expendable — a PostgreSQL crash may lose the last fraction of a second of reports, never
 * corrupt anything, and each device reports again within a minute — and at 500 devices it
 * spares the database hundreds of flushes a second that money writes need more. A statement
 * must read from `relaxed` for the setting to apply (an unreferenced CTE would not run).
 */
const relaxed = `relaxed AS (SELECT set_config('synchronous_commit', 'off', true))`;

/**
 * The heartbeat in one statement, so in one round trip: the token checked (auth.ts's
 * `liveDeviceQuery`: $1 its hash, $2 the modes), and only for a live device its `last_seen_at`
 * touched when stale, the latest report replaced and the report appended to the history. It
 * returns the device, or no row (and writes nothing) for a token that is no live device's. A
 * single statement is atomic without a transaction's extra round trips, and a revocation that
 * commits before it starts is seen by all of it.
 */
const checkAndRecord = `WITH ${relaxed}, device AS (${liveDeviceQuery}),
  seen AS (${touchLastSeenSql('(SELECT id FROM device)')}),
  latest AS (
    INSERT INTO device_reports (device_id, received_at, report) SELECT id, $3::timestamptz, $4::jsonb FROM device
    ON CONFLICT (device_id) DO UPDATE SET received_at = EXCLUDED.received_at, report = EXCLUDED.report
  ),
  appended AS (
    INSERT INTO device_report_history (device_id, received_at, report)
    SELECT id, $3::timestamptz, $4::jsonb FROM device, relaxed
  )
  SELECT * FROM device`;

/**
 * Cuts a device's history to its newest `keep` rows ($2), walking device_report_history
 * (device_id, received_at) backwards `keep` entries.
 */
const prune = `WITH ${relaxed} DELETE FROM device_report_history
  WHERE device_id = $1::uuid AND EXISTS (SELECT FROM relaxed) AND received_at < (
    SELECT received_at FROM device_report_history WHERE device_id = $1::uuid
    ORDER BY received_at DESC OFFSET $2::int - 1 LIMIT 1
  )`;

export interface ReportHistoryOptions {
  readonly pruning: HistoryPruning;
  readonly keep?: number;
}

/**
 * Keeps the heartbeat of the device whose bearer token is `token` as its latest report (one row
 * per device) and in its recent history (device_report_history, the last `keep`; when due, cut
 * in a second statement). Null when the token is no live device's: nothing is written, and the
 * caller refuses the request as the shared device check would (api-route.ts).
 *
 * The report is a statement for staff: the server acts on the mode and office the device
 * enrolled with, so a report naming another mode is kept (staff must see the misconfigured
 * device) and logged, never obeyed.
 */
export async function recordDeviceReport(
  exec: SqlExecutor,
  log: Logger,
  token: string,
  report: DeviceReport,
  now: Date,
  history: ReportHistoryOptions,
): Promise<DeviceReportValue | null> {
  const check = liveDeviceParams(token);
  if (check === null) return null;
  const { rows } = await exec.query<LiveDeviceRow>(
    checkAndRecord,
    [...check, now.toISOString(), JSON.stringify(report)],
    {
      prepareAs: 'device-report',
    },
  );
  const row = rows[0];
  if (row === undefined) return null;
  const device = authenticatedDevice(row);
  if (report.mode !== device.mode)
    log.warn({ device: device.id, enrolled: device.mode, reported: report.mode }, 'device reports another mode');
  if (history.pruning.due(device.id))
    await exec.query(prune, [device.id, history.keep ?? historyKeep], { prepareAs: 'device-report-prune' });
  return { receivedAt: now.toISOString(), everySeconds: reportEverySeconds };
}
