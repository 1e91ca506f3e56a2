import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Secrets that must never reach a log line, wherever a caller puts them. Request bodies are
 * not logged at all (Fastify logs only method, URL and status), so these cover headers and
 * objects a module logs on purpose.
 */
const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'token',
  '*.token',
  'adminToken',
  '*.adminToken',
  'enrollmentCode',
  '*.enrollmentCode',
  'databaseUrl',
  '*.databaseUrl',
  'smtpUrl',
  '*.smtpUrl',
];

const redact = { paths: redactPaths, censor: '[oculto]' };

/** The server's root logger: JSON lines, named so its records can be told from the app's. */
export function createServerLogger(level: string, destination?: DestinationStream): Logger {
  const options = { name: 'ventanilla-server', level, redact };
  return destination === undefined ? pino(options) : pino(options, destination);
}

/**
 * Wraps a logger someone else built (the app passes its own) so our redaction still applies.
 * Child redaction is pino's documented way to add paths to an existing logger.
 */
export function withServerRedaction(logger: Logger): Logger {
  return logger.child({ component: 'central-server' }, { redact });
}

/** One child per module, so a record says where it came from (STYLE §18). */
export function moduleLogger(parent: Logger, module: string): Logger {
  return parent.child({ module });
}
