import { createInflateRaw } from 'node:zlib';

/**
 * What check-pdf.ts reads from a PDF's raw bytes before pdf-lib parses it. pdf-lib inflates
 * object streams and cross-reference streams in memory, all at once and synchronously, while it
 * loads: a 10 MB upload of deflated zeros would be gigabytes and seconds of a blocked server.
 * So first, without building anything:
 * - every stream whose data starts like zlib (the header check pdf-lib's own decoder makes) is
 *   inflated here, on the thread pool, counting and discarding the output, and the total must
 *   stay within a budget;
 * - filters this count cannot follow are refused: LZW and run-length (they expand without the
 *   zlib header this finds), and any `/Filter` that is not one name written in place (a chain
 *   such as `[/ASCII85Decode /FlateDecode]` hides its deflate data from the count, and an
 *   indirect reference could name a filter from inside a compressed object stream).
 * Citizens' PDFs (a phone's scanner app, «Guardar como PDF» of an office suite or a browser) use
 * one filter per stream; a PDF this refuses can be printed to PDF again.
 */

/** PDF whitespace (NUL among it) and delimiters end a name (ISO 32000-1, 7.2.2). */
// eslint-disable-next-line no-control-regex -- NUL is PDF whitespace
const nameToken = /\/([^\x00\t\n\f\r ()<>[\]{}/%]*)/g;

/** A name as the PDF means it: `#xx` escapes decoded (`/J#61vaScript` is `/JavaScript`). */
export const decodeName = (raw: string): string =>
  raw.includes('#')
    ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : raw;

export interface RawScan {
  /** Every name of five characters or more found outside compressed data. */
  readonly names: ReadonlySet<string>;
  /** A `/Filter` whose value is not one name written in place. */
  readonly unusualFilter: boolean;
}

/**
 * Names found in the file as written, #-decoded. Short names (`/JS`, `/EF`) are left to the parsed
 * objects: in compressed binary data three bytes like `/JS ` turn up by chance every few MB.
 */
export function scanRawNames(bytes: Buffer): RawScan {
  const text = bytes.toString('latin1');
  const names = new Set<string>();
  let unusualFilter = false;
  for (const match of text.matchAll(nameToken)) {
    const name = decodeName(match[1] ?? '');
    if (name.length >= 5) names.add(name);
    if (name === 'Filter' && !oneDirectName(text, (match.index ?? 0) + match[0].length)) unusualFilter = true;
  }
  return { names, unusualFilter };
}

/**
 * After `/Filter`: a name, or an array holding one name, with only whitespace (NUL among it) and
 * comments around. A comment runs to its end of line, so each stretch has one parse: no backtracking.
 */
const gap = String.raw`(?:[\x00\t\n\f\r ]|%[^\r\n]*[\r\n])*`;
const oneFilter = new RegExp(String.raw`^${gap}(?:\/|\[${gap}\/[^\x00\t\n\f\r ()<>[\]{}/%]+${gap}\])`);

const oneDirectName = (text: string, from: number): boolean => oneFilter.test(text.slice(from, from + 512));

/**
 * Bytes all zlib streams inflate to, stopping once past `budget` (then `budget + 1` or more).
 * A stream's data starts right after `stream` and its end of line, in any of the forms pdf-lib
 * accepts; each place is tried, and only one passes the header check for a real stream.
 */
export async function inflatedBytes(bytes: Buffer, budget: number): Promise<number> {
  const keyword = Buffer.from('stream', 'latin1');
  let total = 0;
  for (let at = bytes.indexOf(keyword); at !== -1; at = bytes.indexOf(keyword, at + keyword.length)) {
    for (const skip of [6, 7, 8, 9]) {
      const start = at + skip;
      if (!zlibHeader(bytes, start)) continue;
      total += await countInflated(bytes.subarray(start + 2), budget - total + 1);
      if (total > budget) return total;
    }
  }
  return total;
}

/** pdf-lib's (pdf.js's) test: deflate method, a valid check value, no preset dictionary. */
function zlibHeader(bytes: Buffer, at: number): boolean {
  const cmf = bytes[at];
  const flg = bytes[at + 1];
  if (cmf === undefined || flg === undefined) return false;
  return (cmf & 0x0f) === 0x08 && ((cmf << 8) + flg) % 31 === 0 && (flg & 0x20) === 0;
}

/**
 * Raw inflate from after the two header bytes, as pdf-lib's decoder reads it (it checks no
 * window size and no Adler-32). Data after the deflate stream's end is ignored; an error counts
 * what came out before it, as pdf-lib's decoder would have produced it.
 */
function countInflated(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let count = 0;
    const finish = (): void => {
      inflate.removeAllListeners('data');
      inflate.destroy();
      resolve(count);
    };
    inflate.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count >= limit) finish();
    });
    inflate.on('end', finish);
    inflate.on('error', finish);
    inflate.end(data);
  });
}
