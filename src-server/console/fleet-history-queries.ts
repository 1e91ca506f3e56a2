import { DeviceReport } from '../../src-shared/server-api/device-report';
import type { SqlExecutor } from '../db/sql-executor';

/** One report of a device's recent history, as the device page shows it. */
export interface HistoryEntry {
  readonly receivedAt: Date;
  readonly report: DeviceReport;
}

/** The page shows this many; the table keeps more (device-report.ts `historyKeep`). */
export const historyShown = 60;

interface Row extends Record<string, unknown> {
  received_at: Date | string;
  report: unknown;
}

/**
 * A device's newest reports, newest first, and how many it has in all: one walk of
 * device_report_history (device_id, received_at) backwards, `limit` entries, and a count
 * bounded by the pruning (a few hundred rows at most).
 */
export async function deviceHistory(
  exec: SqlExecutor,
  deviceId: string,
  limit: number = historyShown,
): Promise<{ entries: HistoryEntry[]; total: number }> {
  const { rows } = await exec.query<Row>(
    `SELECT received_at, report FROM device_report_history WHERE device_id = $1 ORDER BY received_at DESC, id DESC LIMIT $2`,
    [deviceId, limit],
  );
  const counted = await exec.query<{ n: number | string }>(
    'SELECT count(*) AS n FROM device_report_history WHERE device_id = $1',
    [deviceId],
  );
  const entries: HistoryEntry[] = [];
  for (const row of rows) {
    // Stored after the route's schema check; read back through it all the same (a row from an
    // older schema is skipped rather than shown wrong).
    const parsed = DeviceReport.safeParse(typeof row.report === 'string' ? JSON.parse(row.report) : row.report);
    if (parsed.success) entries.push({ receivedAt: new Date(row.received_at), report: parsed.data });
  }
  return { entries, total: Number(counted.rows[0]?.n ?? 0) };
}
