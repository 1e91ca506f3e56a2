import { forEachCopyTuple } from '../db/binary-copy';
import type { ServerDatabase } from '../db/open';
import type { BindValue, PreparedStatement, RowBytes } from '../db/row-bytes';
import type { SqlExecutor } from '../db/sql-executor';
import type { FeedPolicy } from './feed-policy';

/**
 * A page's JSON bytes, not copied anywhere yet: `writeTo` copies them into `target` at `at` and
 * says how many it wrote (`byteLength`). The answer's one buffer is made once its size is known,
 * and the page goes into it straight from the bytes PostgreSQL sent. Once only: the rows' buffer
 * is reused for another page right after (src-server/buffer-pool.ts).
 */
export interface PageBytes {
  readonly byteLength: number;
  writeTo(target: Buffer, at: number): number;
}

/** A page of the change feed, already serialised: rows travel as PostgreSQL wrote them. */
export interface FeedPage {
  /**
   * JSON array text of `FeedChange`s, as PostgreSQL wrote it: its bytes on PostgreSQL (read by
   * row-bytes.ts, never decoded), a string on PGlite.
   */
  readonly changesJson: string | PageBytes;
  readonly count: number;
  /** The cursor the device sends next: the page's last `seq` when full, else the bound read up to. */
  readonly lastSeq: number;
  /** The page holds `limit` changes: more may be waiting. */
  readonly full: boolean;
  /** The newest committed `seq` when the page was read. */
  readonly latest: number;
  /** The feed's epoch (feed-epoch.ts) read with the page, in the same statement. */
  readonly epoch: string;
}

/** What the page statement gave, however it was read. */
interface PageRead {
  readonly upTo: string;
  readonly epoch: string | null;
  readonly count: number;
  /** The `seq` of the page's last change; null when the page is empty. */
  readonly lastSeq: string | null;
  readonly changesJson: string | PageBytes;
}

/**
 * What of the route-scoped feed a device receives: `null` for the whole entity (counters and
 * kiosks), else the códigos de ruta assigned to a field device (`03`, `03-117`), read once per
 * pull (src-server/devices/device-routes.ts). An empty list receives no route-scoped row at all.
 */
export type FeedRoutes = readonly string[] | null;

/**
 * Entity-wide rows (scope null) reach every device. A route-scoped row reaches a field device
 * when its scope is one of the device's routes or starts with one plus a dash: `03-117-0452`
 * lies within `03` (its first 3 characters are `03-`) and `03-117` (its first 7 are `03-117-`),
 * never within `03-11`. Route codes have only those two lengths (device_routes' check), so two
 * `= ANY` over the prefixes with their dash decide it without a per-row loop. `routes` is the
 * SQL of the routes' array (a placeholder or a literal), `dashed` that of the routes each
 * followed by a dash.
 */
function scopeFilter(routes: string, dashed: string): string {
  return `(${routes}::text[] IS NULL OR scope IS NULL OR scope = ANY(${routes}::text[]) OR left(scope, 3) = ANY(${dashed}::text[]) OR left(scope, 7) = ANY(${dashed}::text[]))`;
}

function scopeParams(routes: FeedRoutes): [string[] | null, string[] | null] {
  return routes === null ? [null, null] : [[...routes], routes.map((route) => `${route}-`)];
}

/** A staff member whose role the device's policy (feed-policy.ts) does not hold; `arg(5)` is its staff roles. */
function staffOutOfRole(arg: (i: number) => string): string {
  return `(table_name = 'staff_users' AND op = 'put' AND NOT (row->>'role' = ANY(${arg(5)}::text[])))`;
}

/**
 * Changes after `cursor`, in `seq` order, as this device may see them. `seq > cursor` is safe
 * because writers of replicated tables hold the feed lock until they commit
 * (db/server/schema/sync.ts): every `seq` up to the newest committed one is committed, so the
 * page reads up to that bound `upTo`, and when it is not full the device's next cursor is
 * `upTo` itself — changes it may not see (another route's, a table it does not hold) move its
 * cursor too, and a long poll never wakes for them again and again.
 */
