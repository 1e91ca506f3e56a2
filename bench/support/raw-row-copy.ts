import type { Store } from '../../src-main/store/open-store';
import { replicaTables } from '../../src-main/sync/replica-tables';
import { replicatedTables } from '../../src-shared/server-api/sync-api';

/**
 * A raw limit for a download: every replicated row of `from`, read first, then written into
 * the empty migrated store `to` with bare prepared INSERTs in one transaction — no HTTP, no
 * JSON, no server. Returns the rows and the seconds the writing took.
 */
export function rawRowCopy(from: Store, to: Store): { rows: number; seconds: number } {
  const tables = replicatedTables.map((table) => {
    const columns = replicaTables[table].columns.map(([column]) => column);
    return {
      insert: to.sqlite.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      ),
      rows: from.sqlite
        .prepare(`SELECT ${columns.join(', ')} FROM ${table}`)
        .raw()
        .all() as unknown[][],
    };
  });
  const rows = tables.reduce((sum, table) => sum + table.rows.length, 0);
  const started = performance.now();
  to.sqlite
    .transaction(() => {
      for (const table of tables) for (const row of table.rows) table.insert.run(row);
    })
    .immediate();
  return { rows, seconds: (performance.now() - started) / 1000 };
}
