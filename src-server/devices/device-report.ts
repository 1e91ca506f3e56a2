import type { DeviceReport, DeviceReportValue } from '../../src-shared/server-api/device-report';
import type { SqlExecutor } from '../db/sql-executor';
import type { Logger } from '../logger';
import type { AuthenticatedDevice } from './auth';

/** How often a device reports when nothing changes; staff call a device silent after a few of these. */
export const reportEverySeconds = 60;

/**
 * Keeps a device's heartbeat as its latest report (one row per device). The report is a statement
 * for staff: the server acts on the mode and office the device enrolled with, so a report naming
 * another mode is kept (staff must see the misconfigured device) and logged, never obeyed.
 */
export async function recordDeviceReport(
  exec: SqlExecutor,
  log: Logger,
  device: AuthenticatedDevice,
  report: DeviceReport,
  now: Date,
): Promise<DeviceReportValue> {
  if (report.mode !== device.mode)
    log.warn({ device: device.id, enrolled: device.mode, reported: report.mode }, 'device reports another mode');
  await exec.query(
    `INSERT INTO device_reports (device_id, received_at, report) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT (device_id) DO UPDATE SET received_at = EXCLUDED.received_at, report = EXCLUDED.report`,
    [device.id, now.toISOString(), JSON.stringify(report)],
  );
  return { receivedAt: now.toISOString(), everySeconds: reportEverySeconds };
}
