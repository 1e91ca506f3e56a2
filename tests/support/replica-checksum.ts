import { createHash } from 'node:crypto';
import type { SqlExecutor } from '../../src-server/db/sql-executor';
import { replicatedTables, type ReplicatedTable } from '../../src-shared/server-api/sync-api';
import { rowValues } from '../../src-main/sync/replica-apply';
import { replicaTables } from '../../src-main/sync/replica-tables';
import type { Store } from '../../src-main/store/open-store';

export type Checksums = Record<ReplicatedTable, { rows: number; sha256: string }>;

function digest(rows: readonly unknown[][]): { rows: number; sha256: string } {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(`${JSON.stringify(row)}\n`);
  return { rows: rows.length, sha256: hash.digest('hex') };
}

const byKey = (a: unknown[], b: unknown[]): number => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0);

/** Every replicated table of the server, as a device would store it, hashed row by row in key order. */
export async function serverChecksums(exec: SqlExecutor, scope: (table: ReplicatedTable) => string = () => 'true'): Promise<Checksums> {
  const result = {} as Checksums;
  for (const table of replicatedTables) {
    const spec = replicaTables[table];
    const { rows } = await exec.query<{ row: Record<string, unknown> }>(`SELECT to_jsonb(t) AS row FROM ${table} t WHERE ${scope(table)}`);
    const values = rows.map((r) => {
      const v = rowValues(spec, r.row, 'server');
      const keyIndex = spec.columns.findIndex(([c]) => c === spec.key);
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
    const columns = spec.columns.map(([c]) => c);
    const rows = store.sqlite.prepare(`SELECT ${spec.key} AS k, ${columns.join(', ')} FROM ${table}`).raw().all() as unknown[][];
    result[table] = digest(rows.sort(byKey));
  }
  return result;
}
