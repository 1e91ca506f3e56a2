import type pg from 'pg';
import { serverBuffers, type BufferPool } from '../buffer-pool';
import { clearReadSink, readsIntoOwnBuffer, setReadSink } from './pg-read-socket';

/**
 * `COPY (…) TO STDOUT` on one connection of the pool, and the bytes PostgreSQL sent for it,
 * never decoded into a JavaScript string. node-postgres decodes every value of a query's rows
 * into a string; for rows that are only passed on (a pull page's 500 rows of JSON,
 * src-server/sync/feed-reader.ts), decoding them and encoding them again for the socket was
 * about half the server's CPU for the page.
 *
 * The COPY's data messages are read off the connection here (CopyOutReader) and their contents
 * copied once, as they arrive, into one reused buffer (buffer-pool.ts), doubled when full.
 * pg-copy-streams did this reading before; it made a Readable stream per COPY and a new Buffer
 * per read for the chunks it joined, which with the socket's own reads kept the collector busy
 * (pg-read-socket.ts says how busy).
 *
 * COPY takes no parameters: `sql` must be built from literals quoted by sql-literal.ts. A
 * connection whose COPY failed is released as broken, so the pool replaces it.
 */
export async function copyOut(pool: pg.Pool, sql: string, buffers: BufferPool = serverBuffers): Promise<CopyOutBytes> {
  const client = await pool.connect();
  const reader = new CopyOutReader(sql, buffers);
  let failure: Error | undefined;
  try {
    await client.query(reader).done;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    reader.giveBack();
    throw error;
  } finally {
    client.release(failure);
  }
  return reader.bytes();
}

// Backend message types (PostgreSQL protocol, "Message Formats").
const COPY_DATA = 0x64; // d
const COPY_DONE = 0x63; // c
const ERROR_RESPONSE = 0x45; // E
const HEADER = 5;

/**
 * A node-postgres "submittable" that sends a COPY … TO STDOUT and takes the connection's bytes
 * until CopyDone: CopyData contents go into its buffer, CopyOutResponse and anything
 * interspersed (notices, parameter status) are passed over. From CopyDone on, or from an
 * ErrorResponse, the bytes go back to node-postgres' parser, which then reports
 * CommandComplete, ReadyForQuery or the error to this object as to any query.
 */
class CopyOutReader {
  readonly text: string;
  /** Settles once the connection is ready for another query (or failed). */
  readonly done: Promise<void>;
  private settle!: (error?: Error) => void;
  private target: Buffer;
  private length = 0;
  private readonly header = Buffer.alloc(HEADER);
  private headerLength = 0;
  private code = 0;
  /** Bytes of the current message still to come. */
  private remaining = 0;
  private error: Error | undefined;
  private detach: (() => void) | null = null;
  /** node-postgres' own listener of the socket's bytes. */
  private parse: ((bytes: Buffer) => void) | null = null;

  constructor(
    sql: string,
    private readonly buffers: BufferPool,
  ) {
    this.text = sql;
    this.target = buffers.take(64 * 1024);
    this.done = new Promise<void>((resolve, reject) => {
      this.settle = (error) => (error === undefined ? resolve() : reject(error));
    });
  }

  /** Called by node-postgres when the connection is this query's. */
  submit(connection: { readonly stream: NodeJS.ReadableStream; query(text: string): void }): void {
    const socket = connection.stream;
    const listeners = socket.listeners('data');
    const parse = listeners[0];
    if (listeners.length !== 1 || parse === undefined)
      throw new Error(`COPY: the connection has ${listeners.length} data listeners, not node-postgres' one`);
    this.parse = parse as (bytes: Buffer) => void;
    if (readsIntoOwnBuffer(socket)) {
      setReadSink(socket, (bytes) => this.consume(bytes));
      this.detach = () => clearReadSink(socket);
    } else {
      const onData = (bytes: Buffer) => this.consume(bytes);
      socket.removeListener('data', this.parse);
      socket.on('data', onData);
      this.detach = () => {
        socket.removeListener('data', onData);
        socket.on('data', this.parse!);
      };
    }
    connection.query(this.text);
  }

  /** Walks the messages in `bytes` (a read, cut anywhere): copies CopyData out, hands back the rest. */
  private consume(bytes: Buffer): void {
    let at = 0;
    while (at < bytes.length) {
      if (this.remaining === 0) {
        const take = Math.min(HEADER - this.headerLength, bytes.length - at);
        bytes.copy(this.header, this.headerLength, at, at + take);
        this.headerLength += take;
        at += take;
        if (this.headerLength < HEADER) return;
        this.headerLength = 0;
        this.code = this.header[0]!;
        this.remaining = this.header.readUInt32BE(1) - 4;
        if (this.code === ERROR_RESPONSE) {
          this.handBack(Buffer.concat([this.header, bytes.subarray(at)]));
          return;
        }
        if (this.code === COPY_DONE) {
          at += this.remaining;
          this.remaining = 0;
          this.handBack(Buffer.from(bytes.subarray(at)));
          return;
        }
        continue;
      }
      const take = Math.min(this.remaining, bytes.length - at);
      if (this.code === COPY_DATA) this.append(bytes, at, take);
      at += take;
      this.remaining -= take;
    }
  }

  private append(bytes: Buffer, at: number, count: number): void {
    if (this.length + count > this.target.length) {
      let size = this.target.length * 2;
      while (size < this.length + count) size *= 2;
      const bigger = this.buffers.take(size);
      this.target.copy(bigger, 0, 0, this.length);
      this.buffers.give(this.target);
      this.target = bigger;
    }
    this.length += bytes.copy(this.target, this.length, at, at + count);
  }

  /** The connection's bytes go to node-postgres again, starting with `rest` (a copy: the read's buffer is reused). */
  private handBack(rest: Buffer): void {
    this.detach?.();
    this.detach = null;
    if (rest.length > 0) this.parse?.(rest);
  }

  handleCommandComplete(): void {}

  handleError(error: Error): void {
    // A broken connection: it is released as broken and never read again.
    this.handBack(Buffer.alloc(0));
    this.error ??= error;
    this.settle(error);
  }

  handleReadyForQuery(): void {
    if (this.detach !== null) {
      // ReadyForQuery while the bytes were still ours cannot happen; if it did, say so.
      this.handBack(Buffer.alloc(0));
      this.error ??= new Error('COPY: ready for query before CopyDone');
    }
    this.settle(this.error);
  }

  /** The COPY's bytes, once `done` has resolved. */
  bytes(): CopyOutBytes {
    const kept = this.target;
    let released = false;
    return {
      bytes: kept.subarray(0, this.length),
      release: () => {
        if (released) return;
        released = true;
        this.buffers.give(kept);
      },
    };
  }

  /** After a failure: the buffer goes back to the pool. */
  giveBack(): void {
    this.buffers.give(this.target);
  }
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
