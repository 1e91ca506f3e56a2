import { describe, expect, it } from 'vitest';
import { forEachCopyTuple } from '../../../src-server/db/binary-copy';

/** A binary COPY as PostgreSQL writes it: header, the tuples given, trailer. */
function copyBytes(tuples: (string | null)[][], opts: { extension?: Buffer } = {}): Buffer {
  const extension = opts.extension ?? Buffer.alloc(0);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(extension.length, 4);
  const parts = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), header, extension];
  for (const tuple of tuples) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(tuple.length);
    parts.push(count);
    for (const field of tuple) {
      const length = Buffer.alloc(4);
      if (field === null) {
        length.writeInt32BE(-1);
        parts.push(length);
      } else {
        const bytes = Buffer.from(field, 'utf8');
        length.writeInt32BE(bytes.length);
        parts.push(length, bytes);
      }
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

/** The rows of a binary COPY, each a list of its fields as bytes (null for SQL NULL). */
function binaryCopyRows(bytes: Buffer): (Buffer | null)[][] {
  const rows: (Buffer | null)[][] = [];
  forEachCopyTuple(bytes, ({ fields, start, length }) => {
    const row: (Buffer | null)[] = [];
    for (let i = 0; i < fields; i += 1)
      row.push(length[i] === -1 ? null : bytes.subarray(start[i], start[i]! + length[i]!));
    rows.push(row);
  });
  return rows;
}

describe('binary COPY rows', () => {
  it('reads every row: UTF-8 bytes as sent, NULL as null, past a header extension', () => {
    const rows = binaryCopyRows(
      copyBytes(
        [
          ['42', null, '{"row":"Ibagué ³ 𝄞"}'],
          ['43', 'x', ''],
        ],
        { extension: Buffer.from('xyz') },
      ),
    );
    expect(rows.map((fields) => fields.map((f) => f?.toString('utf8') ?? null))).toEqual([
      ['42', null, '{"row":"Ibagué ³ 𝄞"}'],
      ['43', 'x', ''],
    ]);
    expect(binaryCopyRows(copyBytes([]))).toEqual([]);
  });

  it('refuses another signature, a field past the end, a missing trailer, bytes after it', () => {
    const good = copyBytes([['1', '2']]);
    const otherSignature = Buffer.from(good);
    otherSignature.write('PGCOPZ', 0, 'latin1');
    expect(() => binaryCopyRows(otherSignature)).toThrow(/header/);
    expect(() => binaryCopyRows(good.subarray(0, good.length - 4))).toThrow(/past the end/);
    expect(() => binaryCopyRows(good.subarray(0, good.length - 2))).toThrow(/no trailer/);
    expect(() => binaryCopyRows(Buffer.concat([good, Buffer.from([0])]))).toThrow(/after the trailer/);
    // A length below -1 is no length at all.
    const negative = Buffer.from(good);
    negative.writeInt32BE(-2, 19 + 2);
    expect(() => binaryCopyRows(negative)).toThrow(/past the end/);
  });

  it('walks the tuples without copying them, and refuses more fields than the caller expects', () => {
    const bytes = copyBytes([
      ['1', 'abc', null],
      ['22', '', 'z'],
    ]);
    const seen: string[] = [];
    forEachCopyTuple(bytes, ({ fields, start, length }) => {
      const parts: string[] = [];
      for (let i = 0; i < fields; i += 1)
        parts.push(length[i] === -1 ? 'NULL' : bytes.toString('utf8', start[i], start[i]! + length[i]!));
      seen.push(parts.join('|'));
    });
    expect(seen).toEqual(['1|abc|NULL', '22||z']);
    expect(() => forEachCopyTuple(bytes, () => undefined, 2)).toThrow(/more fields than expected/);
  });
});
