import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { devices, enrollmentCodes } from '../../db/server/schema';
import { err, ok, type Result } from '../../src-shared/api/result';
import { deviceModes, type DeviceMode } from '../../src-shared/domain/device-mode';
import type { ServerDatabase } from '../db/open';
import { generateDeviceToken, hashEnrollmentCode, sha256Hex } from './secrets';

export interface EnrolledDevice {
  readonly deviceId: string;
  readonly deviceName: string;
  readonly mode: DeviceMode;
  readonly scope: string | null;
  /** Returned once, to the device; the server keeps only its hash. */
  readonly token: string;
}

/**
 * Exchanges a one-time enrollment code for a new device and its token.
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
  const claimed = await database.db.transaction(async (tx) => {
    const [claim] = await tx
      .update(enrollmentCodes)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(enrollmentCodes.codeHash, codeHash),
          isNull(enrollmentCodes.usedAt),
          gt(enrollmentCodes.expiresAt, sql`now()`),
        ),
      )
      .returning({
        id: enrollmentCodes.id,
        deviceName: enrollmentCodes.deviceName,
        mode: enrollmentCodes.mode,
        scope: enrollmentCodes.scope,
      });
    if (claim === undefined) return null;
    // The device row must exist before the code can point at it (foreign key).
    await tx.insert(devices).values({
      id: deviceId,
      name: claim.deviceName,
      mode: claim.mode,
      scope: claim.scope,
      tokenHash: sha256Hex(token),
    });
    await tx.update(enrollmentCodes).set({ usedByDeviceId: deviceId }).where(eq(enrollmentCodes.id, claim.id));
    return claim;
  });
  if (claimed === null) return explainRefusal(database, codeHash);
  return ok({
    deviceId,
    deviceName: claimed.deviceName,
    mode: asDeviceMode(claimed.mode),
    scope: claimed.scope,
    token,
  });
}

/** Read after the failed claim only to choose the message; nothing is written. */
async function explainRefusal(database: ServerDatabase, codeHash: string): Promise<Result<never>> {
  const [row] = await database.db
    .select({
      usedAt: enrollmentCodes.usedAt,
      expired: sql<boolean>`${enrollmentCodes.expiresAt} <= now()`,
    })
    .from(enrollmentCodes)
    .where(eq(enrollmentCodes.codeHash, codeHash));
  if (row === undefined) {
    return err(
      'validation',
      'El código de inscripción no es válido. Revise que lo haya escrito bien o pida uno nuevo al administrador.',
      'code',
    );
  }
  if (row.usedAt !== null) {
    return err('conflict', 'Este código de inscripción ya se usó. Pida un código nuevo al administrador.');
  }
  return err('validation', 'El código de inscripción venció. Pida uno nuevo al administrador.', 'code');
}

function asDeviceMode(mode: string): DeviceMode {
  const known = deviceModes.find((candidate) => candidate === mode);
  // The table's check constraint makes this unreachable; failing loudly beats a wrong type.
  if (known === undefined) throw new Error(`devices.mode has an unknown value: ${mode}`);
  return known;
}
