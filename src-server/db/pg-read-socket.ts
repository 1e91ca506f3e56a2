import net from 'node:net';

/**
 * Takes a socket's bytes as they are read, instead of its `'data'` events: called with a view of
 * the read, valid only until the call returns.
 */
export type ReadSink = (bytes: Buffer) => void;

const READ_BUFFER_BYTES = 64 * 1024;
const sinks = new WeakMap<net.Socket, ReadSink>();
const reading = new WeakSet<net.Socket>();

/**
 * The socket of a PostgreSQL connection of the pool, reading into one buffer of its own.
 *
 * Why: Node makes a new Buffer for every read of a socket, and V8 collects garbage by how much
 * Buffer memory was allocated, not by how much is alive. A pull page reaches the server as
 * ~400 KB of rows: 200 devices pulling at once made each instance run a full mark-compact
 * every ~150 ms (`PerformanceObserver` 'gc' during the scale bench: a tenth of its CPU on the
 * main thread alone). With `onread` (node:net) the reads land in this socket's buffer; the
 * page's reader (row-bytes.ts) takes them from there with a sink, straight into its buffer, and the
 * rest of the protocol gets a copy of each read as its `'data'` event, as before.
 *
 * TLS connections keep Node's own socket: TLS reads the socket's handle itself.
 */
export function pgConnectionSocket(config?: { readonly ssl?: unknown }): net.Socket {
  if (config?.ssl !== undefined && config.ssl !== false && config.ssl !== null) return new net.Socket();
  const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
  // Node's Socket constructor takes `onread` as connect() does; @types/node lists it for connect() only.
  const options: net.SocketConstructorOpts & { readonly onread: net.OnReadOpts } = {
    onread: {
      buffer,
      callback: (length: number, read: Uint8Array) => {
        const view = Buffer.from(read.buffer, read.byteOffset, length);
        const sink = sinks.get(socket);
        // The buffer is overwritten by the next read: node-postgres' parser keeps what it is
        // given when a message is cut, so it gets a copy.
        if (sink === undefined) socket.emit('data', Buffer.from(view));
        else sink(view);
        return true;
      },
    },
  };
  const socket = new net.Socket(options);
  reading.add(socket);
  return socket;
}

/** Whether `socket` is one of pgConnectionSocket's: its reads can go to a sink. */
export function readsIntoOwnBuffer(socket: unknown): socket is net.Socket {
  return socket instanceof net.Socket && reading.has(socket);
}

/** From now on the socket's reads go to `sink`, until `clearReadSink`. */
export function setReadSink(socket: net.Socket, sink: ReadSink): void {
  if (!reading.has(socket)) throw new Error('setReadSink: not a pgConnectionSocket');
  sinks.set(socket, sink);
}

export function clearReadSink(socket: net.Socket): void {
  sinks.delete(socket);
}
