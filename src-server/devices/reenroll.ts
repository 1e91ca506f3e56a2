import { randomUUID } from 'node:crypto';
import { DEFAULT_ENROLLMENT_CODE_TTL_HOURS } from '../config';
import type { ServerDatabase } from '../db/open';
import { generateEnrollmentCode, hashEnrollmentCode } from './secrets';

/** A code for the replacement of an existing device, as the admin sees it once. */
export interface ReenrollCode {
  /** `XXXX-XXXX-XXXX`; only its hash is stored. */
  readonly code: string;
  readonly expiresAt: Date;
  readonly deviceName: string;
  readonly mode: string;
  readonly office: string | null;
  /** The receipt series the replacement takes over (counters and field laptops); null for a kiosk. */
  readonly receiptPrefix: string | null;
}

export type ReenrollOutcome =
  | { readonly kind: 'created'; readonly value: ReenrollCode }
  | { readonly kind: 'revoked' }
  | { readonly kind: 'not-found' };

interface DeviceRow extends Record<string, unknown> {
  name: string;
  mode: string;
  scope: string | null;
  office: string | null;
  revoked: boolean;
}

/**
 * Re-enrolls a live device: in one transaction its token is revoked **at once** and a one-time
 * enrollment code is made for a replacement install with the same name, mode, scope and office
 * and the device's receipt series (enroll.ts hands the series over to whoever uses the code).
 *
 * Why at once, not when the replacement enrolls: re-enrolling is what an admin does for a kiosk
 * stolen, broken or wiped; a token left live until someone uses the code would keep a stolen
 * device talking to the server for as long as the code waits (or forever, if it is never used).
 * It is also what lets the series move: a series is handed over only from a revoked device, so
 * two live counters never print the same numbers. The cost: a device still working loses its
 * unsent events — the page says how many its last report had before the admin confirms.
 *
 * A device already revoked is refused (`revoked`): it was replaced or retired; its page offers
 * «Nuevo equipo» with its data instead, so a second click never makes a second code silently.
 * The row lock makes two admins clicking at once produce one code between them.
 */
export async function reenrollDevice(
  database: ServerDatabase,
  deviceId: string,
  ttlHours: number = DEFAULT_ENROLLMENT_CODE_TTL_HOURS,
): Promise<ReenrollOutcome> {
  const code = generateEnrollmentCode();
  return database.exec.transaction(async (tx): Promise<ReenrollOutcome> => {
    const { rows } = await tx.query<DeviceRow>(
      'SELECT name, mode, scope, office, revoked_at IS NOT NULL AS revoked FROM devices WHERE id = $1 FOR UPDATE',
      [deviceId],
    );
    const device = rows[0];
    if (device === undefined) return { kind: 'not-found' };
    if (device.revoked) return { kind: 'revoked' };
    await tx.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [deviceId]);
    const series = await tx.query<{ prefix: string }>('SELECT prefix FROM receipt_series WHERE device_id = $1', [
      deviceId,
    ]);
    const receiptPrefix = device.mode === 'kiosk' ? null : (series.rows[0]?.prefix ?? null);
    const inserted = await tx.query<{ expires_at: Date | string }>(
      `INSERT INTO enrollment_codes (id, code_hash, device_name, mode, scope, office, receipt_prefix, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(hours => $8::int)) RETURNING expires_at`,
      [
        randomUUID(),
        hashEnrollmentCode(code),
        device.name,
        device.mode,
        device.scope,
        device.office,
        receiptPrefix,
        ttlHours,
      ],
    );
    const expiresAt = inserted.rows[0]?.expires_at;
    if (expiresAt === undefined) throw new Error('insert into enrollment_codes returned no row');
    return {
      kind: 'created',
      value: {
        code,
        expiresAt: new Date(expiresAt),
        deviceName: device.name,
        mode: device.mode,
        office: device.office,
        receiptPrefix,
      },
    };
  });
}
