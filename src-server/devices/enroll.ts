import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../../src-shared/api/result';
import { deviceModes, type DeviceMode } from '../../src-shared/domain/device-mode';
import { isRouteCode } from '../../src-shared/domain/route-code';
import type { ServerDatabase } from '../db/open';
import { assignAtEnrollment } from './device-routes';
import { issueSeries, type IssuedSeries } from './receipt-series';
import { generateDeviceToken, hashEnrollmentCode, sha256Hex } from './secrets';

export interface EnrolledDevice {
  readonly deviceId: string;
  readonly deviceName: string;
  readonly mode: DeviceMode;
  readonly scope: string | null;
  readonly office: string | null;
  /** Counters and field devices get a receipt series; kiosks none. */
  readonly receiptSeries: IssuedSeries | null;
  /** Returned once, to the device; the server keeps only its hash. */
  readonly token: string;
}

interface Claim extends Record<string, unknown> {
  id: string;
  device_name: string;
  mode: string;
  scope: string | null;
  office: string | null;
  receipt_prefix: string | null;
}

class SeriesTaken extends Error {}

/**
 * Exchanges a one-time enrollment code for a new device and its token. What the device is —
 * its mode, scope, office, receipt series — comes from the code the administrator made, never
 * from the device.
 *
 * The claim is a single conditional UPDATE (unused and not expired) inside the transaction
 * that creates the device. Two concurrent exchanges of one code serialise on that row's lock;
 * PostgreSQL re-checks the condition for the second, finds the code used and it matches
 * nothing. So exactly one wins, and a refused exchange has changed nothing.
 */
export async function exchangeEnrollmentCode(database: ServerDatabase, code: string): Promise<Result<EnrolledDevice>> {
  const codeHash = hashEnrollmentCode(code);
  const token = generateDeviceToken();
  const deviceId = randomUUID();
  let claimed: { claim: Claim; series: IssuedSeries | null } | null;
  try {
    claimed = await database.exec.transaction(async (tx) => {
      const { rows } = await tx.query<Claim>(
        `UPDATE enrollment_codes SET used_at = now() WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
         RETURNING id, device_name, mode, scope, office, receipt_prefix`,
        [codeHash],
      );
      const claim = rows[0];
      if (claim === undefined) return null;
      // The device row must exist before the code and the series can point at it.
      await tx.query(
        'INSERT INTO devices (id, name, mode, scope, office, token_hash) VALUES ($1, $2, $3, $4, $5, $6)',
        [deviceId, claim.device_name, claim.mode, claim.scope, claim.office, sha256Hex(token)],
      );
      await tx.query('UPDATE enrollment_codes SET used_by_device_id = $2 WHERE id = $1', [claim.id, deviceId]);
      // A field laptop enrolled for a route starts with it assigned (docs/field-routes.md).
      if (claim.mode === 'field' && claim.scope !== null && isRouteCode(claim.scope))
        await assignAtEnrollment(tx, deviceId, claim.scope);
      if (claim.mode === 'kiosk') return { claim, series: null };
      const series = await issueSeries(tx, deviceId, claim.device_name, claim.receipt_prefix);
      // Checked when the code was made; another device may have taken the series since.
      if (typeof series === 'string') throw new SeriesTaken();
      return { claim, series };
    });
  } catch (error) {
    if (!(error instanceof SeriesTaken)) throw error;
    return err(
      'conflict',
      'La serie de recibos de este código ya la usa otro dispositivo activo. Pida al administrador un código nuevo.',
    );
  }
  if (claimed === null) return explainRefusal(database, codeHash);
  const { claim, series } = claimed;
  return ok({
    deviceId,
    deviceName: claim.device_name,
    mode: asDeviceMode(claim.mode),
    scope: claim.scope,
    office: claim.office,
    receiptSeries: series,
    token,
  });
}

/** Read after the failed claim only to choose the message; nothing is written. */
async function explainRefusal(database: ServerDatabase, codeHash: string): Promise<Result<never>> {
  const { rows } = await database.exec.query<{ used_at: Date | null; expired: boolean }>(
    'SELECT used_at, expires_at <= now() AS expired FROM enrollment_codes WHERE code_hash = $1',
    [codeHash],
  );
  const row = rows[0];
  if (row === undefined) {
    return err(
      'validation',
      'El código de inscripción no es válido. Revise que lo haya escrito bien o pida uno nuevo al administrador.',
      'code',
    );
  }
  if (row.used_at !== null)
    return err('conflict', 'Este código de inscripción ya se usó. Pida un código nuevo al administrador.');
  return err('validation', 'El código de inscripción venció. Pida uno nuevo al administrador.', 'code');
}

function asDeviceMode(mode: string): DeviceMode {
  const known = deviceModes.find((candidate) => candidate === mode);
  // The table's check constraint makes this unreachable; failing loudly beats a wrong type.
  if (known === undefined) throw new Error(`devices.mode has an unknown value: ${mode}`);
  return known;
}
