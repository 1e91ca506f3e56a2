import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { serverBuffers, type BufferPool } from '../buffer-pool';

/**
 * `COPY (…) TO STDOUT` on one connection of the pool, and the bytes PostgreSQL sent for it,
 * never decoded into a JavaScript string. node-postgres decodes every value of a query's rows
 * into a string; for rows that are only passed on (a pull page's 500 rows of JSON,
 * src-server/sync/feed-reader.ts), decoding them and encoding them again for the socket was
 * about half the server's CPU for the page. pg-copy-streams (by node-postgres' author) reads the
 * COPY messages off the connection for us.
 *
 * COPY takes no parameters: `sql` must be built from literals quoted by sql-literal.ts. A
 * connection whose COPY failed is released as broken, so the pool replaces it.
 */
export async function copyOut(pool: pg.Pool, sql: string, buffers: BufferPool = serverBuffers): Promise<CopyOutBytes> {
  const client = await pool.connect();
  let failure: Error | undefined;
  // Chunks go straight into one reused buffer (buffer-pool.ts), doubled when full: no array of
  // chunks, no concatenation allocated per page.
  let target = buffers.take(64 * 1024);
  let length = 0;
  try {
    for await (const chunk of client.query(copyTo(sql))) {
      const bytes = chunk as Buffer;
      if (length + bytes.length > target.length) {
        let size = target.length * 2;
        while (size < length + bytes.length) size *= 2;
        const bigger = buffers.take(size);
        target.copy(bigger, 0, 0, length);
        buffers.give(target);
        target = bigger;
      }
      length += bytes.copy(target, length);
    }
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    buffers.give(target);
    throw error;
  } finally {
    client.release(failure);
  }
  const kept = target;
  let released = false;
  return {
    bytes: kept.subarray(0, length),
    release: () => {
      if (released) return;
      released = true;
      buffers.give(kept);
    },
  };
}

/**
 * A COPY's bytes in a reused buffer: `release()` gives it back once nothing reads `bytes` any
 * more (after that, the same memory may hold another device's page). Calling it again is harmless.
 */
export interface CopyOutBytes {
  readonly bytes: Buffer;
  release(): void;
}

const signature = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * Where one tuple's fields lie in the bytes of a binary COPY: field `i` is
 * `bytes[start[i], start[i] + length[i])`, and `length[i]` is -1 for SQL NULL. The same object is
 * handed to the visitor for every tuple, overwritten each time: a 500-row page is walked
 * without a Buffer or an array made per field.
 */
export interface CopyTuple {
  readonly fields: number;
  readonly start: Int32Array;
  readonly length: Int32Array;
}

/**
 * Calls `visit` with each tuple of a `COPY … (FORMAT binary)`: the format's header (signature,
 * flags, extension), the tuples, and the trailer. Anything else — another signature, a length
 * past the end, bytes after the trailer, more than `maxFields` fields — is an error, never a guess.
 */
export function forEachCopyTuple(bytes: Buffer, visit: (tuple: CopyTuple) => void, maxFields = 64): void {
  const fail = (why: string): never => {
    throw new Error(`binary COPY: ${why}`);
  };
  if (bytes.length < 21 || !bytes.subarray(0, signature.length).equals(signature)) fail('no PGCOPY header');
  let at = signature.length + 4;
  at += 4 + bytes.readUInt32BE(at);
  const tuple = { fields: 0, start: new Int32Array(maxFields), length: new Int32Array(maxFields) };
  for (;;) {
    if (at + 2 > bytes.length) fail('no trailer');
    const count = bytes.readInt16BE(at);
    at += 2;
    if (count === -1) break;
    if (count < 0) fail('a negative field count');
    if (count > maxFields) fail('more fields than expected');
    for (let i = 0; i < count; i += 1) {
      if (at + 4 > bytes.length) fail('a field runs past the end');
      const length = bytes.readInt32BE(at);
      at += 4;
      if (length < -1 || at + Math.max(length, 0) > bytes.length) fail('a field runs past the end');
      tuple.start[i] = at;
      tuple.length[i] = length;
      if (length > 0) at += length;
    }
    tuple.fields = count;
    visit(tuple);
  }
  if (at !== bytes.length) fail('bytes after the trailer');
}
