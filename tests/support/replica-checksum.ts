import { createHash } from 'node:crypto';
import type { SqlExecutor } from '../../src-server/db/sql-executor';
import type { DeviceMode } from '../../src-shared/domain/device-mode';
import { replicatedTables, type ReplicatedTable } from '../../src-shared/server-api/sync-api';
import { rowValues } from '../../src-main/sync/replica-apply';
import { replicatedStaffRoles } from '../../src-main/sync/replica-policy';
import { replicaTables } from '../../src-main/sync/replica-tables';
import type { Store } from '../../src-main/store/open-store';

export type Checksums = Record<ReplicatedTable, { rows: number; sha256: string }>;

/**
 * Staff hashes are peppered on the device with its own secret, so they never equal the
 * server's: the checksums leave them out (tests check the peppered form apart).
 */
const devicePeppered = new Set(['password_hash', 'pin_hash']);
const compared = (table: ReplicatedTable) =>
  replicaTables[table].columns
    .map(([column]) => column)
    .filter((c) => table !== 'staff_users' || !devicePeppered.has(c));

function digest(rows: readonly unknown[][]): { rows: number; sha256: string } {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(`${JSON.stringify(row)}\n`);
  return { rows: rows.length, sha256: hash.digest('hex') };
}

const byKey = (a: unknown[], b: unknown[]): number =>
  String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0;

/** What a device of `mode` holds of a server row (src-server/sync/feed-policy.ts). */
function asDeviceHolds(table: ReplicatedTable, mode: DeviceMode): string {
  if (table === 'staff_users')
    return mode === 'kiosk' ? 'false' : `role IN (${replicatedStaffRoles.map((r) => `'${r}'`).join(', ')})`;
  return 'true';
}

/**
 * Every replicated table of the server, as a device of `mode` would store it, hashed row by row
 * in key order. `scope` narrows a table further (a field device's routes).
 */
export async function serverChecksums(
  exec: SqlExecutor,
  scope: (table: ReplicatedTable) => string = () => 'true',
  mode: DeviceMode = 'cashier',
): Promise<Checksums> {
  const result = {} as Checksums;
  for (const table of replicatedTables) {
    const spec = replicaTables[table];
    const columns = compared(table);
    const { rows } = await exec.query<{ row: Record<string, unknown> }>(
      `SELECT to_jsonb(t) AS row FROM ${table} t WHERE ${scope(table)} AND ${asDeviceHolds(table, mode)}`,
    );
    const values = rows.map((r) => {
      const row = table === 'payments' && mode === 'kiosk' ? { ...r.row, reference: null } : r.row;
      const all = rowValues(spec, row, 'server');
      const v = spec.columns.flatMap(([column], i) => (columns.includes(column) ? [all[i]] : []));
      const keyIndex = columns.indexOf(spec.key);
      return [v[keyIndex], ...v];
    });
    result[table] = digest(values.sort(byKey));
  }
  return result;
}

/** The same for a device's replica. */
export function deviceChecksums(store: Store): Checksums {
  const result = {} as Checksums;
  for (const table of replicatedTables) {
    const spec = replicaTables[table];
    const rows = store.sqlite
      .prepare(`SELECT ${spec.key} AS k, ${compared(table).join(', ')} FROM ${table}`)
      .raw()
      .all() as unknown[][];
    result[table] = digest(rows.sort(byKey));
  }
  return result;
}
