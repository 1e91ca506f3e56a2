import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { devices, enrollmentCodes } from '../../db/server/schema';
import { deviceModes, type DeviceMode } from '../../src-shared/domain/device-mode';
import { DEFAULT_ENROLLMENT_CODE_TTL_HOURS } from '../config';
import type { ServerDatabase } from '../db/open';
import { prefixShape } from './receipt-series';
import { generateEnrollmentCode, hashEnrollmentCode } from './secrets';

/**
 * What an administrator does with devices: create a one-time enrollment code, list devices,
 * revoke one. Used by `npm run admin`, by the local admin HTTP routes and by `npm start`
 * (which enrolls its own device in-process).
 */

export const NewEnrollmentCode = z
  .object({
    deviceName: z
      .string({ error: 'Falta el nombre del dispositivo.' })
      .trim()
      .min(1, { error: 'Falta el nombre del dispositivo.' })
      .max(80, { error: 'El nombre del dispositivo tiene como máximo 80 caracteres.' }),
    mode: z.enum(deviceModes, { error: 'El modo debe ser kiosk, cashier o field.' }),
    scope: z
      .string()
      .trim()
      .min(1, { error: 'El alcance no puede estar vacío.' })
      .max(80, { error: 'El alcance tiene como máximo 80 caracteres.' })
      .optional(),
    /** The office the device stands in: a counter voids only payments of its own office. */
    office: z
      .string()
      .trim()
      .min(1, { error: 'La sede no puede estar vacía.' })
      .max(80, { error: 'La sede tiene como máximo 80 caracteres.' })
      .optional(),
    /** A receipt series the device takes over (a counter reinstalled); a new one when absent. */
    receiptPrefix: z
      .string()
      .trim()
      .toUpperCase()
      .regex(prefixShape, { error: 'El prefijo de recibos tiene de 1 a 10 letras o números, sin guiones ni espacios.' })
      .optional(),
    ttlHours: z
      .number({ error: 'La vigencia debe ser un número de horas.' })
      .int({ error: 'La vigencia debe ser un número entero de horas.' })
      .min(1, { error: 'La vigencia mínima es 1 hora.' })
      .max(720, { error: 'La vigencia máxima es 720 horas (30 días).' })
      .optional(),
  })
  .strict();
export type NewEnrollmentCode = z.input<typeof NewEnrollmentCode>;

export class AdminInputError extends Error {
  override readonly name = 'AdminInputError';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface CreatedEnrollmentCode {
  /** Shown once to the admin as `XXXX-XXXX-XXXX`; only its hash is stored. */
  readonly code: string;
  readonly expiresAt: Date;
}

export async function createEnrollmentCode(
  database: ServerDatabase,
  input: NewEnrollmentCode,
): Promise<CreatedEnrollmentCode> {
  const parsed = NewEnrollmentCode.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AdminInputError(issue?.message ?? 'Datos inválidos.', issue?.path.join('.'));
  }
  const { deviceName, mode, scope, office, receiptPrefix, ttlHours = DEFAULT_ENROLLMENT_CODE_TTL_HOURS } = parsed.data;
  if (receiptPrefix !== undefined) await checkSeriesFree(database, mode, receiptPrefix);
  const code = generateEnrollmentCode();
  const [row] = await database.db
    .insert(enrollmentCodes)
    .values({
      id: randomUUID(),
      codeHash: hashEnrollmentCode(code),
      deviceName,
      mode,
      scope: scope ?? null,
      office: office ?? null,
      receiptPrefix: receiptPrefix ?? null,
      // The database clock decides expiry, both here and at exchange, so instances with
      // skewed clocks agree.
      expiresAt: sql`now() + make_interval(hours => ${ttlHours}::int)`,
    })
    .returning({ expiresAt: enrollmentCodes.expiresAt });
  if (row === undefined) throw new Error('insert into enrollment_codes returned no row');
  return { code, expiresAt: row.expiresAt };
}

/** A series may be taken over only from a revoked device: two live counters never share one. */
async function checkSeriesFree(database: ServerDatabase, mode: DeviceMode, prefix: string): Promise<void> {
  if (mode === 'kiosk')
    throw new AdminInputError('Un kiosco no emite recibos: no lleva prefijo de recibos.', 'receiptPrefix');
  const { rows } = await database.exec.query<{ name: string }>(
    'SELECT d.name FROM receipt_series s JOIN devices d ON d.id = s.device_id WHERE s.prefix = $1 AND d.revoked_at IS NULL',
    [prefix],
  );
  const holder = rows[0];
  if (holder !== undefined) {
    throw new AdminInputError(
      `La serie de recibos ${prefix} la usa «${holder.name}», que sigue activo. Revóquelo primero.`,
      'receiptPrefix',
    );
  }
}

export interface DeviceSummary {
  readonly id: string;
  readonly name: string;
  readonly mode: DeviceMode;
  readonly scope: string | null;
  readonly office: string | null;
  readonly createdAt: Date;
  readonly lastSeenAt: Date | null;
  readonly revokedAt: Date | null;
}

export async function listDevices(database: ServerDatabase): Promise<DeviceSummary[]> {
  const rows = await database.db
    .select({
      id: devices.id,
      name: devices.name,
      mode: devices.mode,
      scope: devices.scope,
      office: devices.office,
      createdAt: devices.createdAt,
      lastSeenAt: devices.lastSeenAt,
      revokedAt: devices.revokedAt,
    })
    .from(devices)
    .orderBy(asc(devices.createdAt), asc(devices.name));
  // The table's check constraint guarantees the mode; this narrows the type without a cast.
  return rows.map((row) => ({ ...row, mode: z.enum(deviceModes).parse(row.mode) }));
}

export type RevokeOutcome = 'revoked' | 'already-revoked' | 'not-found';

const Uuid = z.uuid();

/** Revocation takes effect on the device's next request: tokens are checked on every one. */
export async function revokeDevice(database: ServerDatabase, deviceId: string): Promise<RevokeOutcome> {
  // Anything that is not a uuid cannot name a device (and would be a type error in SQL).
  if (!Uuid.safeParse(deviceId).success) return 'not-found';
  // Conditional update first, so two admins revoking at once get one 'revoked' between them.
  const revoked = await database.db
    .update(devices)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(devices.id, deviceId), isNull(devices.revokedAt)))
    .returning({ id: devices.id });
  if (revoked.length > 0) return 'revoked';
  const existing = await database.db.select({ id: devices.id }).from(devices).where(eq(devices.id, deviceId));
  return existing.length > 0 ? 'already-revoked' : 'not-found';
}
