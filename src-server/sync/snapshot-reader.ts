import { createHash } from 'node:crypto';
import type { ReplicatedTable } from '../../src-shared/server-api/sync-api';
import type { SqlExecutor } from '../db/sql-executor';
import type { FeedRoutes } from './feed-reader';
import { serverOnlyPaymentColumns, type FeedPolicy } from './feed-policy';

/**
 * The rows of a replicated table as they are now, for a device's first download
 * (src-shared/server-api/snapshot-api.ts): the same share of the entity the feed gives this
 * device (feed-reader.ts, feed-policy.ts) — its mode's tables, its routes, cashiers and
 * supervisors only, payments without what only the server keeps — read in key order a part at
 * a time, each row a JSON array of the columns the device asked for, built by the database.
 */

/** Each table's primary key and its type, for the keyset `key > after`. */
const tableKeys: Readonly<Record<ReplicatedTable, { readonly column: string; readonly type: string }>> = {
  subscribers: { column: 'codigo_interno', type: 'integer' },
  bills: { column: 'bill_number', type: 'bigint' },
  payments: { column: 'id', type: 'uuid' },
  staff_users: { column: 'id', type: 'uuid' },
  settings: { column: 'key', type: 'text' },
};

/** What the text form of each key type looks like: anything else would fail inside the database. */
const keyShapes: Readonly<Record<string, RegExp>> = {
  integer: /^-?\d{1,10}$/,
  bigint: /^-?\d{1,18}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  text: /^[\s\S]{1,64}$/,
};

/** The código de ruta a row is scoped by in the feed (0019_route_rescope.sql's triggers); null = entity-wide. */
const scopeOf: Readonly<Record<ReplicatedTable, string | null>> = {
  subscribers: 't.codigo_ruta',
  bills: '(SELECT s.codigo_ruta FROM subscribers s WHERE s.codigo_interno = t.codigo_interno)',
  payments: '(SELECT s.codigo_ruta FROM subscribers s WHERE s.codigo_interno = t.codigo_interno)',
  staff_users: null,
  settings: null,
};

/** Refused before any row is read: a column the device may not have, or a key not of the table's type. */
export class SnapshotRequestError extends Error {
  override readonly name = 'SnapshotRequestError';
}

export interface SnapshotPart {
  /** JSON array text of the rows, as the database wrote them. */
  readonly rowsJson: string;
  readonly sha256: string;
  readonly count: number;
  readonly last: string | null;
}

/** The WHERE of a table for this device, its parameters numbered from `first`. */
function shareOf(
  table: ReplicatedTable,
  routes: FeedRoutes,
  policy: FeedPolicy,
  first: number,
): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const scope = scopeOf[table];
  if (routes !== null && scope !== null) {
    // The feed's rule (feed-reader.ts): the route itself, or it followed by a dash.
    const p = first + params.length;
    params.push(
      [...routes],
      routes.map((route) => `${route}-`),
    );
    clauses.push(
      `(${scope} = ANY($${p}::text[]) OR left(${scope}, 3) = ANY($${p + 1}::text[]) OR left(${scope}, 7) = ANY($${p + 1}::text[]))`,
    );
  }
  if (table === 'staff_users') {
    params.push([...policy.staffRoles]);
    clauses.push(`t.role = ANY($${first + params.length - 1}::text[])`);
  }
  return { sql: clauses.length === 0 ? 'TRUE' : clauses.join(' AND '), params };
}

/** Rows of each table this device may hold, now; tables outside its policy are not listed. */
export async function snapshotCounts(
  exec: SqlExecutor,
  routes: FeedRoutes,
  policy: FeedPolicy,
): Promise<{ table: ReplicatedTable; rows: number }[]> {
  const counts: { table: ReplicatedTable; rows: number }[] = [];
  for (const table of policy.tables) {
    const share = shareOf(table, routes, policy, 1);
    const { rows } = await exec.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM ${table} t WHERE ${share.sql}`,
      share.params,
    );
    counts.push({ table, rows: Number(rows[0]?.n ?? 0) });
  }
  return counts;
}

const knownColumns = new WeakMap<SqlExecutor, Map<string, ReadonlySet<string>>>();

/** The columns of `table` a device may ask for: all of them, but for what only the server keeps. */
async function allowedColumns(exec: SqlExecutor, table: ReplicatedTable): Promise<ReadonlySet<string>> {
  let byTable = knownColumns.get(exec);
  if (byTable === undefined) knownColumns.set(exec, (byTable = new Map()));
  const known = byTable.get(table);
  if (known !== undefined) return known;
  const { rows } = await exec.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  const hidden: readonly string[] = table === 'payments' ? serverOnlyPaymentColumns : [];
  const allowed = new Set(rows.map((r) => r.column_name).filter((column) => !hidden.includes(column)));
  byTable.set(table, allowed);
  return allowed;
}

/**
 * Up to `limit` rows of `table` after the key `after` (null: from the first), as this device may
 * see them. Throws SnapshotRequestError for a column it may not ask for.
 */
export async function readSnapshotPart(
  exec: SqlExecutor,
  request: {
    readonly table: ReplicatedTable;
    readonly after: string | null;
    readonly limit: number;
    readonly columns: readonly string[];
  },
  routes: FeedRoutes,
  policy: FeedPolicy,
): Promise<SnapshotPart> {
  const { table, after, limit, columns } = request;
  const allowed = await allowedColumns(exec, table);
  const refused = columns.filter((column) => !allowed.has(column));
  if (refused.length > 0)
    throw new SnapshotRequestError(`Columnas que este equipo no puede pedir: ${refused.join(', ')}`);
  if (new Set(columns).size !== columns.length) throw new SnapshotRequestError('Una columna se pidió dos veces.');
  const values = columns.map((column) =>
    table === 'payments' && column === 'reference' && policy.hidePaymentReferences ? 'NULL' : `t."${column}"`,
  );
  const key = tableKeys[table];
  if (after !== null && !keyShapes[key.type]?.test(after))
    throw new SnapshotRequestError('La clave «after» no es de esta tabla.');
  const share = shareOf(table, routes, policy, after === null ? 2 : 3);
  const afterClause = after === null ? '' : `t."${key.column}" > $2::${key.type} AND `;
  const { rows } = await exec.query<{ k: string; r: string }>(
    `SELECT t."${key.column}"::text AS k, json_build_array(${values.join(', ')})::text AS r
     FROM ${table} t WHERE ${afterClause}${share.sql} ORDER BY t."${key.column}" LIMIT $1`,
    after === null ? [limit, ...share.params] : [limit, after, ...share.params],
  );
  const rowsJson = `[${rows.map((row) => row.r).join(',')}]`;
  return {
    rowsJson,
    sha256: createHash('sha256').update(rowsJson).digest('hex'),
    count: rows.length,
    last: rows.at(-1)?.k ?? null,
  };
}
