import { cpSync } from 'node:fs';
import type { DestinationStream } from 'pino';
import { onTestFinished } from 'vitest';
import { DEFAULT_MAIL_FROM, pgliteDataDir, type ServerConfig } from '../../src-server/config';
import { startServer, type RunningServer, type StartServerOptions } from '../../src-server/index';
import { openServerDatabase, type ServerDatabase } from '../../src-server/db/open';
import { createServerLogger } from '../../src-server/logger';
import { emptyPgliteTemplate, migratedPgliteTemplate } from './migrated-templates';
import type { DatabaseVariant } from './postgres';
import { tempDir } from './temp-dir';

/**
 * Where a server's stop is registered: the test's end by default; `fileCleanup()`'s list for a
 * server a file's tests share (started in `beforeAll`, where `onTestFinished` cannot be used).
 */
export type Cleanup = (stop: () => Promise<void>) => void;

/** A central server on 127.0.0.1:0 in its own data dir (and database), stopped after the test (or by `cleanup`). */
export interface TestServer {
  readonly server: RunningServer;
  readonly config: ServerConfig;
  /** Every log line the server wrote, as JSON text. */
  readonly logs: string[];
  request(path: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }>;
  /** Stops the server now (the test-end cleanup then only removes files). */
  stop(): Promise<void>;
}

export async function startTestServer(
  variant: DatabaseVariant,
  opts: {
    logLevel?: string;
    config?: Partial<ServerConfig>;
    captchaText?: () => string;
    serverOptions?: Omit<StartServerOptions, 'logger' | 'captchaText'>;
    cleanup?: Cleanup;
  } = {},
): Promise<TestServer> {
  const { dir, databaseUrl } = await prepareDatabase(variant);
  const config: ServerConfig = {
    dataDir: dir.path,
    databaseUrl,
    host: '127.0.0.1',
    port: 0,
    logLevel: opts.logLevel ?? 'info',
    enrollmentCodeTtlHours: 24,
    smtpUrl: null,
    mailFrom: DEFAULT_MAIL_FROM,
    ...opts.config,
  };
  const logs: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void logs.push(line) };
  let server: RunningServer;
  try {
    server = await startServer(config, {
      ...opts.serverOptions,
      logger: createServerLogger(config.logLevel, destination),
      captchaText: opts.captchaText,
    });
  } catch (error) {
    dir.remove();
    throw error;
  }
  (opts.cleanup ?? onTestFinished)(async () => {
    await server.stop();
    dir.remove();
  });
  return {
    server,
    config,
    logs,
    stop: () => server.stop(),
    async request(path, init) {
      const response = await fetch(`${server.url}${path}`, init);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: keep the text so the assertion shows what came back.
      }
      return { status: response.status, body, headers: response.headers };
    },
  };
}

export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function bearer(token: string): RequestInit {
  return { headers: { authorization: `Bearer ${token}` } };
}

/**
 * A temp data dir and, per variant, a database at the current migrations: a copy of the
 * migrated template (see migrated-templates.ts), as a PostgreSQL database or PGlite files. The
 * server still checks its migrations on it and finds nothing pending. `empty` gives a database
 * with no tables instead, for tests of the migrations themselves.
 */
export async function prepareDatabase(
  variant: DatabaseVariant,
  opts: { empty?: boolean } = {},
): Promise<{ dir: { path: string; remove(): void }; databaseUrl: string | null }> {
  const dir = tempDir('server');
  try {
    const databaseUrl = await variant.freshDatabaseUrl(opts);
    if (databaseUrl === null) {
      const template = opts.empty === true ? await emptyPgliteTemplate() : await migratedPgliteTemplate();
      cpSync(template, pgliteDataDir(dir.path), { recursive: true });
    }
    return { dir, databaseUrl };
  } catch (error) {
    dir.remove();
    throw error;
  }
}

/**
 * An open database at the current migrations (a copy of the migrated template, prepareDatabase),
 * without a server; closed and removed by `cleanup` (the test's end by default).
 */
export async function openMigratedDatabase(
  variant: DatabaseVariant,
  cleanup: Cleanup = onTestFinished,
): Promise<ServerDatabase> {
  const { dir, databaseUrl } = await prepareDatabase(variant);
  const database = await openServerDatabase(
    { dataDir: dir.path, databaseUrl },
    { logger: createServerLogger('silent') },
  ).catch((error: unknown) => {
    dir.remove();
    throw error;
  });
  cleanup(async () => {
    await database.close();
    dir.remove();
  });
  return database;
}
