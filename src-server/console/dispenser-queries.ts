import { DeviceReport } from '../../src-shared/server-api/device-report';
import type { SqlExecutor } from '../db/sql-executor';

/** A kiosk's dispenser as staff see it, from the kiosk's latest heartbeat. */
export interface KioskDispenserView {
  readonly deviceName: string;
  readonly office: string | null;
  /** When the kiosk last reported; null when it never has. */
  readonly reportedAt: Date | null;
  /** The dispenser as reported; null without a report or when the kiosk has none. */
  readonly dispenser: DeviceReport['dispenser'];
  readonly appVersion: string | null;
}

interface Row extends Record<string, unknown> {
  name: string;
  office: string | null;
  received_at: Date | string | null;
  report: unknown;
}

/** Every kiosk not revoked, by office and name, with what its last report said of its dispenser. */
export async function listKioskDispensers(exec: SqlExecutor): Promise<KioskDispenserView[]> {
  const { rows } = await exec.query<Row>(
    `SELECT d.name, d.office, r.received_at, r.report
     FROM devices d LEFT JOIN device_reports r ON r.device_id = d.id
     WHERE d.mode = 'kiosk' AND d.revoked_at IS NULL
     ORDER BY d.office NULLS LAST, d.name`,
  );
  return rows.map((r) => {
    // Stored as received after the route's schema check; read back through it all the same.
    const report = DeviceReport.safeParse(typeof r.report === 'string' ? JSON.parse(r.report) : r.report);
    return {
      deviceName: r.name,
      office: r.office,
      reportedAt: r.received_at === null ? null : new Date(r.received_at),
      dispenser: report.success ? report.data.dispenser : null,
      appVersion: report.success ? report.data.appVersion : null,
    };
  });
}
