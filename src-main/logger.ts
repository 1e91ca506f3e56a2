import pino, { type DestinationStream, type Logger } from 'pino';
import { logFilesStream, type LogFilesOptions } from './diagnostics/log-files';

export type { Logger };

/**
 * Paths that may carry secrets or personal data; pino replaces them wherever they appear in a
 * log object. Modules log ids and counts, not people. `code` is a citizen's or an enrollment
 * code, so an error's code is logged as `errorCode`.
 */
const redact = [
  'token',
  'code',
  'password',
  'authorization',
  '*.token',
  '*.code',
  '*.password',
  '*.authorization',
  'headers.authorization',
  'headers["x-ventanilla-token"]',
];

/**
 * The app's root logger; every module takes a named child (`logger.child({ module })`). JSON
 * lines on stdout, or on `destination` (a terminal's readable lines: src-node/terminal-log.ts).
 */
export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: redact, censor: '[oculto]' }, base: { app: 'ventanilla' } };
  return destination === undefined ? pino(options) : pino(options, destination);
}

export const moduleLogger = (root: Logger, module: string): Logger => root.child({ module });

/**
 * The device's root logger: the same JSON lines on stdout (or `destination`) and in the rotated
 * files of `files.dir` (src-main/diagnostics/log-files.ts), which «Enviar diagnóstico» reads.
 * `close()` ends the files' stream once nothing logs any more.
 */
export function createDeviceLogger(
  level: string,
  files: LogFilesOptions & { readonly dir: string },
  destination?: DestinationStream,
): { readonly log: Logger; close(): Promise<void> } {
  const options = { level, redact: { paths: redact, censor: '[oculto]' }, base: { app: 'ventanilla' } };
  const onDisk = logFilesStream(files.dir, files);
  const streams = pino.multistream([
    { level: level as pino.Level, stream: destination ?? process.stdout },
    { level: level as pino.Level, stream: onDisk },
  ]);
  return {
    log: pino(options, streams),
    close: () => new Promise<void>((resolve) => onDisk.end(() => resolve())),
  };
}