export async function readFeedPage(
  database: Pick<ServerDatabase, 'exec' | 'readRows'>,
  cursor: number,
  limit: number,
  routes: FeedRoutes,
  policy: FeedPolicy,
): Promise<FeedPage> {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`readFeedPage: a limit of ${limit}`);
  const values: BindValue[] = [
    cursor,
    limit,
    scopeParams(routes)[0],
    [...policy.tables],
    [...policy.staffRoles],
    policy.hidePaymentReferences,
    scopeParams(routes)[1],
  ];
  const read =
    database.readRows === undefined
      ? await readByQuery(database.exec, values)
      : await readByRows(database.readRows, values, limit);
  if (read.epoch === null) throw new Error('the deployment row is missing');
  const upTo = Number(read.upTo);
  const full = read.count === limit;
  return {
    changesJson: read.changesJson,
    count: read.count,
    lastSeq: full && read.lastSeq !== null ? Number(read.lastSeq) : Math.max(cursor, upTo),
    full,
    latest: upTo,
    epoch: read.epoch,
  };
}

/** PGlite: the statement with parameters, each change's JSON joined as a string. */
async function readByQuery(exec: SqlExecutor, values: BindValue[]): Promise<PageRead> {
  const { rows } = await exec.query<Record<string, string | null>>(
    pageStatement((i) => `$${i}`),
    values.map((v) => (Array.isArray(v) ? [...v] : v)),
  );
  const first = rows[0];
  const changes = rows.filter((r) => r.seq !== null);
  return {
    upTo: first?.up_to ?? '0',
    epoch: first?.epoch ?? null,
    count: changes.length,
    lastSeq: changes.at(-1)?.seq ?? null,
    changesJson: `[${changes.map((r) => r.change).join(',')}]`,
  };
}

/** Columns of the page statement, in order (pageStatement). */
const column = { upTo: 0, epoch: 1, seq: 2, change: 3 } as const;
const comma = 0x2c;

/**
 * PostgreSQL: the same statement, prepared once per connection (one per page size: the LIMIT is
 * written into it, so its cached plan is the ordered index scan whatever the cursor; with the
 * LIMIT as a parameter the planner would guess a tenth of the table), its rows
 * read as the bytes PostgreSQL wrote (row-bytes.ts): each change's JSON arrives whole, and is
 * copied once, straight into the answer's buffer (PageBytes), with a comma between; nothing is
 * decoded into a string but the first row's bounds and the last row's `seq`. Two walks over the
 * rows: one here to size the page, one in `writeTo` to copy it.
 */
async function readByRows(
  readRows: (statement: PreparedStatement, values: readonly BindValue[]) => Promise<RowBytes>,
  values: BindValue[],
  limit: number,
): Promise<PageRead> {
  // The LIMIT ($2 elsewhere) is written in; the values after it move down one place. A device
  // may ask for any page size up to 10,000: only round ones (devices ask for 2,000) are kept
  // prepared, so a device cannot fill a connection with thousands of statements; any other
  // size is the unnamed statement, parsed and planned each time.
  const statement = {
    name: limit % 500 === 0 ? `feed-page-${limit}` : '',
    text: pageStatement((i) => (i === 2 ? String(limit) : `$${i < 2 ? i : i - 1}`)),
  };
  const copied = await readRows(
    statement,
    values.filter((_, k) => k !== 1),
  );
  const { bytes } = copied;
  const text = (start: number, length: number): string | null =>
    length === -1 ? null : bytes.toString('utf8', start, start + length);
  let first = true;
  let upTo: string | null = null;
  let epoch: string | null = null;
  let count = 0;
  let byteLength = 2;
  let lastSeq: string | null = null;
  try {
    forEachCopyTuple(bytes, ({ fields, start, length }) => {
      if (fields !== 4) throw new Error(`feed page: a row of ${fields} fields`);
      if (first) {
        upTo = text(start[column.upTo]!, length[column.upTo]!);
        epoch = text(start[column.epoch]!, length[column.epoch]!);
        first = false;
      }
      const change = length[column.change]!;
      if (change <= 0) return;
      byteLength += change + (count === 0 ? 0 : 1);
      count += 1;
      lastSeq = text(start[column.seq]!, length[column.seq]!);
    });
  } catch (error) {
    copied.release();
    throw error;
  }
  // An empty page (a long poll's first look, often thrown away) keeps nothing.
  if (count === 0) {
    copied.release();
    return { upTo: upTo ?? '0', epoch, count, lastSeq, changesJson: '[]' };
  }
  let written = false;
  // Called once, by the answer (api-route.ts); the rows' bytes go back to the pool right after.
  const writeTo = (target: Buffer, from: number): number => {
    if (written) throw new Error('feed page: written twice');
    written = true;
    try {
      let at = from;
      target[at++] = 0x5b; // [
      forEachCopyTuple(bytes, ({ start, length }) => {
        const change = length[column.change]!;
        if (change <= 0) return;
        if (at > from + 1) target[at++] = comma;
        at += bytes.copy(target, at, start[column.change]!, start[column.change]! + change);
      });
      target[at++] = 0x5d; // ]
      if (at - from !== byteLength) throw new Error('feed page: changed size between its two walks');
      return byteLength;
    } finally {
      copied.release();
    }
  };
  return { upTo: upTo ?? '0', epoch, count, lastSeq, changesJson: { byteLength, writeTo } };
}

