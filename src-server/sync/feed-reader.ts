import type { SqlExecutor } from '../db/sql-executor';

/** A page of the change feed, already serialised: rows travel as PostgreSQL wrote them. */
export interface FeedPage {
  /** JSON array text of `FeedChange`s. */
  readonly changesJson: string;
  readonly count: number;
  /** The `seq` of the last change in the page, or the cursor when the page is empty. */
  readonly lastSeq: number;
}

interface FeedRow extends Record<string, unknown> {
  seq: string | number;
  table_name: string;
  row_key: string;
  op: string;
  row: string | null;
}

/**
 * A device's scope limits what it replicates when it names a código de ruta prefix (`03`,
 * `03-117`, `03-117-0452`, as a field laptop is enrolled); any other scope (an office name for
 * a counter) replicates the whole entity.
 */
export function routeScope(scope: string | null): string | null {
  return scope !== null && /^\d{2}(-\d{3}(-\d{4})?)?$/.test(scope) ? scope : null;
}

/**
 * `scope` limits a device to one código de ruta prefix (`03` = ciclo 03, `03-117` = one
 * route); entity-wide rows (scope null) reach every device. The comparison is on the
 * prefix plus the dash, so `03-11` never matches `03-117-…`.
 */
const scopeFilter = `($3::text IS NULL OR scope IS NULL OR scope = $3 OR left(scope, length($3) + 1) = $3 || '-')`;

/**
 * Changes after `cursor`, in `seq` order. `seq > cursor` is safe here because writers of
 * replicated tables hold the feed lock until they commit (db/server/schema/sync.ts), so no
 * smaller `seq` can become visible after a larger one.
 */
export async function readFeedPage(exec: SqlExecutor, cursor: number, limit: number, scope: string | null): Promise<FeedPage> {
  const { rows } = await exec.query<FeedRow>(
    `SELECT seq, table_name, row_key, op, row::text AS row FROM change_log
     WHERE seq > $1 AND ${scopeFilter} ORDER BY seq LIMIT $2`,
    [cursor, limit, scope],
  );
  // Built by hand: parsing each jsonb row only to stringify it again would cost more than the
  // query. Keys and table names go through JSON.stringify; `row` is PostgreSQL's JSON text.
  const parts = rows.map(
    (r) => `{"seq":${Number(r.seq)},"table":${JSON.stringify(r.table_name)},"key":${JSON.stringify(r.row_key)},"op":${JSON.stringify(r.op)},"row":${r.row ?? 'null'}}`,
  );
  const last = rows.at(-1);
  return { changesJson: `[${parts.join(',')}]`, count: rows.length, lastSeq: last === undefined ? cursor : Number(last.seq) };
}

/** Changes left after `cursor` for this scope (index range scan; asked once per catch-up). */
export async function countAfter(exec: SqlExecutor, cursor: number, scope: string | null): Promise<number> {
  const { rows } = await exec.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM change_log WHERE seq > $1 AND ${scopeFilter.replaceAll('$3', '$2')}`,
    [cursor, scope],
  );
  return Number(rows[0]?.n ?? 0);
}

/** The newest committed `seq` (0 for an empty feed). */
export async function latestSeq(exec: SqlExecutor): Promise<number> {
  const { rows } = await exec.query<{ max: string | number | null }>('SELECT max(seq) AS max FROM change_log');
  return Number(rows[0]?.max ?? 0);
}
