import { Writable } from 'node:stream';
import { formatBogotaClock } from '../src-shared/domain/bogota-time';

/**
 * Log records as a person at a terminal reads them (`npm start`, `npm run server`): one line
 * each, the Bogotá time, the level in Spanish, the module and the message, then the record's
 * short facts. Everywhere else (a service manager, a file, a pipe) the records stay pino's JSON
 * lines, which log tools parse: callers choose with `logFormat` (see the README).
 */
const levels: Readonly<Record<number, string>> = {
  10: 'traza',
  20: 'depuración',
  30: 'info',
  40: 'AVISO',
  50: 'ERROR',
  60: 'FATAL',
};

/** Fields every record carries, or that say nothing to a person reading the terminal. */
const quiet = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'name',
  'app',
  'component',
  'module',
  'part',
  'msg',
  'reqId',
  'err',
  'v',
]);

/** One JSON record as a terminal line; a line that is not a record is passed as it is. */
export function terminalLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = typeof record.time === 'number' ? formatBogotaClock(new Date(record.time)) : '';
  const level = levels[Number(record.level)] ?? String(record.level);
  const where = [record.module, record.part].filter((part) => typeof part === 'string').join('/');
  const facts = Object.entries(record)
    .filter(
      ([key, value]) => !quiet.has(key) && value !== null && ['string', 'number', 'boolean'].includes(typeof value),
    )
    .map(([key, value]) => `${key}=${String(value)}`);
  const err = record.err as { message?: unknown } | undefined;
  if (typeof err?.message === 'string') facts.push(`error=${err.message}`);
  const head = [time, level.padEnd(5), where === '' ? '' : `[${where}]`, String(record.msg ?? '')]
    .filter((part) => part !== '')
    .join('  ');
  return facts.length === 0 ? head : `${head}  (${facts.join(', ')})`;
}

/** A pino destination that writes `terminalLine`s to `out` (the process's stdout by default). */
export function terminalLogStream(out: NodeJS.WritableStream = process.stdout): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') out.write(`${terminalLine(line)}\n`);
      done();
    },
  });
}

/** `pretty` on a terminal, `json` elsewhere, unless VENTANILLA_LOG_FORMAT says. */
export function prettyLogs(format: 'auto' | 'pretty' | 'json', stdoutIsTerminal: boolean): boolean {
  return format === 'pretty' || (format === 'auto' && stdoutIsTerminal);
}
