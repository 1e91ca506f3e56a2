import { deviceModes, type DeviceMode } from '../../src-shared/domain/device-mode';
import { DeviceReport } from '../../src-shared/server-api/device-report';
import type { SqlExecutor } from '../db/sql-executor';
import { fleetAlerts, fleetState, type FleetAlert, type FleetState } from './fleet-alerts';

/** One device as the fleet view shows it: what it is, its latest report, and what that says. */
export interface FleetDevice {
  readonly id: string;
  readonly name: string;
  readonly mode: DeviceMode;
  readonly office: string | null;
  readonly revokedAt: Date | null;
  readonly lastSeenAt: Date | null;
  readonly receivedAt: Date | null;
  readonly report: DeviceReport | null;
  readonly alerts: readonly FleetAlert[];
  /** From the alerts; a revoked device has none (it no longer serves, nobody goes to fix it). */
  readonly state: FleetState;
}

interface Row extends Record<string, unknown> {
  id: string;
  name: string;
  mode: string;
  office: string | null;
  revoked_at: Date | string | null;
  last_seen_at: Date | string | null;
  received_at: Date | string | null;
  report: unknown;
}

const columns = `d.id, d.name, d.mode, d.office, d.revoked_at, d.last_seen_at, r.received_at, r.report
  FROM devices d LEFT JOIN device_reports r ON r.device_id = d.id`;

/**
 * Every device with its latest report, by office and name: one query over devices ⟕
 * device_reports (one row per device), the rules applied here. 500 devices are 500 rows.
 */
export async function listFleet(exec: SqlExecutor, now: Date): Promise<FleetDevice[]> {
  const { rows } = await exec.query<Row>(`SELECT ${columns} ORDER BY d.office NULLS LAST, d.name, d.id`);
  return rows.map((row) => toDevice(row, now));
}

/** One device, or null when no device has that id (the caller checks the id's shape). */
export async function fleetDevice(exec: SqlExecutor, id: string, now: Date): Promise<FleetDevice | null> {
  const { rows } = await exec.query<Row>(`SELECT ${columns} WHERE d.id = $1`, [id]);
  const row = rows[0];
  return row === undefined ? null : toDevice(row, now);
}

function toDevice(row: Row, now: Date): FleetDevice {
  // Stored as received after the route's schema check; read back through it all the same.
  const parsed =
    row.report === null
      ? null
      : DeviceReport.safeParse(typeof row.report === 'string' ? JSON.parse(row.report) : row.report);
  const report = parsed?.success === true ? parsed.data : null;
  const mode = deviceModes.find((m) => m === row.mode) ?? 'kiosk';
  const receivedAt = toDate(row.received_at);
  const revokedAt = toDate(row.revoked_at);
  const alerts = revokedAt === null ? fleetAlerts({ mode, receivedAt, report }, now) : [];
  return {
    id: row.id,
    name: row.name,
    mode,
    office: row.office,
    revokedAt,
    lastSeenAt: toDate(row.last_seen_at),
    receivedAt,
    report,
    alerts,
    state: fleetState(alerts),
  };
}

const toDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));
