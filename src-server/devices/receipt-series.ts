import type { SqlExecutor } from '../db/sql-executor';

/**
 * Receipt number series (`CAJA1-000123`). The server issues each counter and field device a
 * prefix nobody else holds, and remembers the last number it received of it; a device that
 * takes over a series (a counter reinstalled, enrolled with the same prefix) goes on after that
 * number, so a receipt number is never printed twice.
 */
export interface IssuedSeries {
  readonly prefix: string;
  /** The first number the device may use. */
  readonly next: number;
}

/** Letters and digits, 1 to 10: what a prefix may be (the dash separates it from the number). */
export const prefixShape = /^[A-Z0-9]{1,10}$/;

/** `Caja 1 — Sede Centro` → `CAJA1SEDEC`… shortened to 8 so a suffix fits. */
export function prefixFromName(name: string): string {
  const letters = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()
    .slice(0, 8);
  return letters.length > 0 ? letters : 'CAJA';
}

export type SeriesRefusal = 'in-use' | 'malformed';

/**
 * Gives `deviceId` a series inside the enrollment's transaction: the one asked for (free, or
 * held by a revoked device) or a new one made from the device's name (`CAJA1`, `CAJA12`, …).
 */
export async function issueSeries(
  tx: SqlExecutor,
  deviceId: string,
  deviceName: string,
  requested: string | null,
): Promise<IssuedSeries | SeriesRefusal> {
  if (requested !== null) {
    if (!prefixShape.test(requested)) return 'malformed';
    const { rows } = await tx.query<{ last_number: number; revoked: boolean }>(
      `SELECT s.last_number, d.revoked_at IS NOT NULL AS revoked FROM receipt_series s JOIN devices d ON d.id = s.device_id WHERE s.prefix = $1 FOR UPDATE OF s`,
      [requested],
    );
    const held = rows[0];
    if (held !== undefined && !held.revoked) return 'in-use';
    if (held !== undefined) {
      await tx.query('UPDATE receipt_series SET device_id = $2, updated_at = now() WHERE prefix = $1', [
        requested,
        deviceId,
      ]);
      return { prefix: requested, next: held.last_number + 1 };
    }
    await tx.query('INSERT INTO receipt_series (prefix, device_id) VALUES ($1, $2)', [requested, deviceId]);
    return { prefix: requested, next: 1 };
  }
  const base = prefixFromName(deviceName);
  for (let n = 1; n < 10_000; n += 1) {
    const prefix = n === 1 ? base : `${base}${n}`;
    const { rows } = await tx.query<{ prefix: string }>(
      'INSERT INTO receipt_series (prefix, device_id) VALUES ($1, $2) ON CONFLICT (prefix) DO NOTHING RETURNING prefix',
      [prefix, deviceId],
    );
    if (rows.length > 0) return { prefix, next: 1 };
  }
  throw new Error('no free receipt prefix after 10,000 tries');
}

/** The series a device holds now, with the number after the last one the server received. */
export async function seriesOf(exec: SqlExecutor, deviceId: string): Promise<IssuedSeries | null> {
  const { rows } = await exec.query<{ prefix: string; last_number: number }>(
    'SELECT prefix, last_number FROM receipt_series WHERE device_id = $1',
    [deviceId],
  );
  const row = rows[0];
  return row === undefined ? null : { prefix: row.prefix, next: row.last_number + 1 };
}
