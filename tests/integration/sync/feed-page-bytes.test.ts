import { expect, it } from 'vitest';
import { feedPolicies } from '../../../src-server/sync/feed-policy';
import { readFeedPage, type FeedPage } from '../../../src-server/sync/feed-reader';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer } from '../../support/server-harness';

/**
 * A pull page is written by PostgreSQL as one JSON text per change (feed-reader.ts). On
 * PostgreSQL its rows are read as bytes from a prepared statement (row-bytes.ts); on PGlite by
 * an ordinary parameterised query. Both must give the same page, whatever the keys and rows
 * hold, and a route code is only ever a value, whatever it holds.
 */
/** The page's JSON as text, written into a buffer of its size the way the answer's is. */
function pageText(page: FeedPage): string {
  const json = page.changesJson;
  if (typeof json === 'string') return json;
  const target = Buffer.alloc(json.byteLength + 4, '#');
  expect(json.writeTo(target, 2)).toBe(json.byteLength);
  expect(target.toString('latin1', 0, 2) + target.toString('latin1', target.length - 2)).toBe('####');
  return target.toString('utf8', 2, 2 + json.byteLength);
}

const trickyKey = `k"'\\ñ\n`;
const trickyRow = { holder_name: 'Ñandú "El" \\ ³ 𝄞', address: "Calle 5 # 3-'21'\n\t" };

describeEachServerDatabase('sync: the bytes of a pull page', (variant) => {
  it('is the same page as bytes and by query, with quotes, backslashes, newlines and any character', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    const { database } = t.server;
    const before = Number(
      (await database.exec.query<{ n: string }>('SELECT coalesce(max(seq), 0) AS n FROM change_log')).rows[0]?.n,
    );
    await database.exec.query(
      `INSERT INTO change_log (table_name, row_key, op, scope, row)
       VALUES ('subscribers', $1, 'put', NULL, $2::jsonb), ('subscribers', $1, 'del', NULL, NULL)`,
      [trickyKey, JSON.stringify(trickyRow)],
    );
    const byQuery = await readFeedPage({ exec: database.exec }, before, 500, null, feedPolicies.cashier);
    const changes = JSON.parse(pageText(byQuery)) as { key: string; op: string; row: unknown }[];
    expect(changes.map((c) => [c.key, c.op, c.row])).toEqual([
      [trickyKey, 'put', trickyRow],
      [trickyKey, 'del', null],
    ]);
    expect(byQuery.count).toBe(2);
    expect(byQuery.full).toBe(false);
    expect(byQuery.lastSeq).toBe(byQuery.latest);

    if (database.readRows === undefined) {
      expect(variant.kind).toBe('pglite');
      return;
    }
    const byBytes = await readFeedPage(database, before, 500, null, feedPolicies.cashier);
    expect(typeof byBytes.changesJson).toBe('object');
    expect(pageText(byBytes)).toBe(byQuery.changesJson);
    expect({ ...byBytes, changesJson: null }).toEqual({ ...byQuery, changesJson: null });
    // A full page: the cursor is its last change, not the bound.
    const firstOnly = await readFeedPage(database, before, 1, null, feedPolicies.cashier);
    expect(firstOnly.full).toBe(true);
    expect(firstOnly.lastSeq).toBe(before + 1);
    // An empty page past the end.
    const empty = await readFeedPage(database, byQuery.latest, 500, null, feedPolicies.cashier);
    expect(pageText(empty)).toBe('[]');
    expect(empty.count).toBe(0);
  });

  it('treats a route code holding SQL as a code that matches nothing', async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    const { database } = t.server;
    await database.exec.query(
      "INSERT INTO change_log (table_name, row_key, op, scope, row) VALUES ('subscribers', '1', 'put', '03-117-0001', '{}')",
    );
    const hostile = ["03'); DELETE FROM change_log; --", "03\\'); DELETE FROM change_log; --"];
    const page = await readFeedPage(database, 0, 500, hostile, feedPolicies.field);
    expect(JSON.parse(pageText(page)).filter((c: { table: string }) => c.table === 'subscribers')).toEqual([]);
    const left = await database.exec.query<{ n: string }>('SELECT count(*) AS n FROM change_log');
    expect(Number(left.rows[0]?.n)).toBeGreaterThan(0);
    const own = await readFeedPage(database, 0, 500, ['03-117'], feedPolicies.field);
    expect(JSON.parse(pageText(own)).some((c: { scope?: string; key: string }) => c.key === '1')).toBe(true);
  });
});
