import type net from 'node:net';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { BufferPool } from '../../../src-server/buffer-pool';
import { forEachCopyTuple } from '../../../src-server/db/binary-copy';
import { pgConnectionSocket, readsIntoOwnBuffer } from '../../../src-server/db/pg-read-socket';
import { readRowBytes, type PreparedStatement } from '../../../src-server/db/row-bytes';
import { describePostgresOnly } from '../../support/postgres';

/**
 * A prepared statement's rows read as bytes off node-postgres' connection by row-bytes.ts, on a
 * real PostgreSQL: with the pool's own sockets (pg-read-socket.ts, reads into one buffer per
 * connection) and with Node's plain sockets (what a TLS connection keeps). Messages are cut
 * anywhere by the reads; a statement that fails, before its first row or in the middle, must
 * leave the connection's protocol where node-postgres expects it, and the pool serving.
 */

/** Rows 1…$1: `i`, then `i` % 700 characters (some multi-byte), so messages straddle reads. */
const series: PreparedStatement = {
  name: 'test-series',
  text: "SELECT i::text, repeat('ñx', i % 350) FROM generate_series(1, $1::int) AS i",
};
/** The same, failing with a division by zero at row $2, after the rows before it were sent. */
const failing: PreparedStatement = {
  name: 'test-series-failing',
  text: "SELECT i::text, repeat('ñx', i % 350), (1 / (i - $2::int))::text FROM generate_series(1, $1::int) AS i",
};

function rowsOf(bytes: Buffer): [string, string][] {
  const rows: [string, string][] = [];
  forEachCopyTuple(bytes, ({ start, length }) => {
    rows.push([
      bytes.toString('utf8', start[0]!, start[0]! + length[0]!),
      bytes.toString('utf8', start[1]!, start[1]! + length[1]!),
    ]);
  });
  return rows;
}

const expected = (n: number): [string, string][] =>
  Array.from({ length: n }, (_, k) => [String(k + 1), 'ñx'.repeat((k + 1) % 350)]);

describePostgresOnly(
  'rows read as bytes on PostgreSQL',
  'it reads PostgreSQL’s wire protocol, which PGlite does not speak',
  (adminUrl) => {
    const pools: pg.Pool[] = [];
    afterAll(async () => {
      await Promise.all(pools.map((pool) => pool.end()));
    });
    const poolOf = (own: boolean): pg.Pool => {
      const pool = new pg.Pool({ connectionString: adminUrl, max: 3, ...(own ? { stream: pgConnectionSocket } : {}) });
      pools.push(pool);
      return pool;
    };

    it('prepares a named statement once per connection, and keeps the unnamed one nowhere', async () => {
      const pool = new pg.Pool({ connectionString: adminUrl, max: 1, stream: pgConnectionSocket });
      pools.push(pool);
      for (const n of [3, 5, 7]) expect(rowsOf((await readRowBytes(pool, series, [n])).bytes)).toEqual(expected(n));
      const unnamed = { name: '', text: "SELECT i::text, 'u' FROM generate_series(1, $1::int) AS i" };
      const other = { name: '', text: "SELECT (i * 10)::text, 'v' FROM generate_series(1, $1::int) AS i" };
      expect(rowsOf((await readRowBytes(pool, unnamed, [2])).bytes)).toEqual([
        ['1', 'u'],
        ['2', 'u'],
      ]);
      expect(rowsOf((await readRowBytes(pool, other, [1])).bytes)).toEqual([['10', 'v']]);
      const { rows } = await pool.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name');
      expect(rows.map((r) => r.name)).toEqual(['test-series']);
    });

    it('sends Parse, Bind, Execute and Sync in one write', async () => {
      const pool = new pg.Pool({ connectionString: adminUrl, max: 1, stream: pgConnectionSocket });
      pools.push(pool);
      const client = await pool.connect();
      const socket = (client as unknown as { connection: { stream: net.Socket } }).connection.stream;
      client.release();
      const writes: number[] = [];
      const counted = socket as unknown as Record<'_write' | '_writev', (...args: unknown[]) => unknown>;
      for (const method of ['_write', '_writev'] as const) {
        const original = counted[method].bind(socket);
        counted[method] = (...args: unknown[]) => {
          writes.push(method === '_writev' ? (args[0] as unknown[]).length : 1);
          return original(...args);
        };
      }
      for (const n of [2, 3]) expect(rowsOf((await readRowBytes(pool, series, [n])).bytes)).toEqual(expected(n));
      // Parse, Bind, Execute and Sync; then, the statement kept, Bind, Execute and Sync.
      expect(writes).toEqual([4, 3]);
    });

    for (const own of [true, false]) {
      const sockets = own ? 'sockets that read into their own buffer' : 'Node’s plain sockets';

      it(`reads every row of 2 MB of rows, many statements at once, with ${sockets}`, async () => {
        const pool = poolOf(own);
        const client = await pool.connect();
        const stream = (client as unknown as { connection: { stream: unknown } }).connection.stream;
        expect(readsIntoOwnBuffer(stream)).toBe(own);
        client.release();
        const buffers = new BufferPool(64 * 1024 * 1024);
        const copies = await Promise.all(
          [4000, 3000, 1, 0, 4000, 3000].map((n) => readRowBytes(pool, series, [n], buffers)),
        );
        expect(copies.map((c) => rowsOf(c.bytes))).toEqual([4000, 3000, 1, 0, 4000, 3000].map(expected));
        expect(copies[0]!.bytes.length).toBeGreaterThan(2_000_000);
        for (const copy of copies) copy.release();
        // The connections are as node-postgres left them: ordinary queries, then the statement again.
        const { rows } = await pool.query<{ n: number }>('SELECT 41 + 1 AS n');
        expect(rows).toEqual([{ n: 42 }]);
        const again = await readRowBytes(pool, series, [500], buffers);
        expect(rowsOf(again.bytes)).toEqual(expected(500));
        again.release();
      });

      it(`refuses a statement that fails before or during its rows, and the pool goes on, with ${sockets}`, async () => {
        const pool = poolOf(own);
        const buffers = new BufferPool(16 * 1024 * 1024);
        const nonsense = { name: 'test-nonsense', text: 'SELECT nonsense FROM nowhere' };
        await expect(readRowBytes(pool, nonsense, [], buffers)).rejects.toThrow(/nowhere/);
        // Division by zero at row 3,000: after ~1 MB of rows had been sent.
        await expect(readRowBytes(pool, failing, [5000, 3000], buffers)).rejects.toThrow(/division by zero/);
        // A value the statement cannot take.
        await expect(readRowBytes(pool, series, ['mil'], buffers)).rejects.toThrow(/invalid input syntax/);
        const results = await Promise.all([pool.query('SELECT 1 AS one'), readRowBytes(pool, series, [2000], buffers)]);
        expect(results[0].rows).toEqual([{ one: 1 }]);
        expect(rowsOf(results[1].bytes)).toEqual(expected(2000));
        results[1].release();
      });
    }
  },
);
