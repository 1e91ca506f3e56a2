import pino, { type Logger } from 'pino';

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

/** The app's root logger; every module takes a named child (`logger.child({ module })`). */
export function createRootLogger(level: string): Logger {
  return pino({ level, redact: { paths: redact, censor: '[oculto]' }, base: { app: 'ventanilla' } });
}

export const moduleLogger = (root: Logger, module: string): Logger => root.child({ module });
