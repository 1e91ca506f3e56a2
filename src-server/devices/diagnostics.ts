import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { SqlExecutor } from '../db/sql-executor';

/**
 * Diagnostic bundles in device_diagnostics (db/server/schema/fleet.ts): kept in the database so
 * any instance serves them; each device keeps its newest `diagnosticsKept`, the older ones are
 * deleted with the insert that passes the count.
 */
export const diagnosticsKept = 20;

export interface DiagnosticListing {
  readonly id: string;
  readonly uploadedAt: Date;
  readonly requestedBy: string | null;
  readonly sizeBytes: number;
}

export async function storeDiagnostic(
  exec: SqlExecutor,
  deviceId: string,
  bundle: Buffer,
  requestedBy: string | null,
  now: Date,
): Promise<DiagnosticListing> {
  const id = uuidv7();
  const sha256 = createHash('sha256').update(bundle).digest('hex');
  await exec.query(
    `WITH pruned AS (
       DELETE FROM device_diagnostics WHERE device_id = $2 AND id IN (
         SELECT id FROM device_diagnostics WHERE device_id = $2 ORDER BY uploaded_at DESC, id DESC OFFSET $7::int - 1
       )
     )
     INSERT INTO device_diagnostics (id, device_id, uploaded_at, requested_by, size_bytes, sha256, bundle)
     VALUES ($1, $2, $3, $4, $5, $6, $8)`,
    [id, deviceId, now.toISOString(), requestedBy, bundle.byteLength, sha256, diagnosticsKept, bundle],
  );
  return { id, uploadedAt: now, requestedBy, sizeBytes: bundle.byteLength };
}

/** A device's bundles, newest first, without their bytes (the fleet view's list). */
export async function listDiagnostics(exec: SqlExecutor, deviceId: string): Promise<DiagnosticListing[]> {
  const { rows } = await exec.query<{
    id: string;
    uploaded_at: Date | string;
    requested_by: string | null;
    size_bytes: number;
  }>(
    `SELECT id, uploaded_at, requested_by, size_bytes FROM device_diagnostics
     WHERE device_id = $1 ORDER BY uploaded_at DESC, id DESC`,
    [deviceId],
  );
  return rows.map((row) => ({
    id: row.id,
    uploadedAt: new Date(row.uploaded_at),
    requestedBy: row.requested_by,
    sizeBytes: Number(row.size_bytes),
  }));
}

/** One bundle of one device with its bytes, or null (another device's bundle under this device is not found). */
export async function diagnosticBundle(
  exec: SqlExecutor,
  deviceId: string,
  id: string,
): Promise<(DiagnosticListing & { readonly bundle: Buffer }) | null> {
  const { rows } = await exec.query<{
    id: string;
    uploaded_at: Date | string;
    requested_by: string | null;
    size_bytes: number;
    bundle: Uint8Array;
  }>(
    `SELECT id, uploaded_at, requested_by, size_bytes, bundle FROM device_diagnostics WHERE device_id = $1 AND id = $2`,
    [deviceId, id],
  );
  const row = rows[0];
  if (row === undefined) return null;
  return {
    id: row.id,
    uploadedAt: new Date(row.uploaded_at),
    requestedBy: row.requested_by,
    sizeBytes: Number(row.size_bytes),
    bundle: Buffer.from(row.bundle),
  };
}
