/**
 * The binary COPY format (PostgreSQL's COPY, "Binary Format"): a `PGCOPY` header, tuples, a
 * trailer. The pull path's rows arrive in this layout (row-bytes.ts) and are walked here
 * without a Buffer or a string made per field.
 */

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
