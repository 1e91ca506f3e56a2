import { deviceModes } from '../../src-shared/domain/device-mode';
import type { DeviceReport, DeviceReportValue } from '../../src-shared/server-api/device-report';
import { Batcher } from '../db/batcher';
import type { SqlExecutor } from '../db/sql-executor';
import type { Logger } from '../logger';
import {
  authenticatedDevice,
  LIVE_DEVICE,
  tokenHash,
  touchLastSeenSql,
  type AuthenticatedDevice,
  type DeviceRow,
} from './auth';

/** How often a device reports when nothing changes; staff call a device silent after a few of these. */
export const reportEverySeconds = 60;

/** How many reports of each device device_report_history keeps: about an hour at one every 15 s. */
export const historyKeep = 240;

/** A device's history is pruned on one insert in this many (per server process), so at most this many rows over. */
export const historyPruneEvery = 20;

/**
 * Decides after which of a device's batches its history is cut. A count per device in this
 * process: the first report a process receives from a device prunes (a restart finds the table
 * as it left it), then one in `every` (a device's reports in one batch count once). Several instances each count their own share, so a device holds at most
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
 * A batch of heartbeats in one statement, so in one round trip: each one's token checked
 * (auth.ts's `LIVE_DEVICE`, $2 the modes), and only for live devices `last_seen_at` touched
 * when stale, the latest report replaced (by the batch's last one of that device) and every
 * report appended to the history. $1 is the batch as JSON: `[{ i, hash, received_at, report }]`.
 * It returns a row per report of a live device, with its `i`; a report without a row was written
 * nowhere. A single statement is atomic without a transaction's extra round trips, and a
 * revocation that commits before it starts is seen by all of it.
 */
const checkAndRecord = `WITH ${relaxed},
  sent AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS s(i int, hash text, received_at timestamptz, report jsonb)),
  device AS (
    SELECT sent.i, sent.received_at, sent.report, devices.id, devices.name, devices.mode, devices.scope, devices.office
    FROM sent JOIN devices ON devices.token_hash = sent.hash WHERE ${LIVE_DEVICE}
  ),
  seen AS (${touchLastSeenSql('id IN (SELECT id FROM device)')}),
  latest AS (
    INSERT INTO device_reports (device_id, received_at, report)
    SELECT DISTINCT ON (id) id, received_at, report FROM device ORDER BY id, i DESC
    ON CONFLICT (device_id) DO UPDATE SET received_at = EXCLUDED.received_at, report = EXCLUDED.report
  ),
  appended AS (
    INSERT INTO device_report_history (device_id, received_at, report)
    SELECT id, received_at, report FROM device, relaxed ORDER BY i
  )
  SELECT i, id, name, mode, scope, office FROM device`;

/**
 * Cuts the history of each device of $1 to its newest `keep` rows ($2), walking
 * device_report_history (device_id, received_at) backwards `keep` entries.
 */
const prune = `WITH ${relaxed},
  cut AS (
    SELECT d.id, (
      SELECT received_at FROM device_report_history WHERE device_id = d.id
      ORDER BY received_at DESC OFFSET $2::int - 1 LIMIT 1
    ) AS before
    FROM unnest($1::uuid[]) AS d(id)
  )
  DELETE FROM device_report_history USING cut
  WHERE device_id = cut.id AND received_at < cut.before AND EXISTS (SELECT FROM relaxed)`;

interface Heartbeat {
  readonly hash: string;
  readonly report: DeviceReport;
  readonly receivedAt: Date;
}

/**
 * Keeps each heartbeat as its device's latest report (one row per device) and in its recent
 * history (device_report_history, the last `keep`; when due, cut in a second statement). The
 * heartbeats of many devices arriving together are written in one statement (db/batcher.ts):
 * at 500 devices that spares the server and the database most of a round trip each (issue 18).
 *
 * The report is a statement for staff: the server acts on the mode and office the device
 * enrolled with, so a report naming another mode is kept (staff must see the misconfigured
 * device) and logged, never obeyed.
 */
export class DeviceReports {
  private readonly batches: Batcher<Heartbeat, AuthenticatedDevice | null>;
  private readonly pruning: HistoryPruning;
  private readonly keep: number;

  constructor(
    private readonly exec: SqlExecutor,
    private readonly log: Logger,
    options: {
      readonly keep?: number;
      readonly pruneEvery?: number;
      /** Batches written at once; 2 by default. PGlite runs one statement at a time: give it 1. */
      readonly concurrency?: number;
    } = {},
  ) {
    this.pruning = new HistoryPruning(options.pruneEvery);
    this.keep = options.keep ?? historyKeep;
    this.batches = new Batcher((batch) => this.write(batch), {
      // Of the pool's connections, two at most for heartbeats: the rest stay for everything else.
      concurrency: options.concurrency ?? 2,
      maxBatch: 200,
    });
  }

  /**
   * Records the heartbeat of the device whose bearer token is `token`. Null when the token is
   * no live device's: nothing is written, and the caller refuses the request as the shared
   * device check would (api-route.ts).
   */
  async record(token: string, report: DeviceReport, receivedAt: Date): Promise<DeviceReportValue | null> {
    const hash = tokenHash(token);
    if (hash === null) return null;
    const device = await this.batches.add({ hash, report, receivedAt });
    if (device === null) return null;
    if (report.mode !== device.mode)
      this.log.warn({ device: device.id, enrolled: device.mode, reported: report.mode }, 'device reports another mode');
    return { receivedAt: receivedAt.toISOString(), everySeconds: reportEverySeconds };
  }

  private async write(batch: readonly Heartbeat[]): Promise<Array<AuthenticatedDevice | null>> {
    const sent = batch.map((beat, i) => ({ i, hash: beat.hash, received_at: beat.receivedAt, report: beat.report }));
    const { rows } = await this.exec.query<DeviceRow & { i: number }>(
      checkAndRecord,
      [JSON.stringify(sent), deviceModes],
      { prepareAs: 'device-reports' },
    );
    const devices: Array<AuthenticatedDevice | null> = batch.map(() => null);
    for (const row of rows) devices[row.i] = authenticatedDevice(row);
    const due = [...new Set(rows.map((row) => row.id))].filter((id) => this.pruning.due(id));
    if (due.length > 0) await this.exec.query(prune, [due, this.keep], { prepareAs: 'device-reports-prune' });
    return devices;
  }
}
