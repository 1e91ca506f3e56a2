import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { serverUrlRefusal } from '../server-link/server-url-policy';
import { ConfigFile } from './config-file';
import { installerEnrollmentCode } from './enrollment-code-file';
import { readServerCa } from './server-ca';

/** Everything the app needs to know, built once at start-up and passed down (STYLE §13). */
export interface AppConfig extends ConfigFile {
  /** Everything the app (and the embedded server) writes lives under this folder. */
  readonly dataDir: string;
  /** Web host port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  /** An external central server; null runs the embedded one. https:// unless it is on loopback. */
  readonly serverUrl: string | null;
  /** PEM of the CA that signs the central server's certificate (VENTANILLA_SERVER_CA); null: the system's CAs. */
  readonly serverCa: string | null;
  /** PostgreSQL for the embedded server; null uses PGlite under the data dir. */
  readonly databaseUrl: string | null;
  /** A one-time code from the central server's admin; the device enrolls with it on start. */
  readonly enrollmentCode: string | null;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  readonly logLevel: string;
  /** `pretty` lines for a person, `json` for log tools, `auto`: pretty on a terminal (VENTANILLA_LOG_FORMAT). */
  readonly logFormat: 'auto' | 'pretty' | 'json';
  readonly version: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const Port = z.coerce.number().int().min(0).max(65535);

/** Reads the environment variables the README documents and the config file; nothing else does. */
export function loadConfig(
  env: Record<string, string | undefined>,
  defaults: {
    dataDir: string;
    version: string;
    /** Files an installer may have left the enrollment code in (enrollment-code-file.ts); none when absent. */
    enrollmentCodeFiles?: readonly string[];
  },
): AppConfig {
  const dataDir = path.resolve(env.VENTANILLA_DATA_DIR ?? defaults.dataDir);
  const file = env.VENTANILLA_CONFIG ?? path.join(dataDir, 'ventanilla.json');
  const fromFile = readConfigFile(file);
  const port = Port.safeParse(env.VENTANILLA_PORT ?? '5180');
  if (!port.success)
    throw new ConfigError(`VENTANILLA_PORT debe ser un número de puerto (0–65535), no «${env.VENTANILLA_PORT}».`);
  const serverUrl = env.VENTANILLA_SERVER_URL?.trim() || null;
  if (serverUrl !== null && !/^https?:\/\/[^/\s]+/.test(serverUrl)) {
    throw new ConfigError(`VENTANILLA_SERVER_URL debe ser una URL http(s), no «${serverUrl}».`);
  }
  const refusal = serverUrl === null ? null : serverUrlRefusal(serverUrl);
  if (refusal !== null) throw new ConfigError(refusal);
  return {
    ...fromFile,
    dataDir,
    port: port.data,
    serverUrl: serverUrl?.replace(/\/+$/, '') ?? null,
    serverCa: serverCa(env.VENTANILLA_SERVER_CA),
    databaseUrl: env.DATABASE_URL?.trim() || null,
    enrollmentCode: installerEnrollmentCode(env, defaults.enrollmentCodeFiles ?? []),
    logLevel: logLevel(env.LOG_LEVEL),
    logFormat: logFormat(env.VENTANILLA_LOG_FORMAT),
    version: defaults.version,
  };
}

function serverCa(file: string | undefined): string | null {
  if (file === undefined || file.trim() === '') return null;
  const ca = readServerCa(path.resolve(file.trim()));
  if ('problem' in ca) throw new ConfigError(ca.problem);
  return ca.pem;
}

function logFormat(value: string | undefined): 'auto' | 'pretty' | 'json' {
  const format = (value?.trim() || 'auto').toLowerCase();
  if (format === 'auto' || format === 'pretty' || format === 'json') return format;
  throw new ConfigError(`VENTANILLA_LOG_FORMAT debe ser auto, pretty o json, no «${value}».`);
}

function logLevel(value: string | undefined): string {
  const parsed = LogLevel.safeParse((value?.trim() || 'info').toLowerCase());
  if (!parsed.success)
    throw new ConfigError(`LOG_LEVEL debe ser uno de ${LogLevel.options.join(', ')}, no «${value}».`);
  return parsed.data;
}

function readConfigFile(file: string): ConfigFile {
  if (!existsSync(file)) return ConfigFile.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new ConfigError(`El archivo de configuración ${file} no es JSON válido.`, { cause });
  }
  const parsed = ConfigFile.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(raíz)'}: ${i.message}`).join('; ');
    throw new ConfigError(`El archivo de configuración ${file} tiene errores: ${issues}`);
  }
  return parsed.data;
}
