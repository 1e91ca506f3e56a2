import type { DeviceReport, DeviceReportValue } from '../../src-shared/server-api/device-report';
import type { SqlExecutor } from '../db/sql-executor';
import type { Logger } from '../logger';
import type { AuthenticatedDevice } from './auth';

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
 * One statement: the latest report replaced, the report appended to the history, and — when
 * due — the device's history cut to its newest `keep` rows. A single statement is atomic
 * without a transaction's extra round trips; the DELETE sees the table before this insert, so
 * the newest `keep` of the earlier rows stay and the device ends with `keep + 1`. The cut walks
 * device_report_history (device_id, received_at) backwards `keep` entries.
 *
 * `relaxed` makes this statement's commit asynchronous (`synchronous_commit` off for its own
 * transaction only): it does not wait for the WAL's flush to disk. A heartbeat is expendable —
 * a PostgreSQL crash may lose the last fraction of a second of reports, never corrupt anything,
 * and each device reports again within a minute — and at 500 devices it spares the database
 * hundreds of flushes a second that money writes need more. The history's INSERT reads from
 * `relaxed` so the setting is applied (an unreferenced CTE would not run).
 */
const latestAndRelaxed = `relaxed AS (SELECT set_config('synchronous_commit', 'off', true)), latest AS (
    INSERT INTO device_reports (device_id, received_at, report) VALUES ($1::uuid, $2::timestamptz, $3::jsonb)
    ON CONFLICT (device_id) DO UPDATE SET received_at = EXCLUDED.received_at, report = EXCLUDED.report
  )`;

const appendFromRelaxed = `INSERT INTO device_report_history (device_id, received_at, report)
  SELECT $1::uuid, $2::timestamptz, $3::jsonb FROM relaxed`;

const upsertAndAppend = `WITH ${latestAndRelaxed} ${appendFromRelaxed}`;

const upsertAppendAndPrune = `WITH ${latestAndRelaxed}, pruned AS (
    DELETE FROM device_report_history
    WHERE device_id = $1::uuid AND received_at < (
      SELECT received_at FROM device_report_history WHERE device_id = $1::uuid
      ORDER BY received_at DESC OFFSET $4::int - 1 LIMIT 1
    )
  ) ${appendFromRelaxed}`;

export interface ReportHistoryOptions {
  readonly pruning: HistoryPruning;
  readonly keep?: number;
}

/**
 * Keeps a device's heartbeat as its latest report (one row per device) and in its recent
 * history (device_report_history, the last `keep`). The report is a statement for staff: the
 * server acts on the mode and office the device enrolled with, so a report naming another mode
 * is kept (staff must see the misconfigured device) and logged, never obeyed.
 */
export async function recordDeviceReport(
  exec: SqlExecutor,
  log: Logger,
  device: AuthenticatedDevice,
  report: DeviceReport,
  now: Date,
  history: ReportHistoryOptions,
): Promise<DeviceReportValue> {
  if (report.mode !== device.mode)
    log.warn({ device: device.id, enrolled: device.mode, reported: report.mode }, 'device reports another mode');
  const params: unknown[] = [device.id, now.toISOString(), JSON.stringify(report)];
  if (history.pruning.due(device.id)) await exec.query(upsertAppendAndPrune, [...params, history.keep ?? historyKeep]);
  else await exec.query(upsertAndAppend, params);
  return { receivedAt: now.toISOString(), everySeconds: reportEverySeconds };
}
