import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { BufferPool } from '../../../src-server/buffer-pool';
import { copyOut, forEachCopyTuple } from '../../../src-server/db/copy-out';
import { pgConnectionSocket, readsIntoOwnBuffer } from '../../../src-server/db/pg-read-socket';
import { describePostgresOnly } from '../../support/postgres';

/**
 * COPY … TO STDOUT read off node-postgres' connection by copy-out.ts, on a real PostgreSQL: with
 * the pool's own sockets (pg-read-socket.ts, reads into one buffer per connection) and with
 * Node's plain sockets (what a TLS connection keeps). Messages are cut anywhere by the reads;
 * a COPY that fails, before its first row or in the middle, must leave the connection's
 * protocol where node-postgres expects it, and the pool serving.
 */

/** Rows of 1…n: `i`, then `i` % 700 characters (some multi-byte), so messages straddle reads. */
const rowsSql = (n: number, failAt?: number) =>
  `COPY (SELECT i::text, repeat('ñx', i % 350)${failAt === undefined ? '' : `, (1 / (i - ${failAt}))::text`}
         FROM generate_series(1, ${n}) AS i) TO STDOUT (FORMAT binary)`;

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
  'the COPY reader on PostgreSQL',
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

    for (const own of [true, false]) {
      const sockets = own ? 'sockets that read into their own buffer' : 'Node’s plain sockets';

      it(`reads every row of a 2 MB COPY, many at once, with ${sockets}`, async () => {
        const pool = poolOf(own);
        const client = await pool.connect();
        const stream = (client as unknown as { connection: { stream: unknown } }).connection.stream;
        expect(readsIntoOwnBuffer(stream)).toBe(own);
        client.release();
        const buffers = new BufferPool(64 * 1024 * 1024);
        const copies = await Promise.all([4000, 3000, 1, 0].map((n) => copyOut(pool, rowsSql(n), buffers)));
        expect(copies.map((c) => rowsOf(c.bytes))).toEqual([4000, 3000, 1, 0].map(expected));
        expect(copies[0]!.bytes.length).toBeGreaterThan(2_000_000);
        for (const copy of copies) copy.release();
        // The connections are as node-postgres left them: ordinary queries, then COPY again.
        const { rows } = await pool.query<{ n: number }>('SELECT 41 + 1 AS n');
        expect(rows).toEqual([{ n: 42 }]);
        const again = await copyOut(pool, rowsSql(500), buffers);
        expect(rowsOf(again.bytes)).toEqual(expected(500));
        again.release();
      });

      it(`refuses a COPY that fails before or during its rows, and the pool goes on, with ${sockets}`, async () => {
        const pool = poolOf(own);
        const buffers = new BufferPool(16 * 1024 * 1024);
        await expect(
          copyOut(pool, 'COPY (SELECT nonsense FROM nowhere) TO STDOUT (FORMAT binary)', buffers),
        ).rejects.toThrow(/nowhere/);
        // Division by zero at row 3,000: after ~1 MB of rows had been sent.
        await expect(copyOut(pool, rowsSql(5000, 3000), buffers)).rejects.toThrow(/division by zero/);
        const results = await Promise.all([pool.query('SELECT 1 AS one'), copyOut(pool, rowsSql(2000), buffers)]);
        expect(results[0].rows).toEqual([{ one: 1 }]);
        expect(rowsOf(results[1].bytes)).toEqual(expected(2000));
        results[1].release();
      });
    }
  },
);
