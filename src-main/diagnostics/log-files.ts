import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

/**
 * The device's log files (docs/operations.md, "Logs and diagnostics"): pino's JSON lines in
 * `<data dir>/logs/ventanilla.log`, rotated by size to `ventanilla.log.1` … `.N-1` (rotating-file-
 * stream's classical rotation: the oldest is deleted), so the folder never holds more than
 * `files` files.
 */
export interface LogFilesOptions {
  /** Largest size of one file, in bytes. */
  readonly fileBytes: number;
  /** How many files, the one being written included. */
  readonly files: number;
}

export const logFileName = 'ventanilla.log';

/**
 * rotating-file-stream rotates once a write has taken a file to its size, so a file ends at
 * most one write past the size it is given: it is given `fileBytes` less this headroom, which
 * is far more than one log record (a record with a stack trace is a few KB), so a file never
 * passes `fileBytes` and the folder never passes `files × fileBytes`.
 */
export const rotationHeadroomBytes = 65_536;

export const deviceLogsDir = (dataDir: string): string => path.join(dataDir, 'logs');

/** A pino destination writing to the rotated files in `dir` (created when missing). */
export function logFilesStream(dir: string, options: LogFilesOptions): RotatingFileStream {
  return createStream(logFileName, {
    path: dir,
    size: `${Math.max(4096, options.fileBytes - rotationHeadroomBytes)}B`,
    rotate: options.files - 1,
    mode: 0o600,
  });
}

/**
 * The last `maxBytes` of the log, as whole lines, oldest first: the newest file and then the
 * rotated ones, newest to oldest, until the budget is spent. A line cut by the budget is
 * dropped, so every line given is a whole record.
 */
export async function readLastLogLines(dir: string, maxBytes: number): Promise<string[]> {
  const files = await logFilesNewestFirst(dir);
  const chunks: Buffer[] = [];
  let left = maxBytes;
  let cut = false;
  for (const file of files) {
    if (left <= 0) break;
    const size = (await stat(file)).size;
    const take = Math.min(size, left);
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(take);
      await handle.read(buffer, 0, take, size - take);
      chunks.unshift(buffer);
    } finally {
      await handle.close();
    }
    left -= take;
    cut = take < size;
  }
  const lines = Buffer.concat(chunks).toString('utf8').split('\n');
  // The first line is partial when a file was read from its middle.
  if (cut) lines.shift();
  return lines.filter((line) => line.trim() !== '');
}

/** `ventanilla.log`, `ventanilla.log.1`, `ventanilla.log.2`, … as they exist. */
async function logFilesNewestFirst(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const rank = (name: string): number | null => {
    if (name === logFileName) return 0;
    const match = /^ventanilla\.log\.(\d+)$/.exec(name);
    return match === null ? null : Number(match[1]);
  };
  return names
    .flatMap((name) => {
      const r = rank(name);
      return r === null ? [] : [{ name, r }];
    })
    .sort((a, b) => a.r - b.r)
    .map(({ name }) => path.join(dir, name));
}
