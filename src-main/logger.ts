import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Paths that may carry secrets or personal data; pino replaces them wherever they appear in a
 * log object. Modules log ids and counts, not people.
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