/**
 * The page in one statement, its values named by `arg(1…7)` (placeholders; the LIMIT written in
 * for PostgreSQL's prepared statement): the bound, the epoch and the page in one snapshot — a pull used to make three round
 * trips, and at 200 devices polling at once each costs a turn of the pool. `row` is the text the
 * trigger wrote (a `json` column, migration 0026: printing a `jsonb` again for every page was
 * about 40 % of PostgreSQL's CPU for it), a payment's server-only columns already left out; only
 * a kiosk's payments go through `jsonb`, to lose their reference. Each change's JSON is put
 * together here, `to_json` quoting and escaping the table name, key and op: it cost PostgreSQL
 * nothing measurable, and spared the server a piece per field (six per change) to join. (Having
 * PostgreSQL join the whole page into one JSON text with string_agg was tried: it saved the
 * server ~1 ms per page and cost PostgreSQL ~2 ms more.) Every column is text, so each field's
 * bytes are UTF-8.
 */
function pageStatement(arg: (i: number) => string): string {
  return `WITH bounds AS (
       SELECT (SELECT coalesce(max(seq), 0) FROM change_log) AS up_to,
              (SELECT feed_epoch FROM deployments LIMIT 1) AS epoch
     ), page AS (
       SELECT seq, table_name, row_key,
         CASE WHEN ${staffOutOfRole(arg)} THEN 'del' ELSE op END AS op,
         CASE WHEN ${staffOutOfRole(arg)} THEN NULL
              WHEN ${arg(6)}::boolean AND table_name = 'payments' AND row IS NOT NULL THEN
                jsonb_set(row::jsonb, '{reference}', 'null'::jsonb)::text
              ELSE row::text END AS row
       FROM change_log
       WHERE seq > ${arg(1)} AND seq <= (SELECT up_to FROM bounds)
         AND ${scopeFilter(arg(3), arg(7))} AND table_name = ANY(${arg(4)}::text[])
       ORDER BY seq LIMIT ${arg(2)}
     )
     SELECT bounds.up_to::text AS up_to, bounds.epoch::text AS epoch, page.seq::text AS seq,
       '{"seq":' || page.seq || ',"table":' || to_json(page.table_name) || ',"key":' || to_json(page.row_key)
         || ',"op":' || to_json(page.op) || ',"row":' || coalesce(page.row, 'null') || '}' AS change
     FROM bounds LEFT JOIN page ON true ORDER BY page.seq`;
}

/** Changes left after `cursor` for this device (index range scan; asked once per catch-up). */
export async function countAfter(
  exec: SqlExecutor,
  cursor: number,
  routes: FeedRoutes,
  policy: FeedPolicy,
): Promise<number> {
  const { rows } = await exec.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM change_log WHERE seq > $1 AND ${scopeFilter('$2', '$3')} AND table_name = ANY($4::text[])`,
    [cursor, ...scopeParams(routes), [...policy.tables]],
  );
  return Number(rows[0]?.n ?? 0);
}

/** The newest committed `seq` (0 for an empty feed). */
export async function latestSeq(exec: SqlExecutor): Promise<number> {
  const { rows } = await exec.query<{ max: string | number | null }>('SELECT max(seq) AS max FROM change_log');
  return Number(rows[0]?.max ?? 0);
}
