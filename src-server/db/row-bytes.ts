import type pg from 'pg';
import { serverBuffers, type BufferPool } from '../buffer-pool';
import { clearReadSink, readsIntoOwnBuffer, setReadSink } from './pg-read-socket';

/**
 * A prepared statement's rows as the bytes PostgreSQL sent, never decoded into JavaScript
 * strings. node-postgres decodes every value of a query's rows into a string; for rows that are
 * only passed on (a pull page's 500 rows of JSON, src-server/sync/feed-reader.ts), decoding them
 * and encoding them again for the socket was about half the server's CPU for the page.
 *
 * The bytes are laid out as a binary COPY (`PGCOPY` header, the tuples, trailer) — a DataRow
 * message's contents are exactly a binary COPY tuple — so `forEachCopyTuple` (binary-copy.ts)
 * walks them. The rows were read by `COPY (…) TO STDOUT` before; COPY takes no parameters, so
 * every value was a hand-quoted literal and PostgreSQL parsed and planned the statement again
 * for every pull. A named statement is parsed once per connection and takes its values as
 * parameters.
 *
 * The DataRow messages are read off the connection here (RowBytesReader) and their contents
 * copied once, as they arrive, into one reused buffer (buffer-pool.ts), doubled when full; every
 * other message goes to node-postgres as for any query. A connection whose statement failed is
 * released as broken, so the pool replaces it.
 */
