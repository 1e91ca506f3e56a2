import type { SqlExecutor } from '../db/sql-executor';
import { serverOnlyPaymentColumns, type FeedPolicy } from './feed-policy';

/** A page of the change feed, already serialised: rows travel as PostgreSQL wrote them. */
export interface FeedPage {
  /** JSON array text of `FeedChange`s. */
  readonly changesJson: string;
  readonly count: number;
  /** The cursor the device sends next: the page's last `seq` when full, else the bound read up to. */
  readonly lastSeq: number;
  /** The page holds `limit` changes: more may be waiting. */
  readonly full: boolean;
  /** The newest committed `seq` when the page was read. */
  readonly latest: number;
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

/** The rows the policy keeps (feed-policy.ts), in the parameters $4 (tables) and $5 (staff roles). */
const policyFilter = `table_name = ANY($4::text[])`;
const staffOutOfRole = `(table_name = 'staff_users' AND op = 'put' AND NOT (row->>'role' = ANY($5::text[])))`;

/**
 * Changes after `cursor`, in `seq` order, as this device may see them. `seq > cursor` is safe
 * because writers of replicated tables hold the feed lock until they commit
 * (db/server/schema/sync.ts): every `seq` up to the newest committed one is committed, so the
 * page reads up to that bound `upTo`, and when it is not full the device's next cursor is
 * `upTo` itself — changes it may not see (another route's, a table it does not hold) move its
 * cursor too, and a long poll never wakes for them again and again.
 */
export async function readFeedPage(
  exec: SqlExecutor,
  cursor: number,
  limit: number,
  scope: string | null,
  policy: FeedPolicy,
): Promise<FeedPage> {
  const upTo = await latestSeq(exec);
  const { rows } = await exec.query<FeedRow>(
    `SELECT seq, table_name, row_key,
       CASE WHEN ${staffOutOfRole} THEN 'del' ELSE op END AS op,
       CASE WHEN ${staffOutOfRole} THEN NULL
            WHEN table_name = 'payments' AND row IS NOT NULL THEN
              (CASE WHEN $6::boolean THEN jsonb_set(row, '{reference}', 'null'::jsonb) ELSE row END - $7::text[])::text
            ELSE row::text END AS row
     FROM change_log
     WHERE seq > $1 AND seq <= $8 AND ${scopeFilter} AND ${policyFilter} ORDER BY seq LIMIT $2`,
    [
      cursor,
      limit,
      scope,
      [...policy.tables],
      [...policy.staffRoles],
      policy.hidePaymentReferences,
      [...serverOnlyPaymentColumns],
      upTo,
    ],
  );
  // Built by hand: parsing each jsonb row only to stringify it again would cost more than the
  // query. Keys and table names go through JSON.stringify; `row` is PostgreSQL's JSON text.
  const parts = rows.map(
    (r) =>
      `{"seq":${Number(r.seq)},"table":${JSON.stringify(r.table_name)},"key":${JSON.stringify(r.row_key)},"op":${JSON.stringify(r.op)},"row":${r.row ?? 'null'}}`,
  );
  const last = rows.at(-1);
  const full = rows.length === limit;
  return {
    changesJson: `[${parts.join(',')}]`,
    count: rows.length,
    lastSeq: full && last !== undefined ? Number(last.seq) : Math.max(cursor, upTo),
    full,
    latest: upTo,
  };
}

/** Changes left after `cursor` for this device (index range scan; asked once per catch-up). */
export async function countAfter(
  exec: SqlExecutor,
  cursor: number,
  scope: string | null,
  policy: FeedPolicy,
): Promise<number> {
  const { rows } = await exec.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM change_log WHERE seq > $1 AND ${scopeFilter.replaceAll('$3', '$2')} AND ${policyFilter.replaceAll('$4', '$3')}`,
    [cursor, scope, [...policy.tables]],
  );
  return Number(rows[0]?.n ?? 0);
}

/** The newest committed `seq` (0 for an empty feed). */
export async function latestSeq(exec: SqlExecutor): Promise<number> {
  const { rows } = await exec.query<{ max: string | number | null }>('SELECT max(seq) AS max FROM change_log');
  return Number(rows[0]?.max ?? 0);
}