export async function readRowBytes(
  pool: pg.Pool,
  statement: PreparedStatement,
  values: readonly BindValue[],
  buffers: BufferPool = serverBuffers,
): Promise<RowBytes> {
  const client = await pool.connect();
  const reader = new RowBytesReader(statement, values.map(bindText), buffers);
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

/**
 * A statement prepared once per connection under `name` (one name, one text, always), or, with
 * the name '', PostgreSQL's unnamed statement: parsed and planned every time, kept nowhere.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

/** What a parameter may be here: the values the pull path binds. */
export type BindValue = number | boolean | string | readonly string[] | null;

/**
 * Rows in a reused buffer: `release()` gives it back once nothing reads `bytes` any more (after
 * that, the same memory may hold another device's page). Calling it again is harmless.
 */
export interface RowBytes {
  readonly bytes: Buffer;
  release(): void;
}

/** A parameter in PostgreSQL's text format; arrays as array literals, every element quoted. */
export function bindText(value: BindValue): string | null {
  if (value === null) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`bindText: ${value} is not a number PostgreSQL takes`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  return `{${value.map((item) => `"${item.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

// Backend message types (PostgreSQL protocol, "Message Formats").
const DATA_ROW = 0x44; // D
const READY_FOR_QUERY = 0x5a; // Z
const HEADER = 5;
const COPY_HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
const COPY_TRAILER = Buffer.from([0xff, 0xff]);

/** The bits of node-postgres' Connection a submittable drives (pg-cursor drives the same). */
interface PgConnection {
  readonly stream: NodeJS.ReadableStream;
  readonly parsedStatements: Record<string, string>;
  parse(query: { text: string; name: string; types: number[] }): void;
  bind(config: { statement: string; values: (string | null)[] }): void;
  execute(config: { portal: string; rows: number }): void;
  sync(): void;
}

/**
 * A node-postgres "submittable" that sends Parse (once per connection), Bind, Execute and Sync,
 * and takes the connection's bytes until ReadyForQuery: DataRow contents go into its buffer,
 * every other message (ParseComplete, BindComplete, CommandComplete, ErrorResponse,
 * ReadyForQuery) to node-postgres' parser, which reports them to this object as for any query.
 */
class RowBytesReader {
  readonly name: string;
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
  private detach: (() => void) | null = null;
  /** node-postgres' own listener of the socket's bytes. */
  private parse: ((bytes: Buffer) => void) | null = null;

  constructor(
    statement: PreparedStatement,
    private readonly parameters: (string | null)[],
    private readonly buffers: BufferPool,
  ) {
    this.name = statement.name;
    this.text = statement.text;
    this.target = buffers.take(64 * 1024);
    this.length = COPY_HEADER.copy(this.target, 0);
    this.done = new Promise<void>((resolve, reject) => {
      this.settle = (error) => (error === undefined ? resolve() : reject(error));
    });
  }

  /** Called by node-postgres when the connection is this query's. */
  submit(pgConnection: pg.Connection): void {
    // @types/pg leaves out the protocol methods and the parsed-statement record.
    const connection = pgConnection as unknown as PgConnection;
    const socket = connection.stream;
    const listeners = socket.listeners('data');
    const parse = listeners[0];
    if (listeners.length !== 1 || parse === undefined)
      throw new Error(`rows: the connection has ${listeners.length} data listeners, not node-postgres' one`);
    const toParser = parse as (bytes: Buffer) => void;
    this.parse = toParser;
    if (readsIntoOwnBuffer(socket)) {
      setReadSink(socket, (bytes) => this.consume(bytes));
      this.detach = () => clearReadSink(socket);
    } else {
      const onData = (bytes: Buffer) => this.consume(bytes);
      socket.removeListener('data', toParser);
      socket.on('data', onData);
      this.detach = () => {
        socket.removeListener('data', onData);
        socket.on('data', toParser);
      };
    }
    // One write for the four messages, as node-postgres' own queries do: each would otherwise be
    // a write(2) of its own and a segment that may wake PostgreSQL before the rest.
    const stream = socket as NodeJS.ReadableStream & { cork?: () => void; uncork?: () => void };
    stream.cork?.();
    try {
      // node-postgres records the name as parsed when ParseComplete comes (this object's `name`).
      if (connection.parsedStatements[this.name] !== this.text)
        connection.parse({ text: this.text, name: this.name, types: [] });
      connection.bind({ statement: this.name, values: this.parameters });
      connection.execute({ portal: '', rows: 0 });
      connection.sync();
    } finally {
      stream.uncork?.();
    }
  }

  /** Walks the messages in `bytes` (a read, cut anywhere): copies DataRows out, passes the rest on. */
  private consume(bytes: Buffer): void {
    let at = 0;
    while (at < bytes.length && this.detach !== null) {
      if (this.remaining === 0) {
        const take = Math.min(HEADER - this.headerLength, bytes.length - at);
        bytes.copy(this.header, this.headerLength, at, at + take);
        this.headerLength += take;
        at += take;
        if (this.headerLength < HEADER) return;
        this.headerLength = 0;
        this.code = this.header[0]!;
        this.remaining = this.header.readUInt32BE(1) - 4;
        if (this.code !== DATA_ROW) this.parse?.(Buffer.from(this.header));
        if (this.remaining > 0) continue;
      } else {
        const take = Math.min(this.remaining, bytes.length - at);
        if (this.code === DATA_ROW) this.append(bytes, at, take);
        // A copy: the read's buffer is reused, and the parser keeps what it is given when cut.
        else this.parse?.(Buffer.from(bytes.subarray(at, at + take)));
        at += take;
        this.remaining -= take;
      }
      // ReadyForQuery passed on whole: the connection's bytes are node-postgres' again.
      if (this.remaining === 0 && this.code === READY_FOR_QUERY) this.handBack(bytes.subarray(at));
    }
  }

  private append(bytes: Buffer, at: number, count: number): void {
    // Room for the trailer too.
    if (this.length + count + COPY_TRAILER.length > this.target.length) {
      let size = this.target.length * 2;
      while (size < this.length + count + COPY_TRAILER.length) size *= 2;
      const bigger = this.buffers.take(size);
      this.target.copy(bigger, 0, 0, this.length);
      this.buffers.give(this.target);
      this.target = bigger;
    }
    this.length += bytes.copy(this.target, this.length, at, at + count);
  }

  private handBack(rest: Buffer): void {
    this.detach?.();
    this.detach = null;
    if (rest.length > 0) this.parse?.(Buffer.from(rest));
  }

  handleCommandComplete(): void {}

  /**
   * An ErrorResponse, or the connection lost: settled at once, as node-postgres' own queries do
   * (a lost connection sends no ReadyForQuery). The connection is then released as broken.
   */
  handleError(error: Error): void {
    this.settle(error);
  }

  handleReadyForQuery(): void {
    this.settle();
  }

  /** The rows, once `done` has resolved. */
  bytes(): RowBytes {
    this.length += COPY_TRAILER.copy(this.target, this.length);
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
    this.detach?.();
    this.detach = null;
    this.buffers.give(this.target);
  }
}
