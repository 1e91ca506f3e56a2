import path from 'node:path';
import { startAppCore, type AppCore } from '../../src-main/app-core';
import type { SyncOptions } from '../../src-main/sync/sync-service';
import { appPaths } from '../../src-main/app-paths';
import { loadConfig, type AppConfig } from '../../src-main/config/app-config';
import { createRootLogger } from '../../src-main/logger';

/** Config for a test: its own data dir, quiet logs, nothing read from the real environment. */
export function testConfig(dataDir: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig({ VENTANILLA_DATA_DIR: dataDir, VENTANILLA_PORT: '0', ...env }, { dataDir, version: '0.0.0-test' });
}

/** A port where nothing listens: connections are refused at once, like a server that is down. */
export const unreachableServer = 'http://127.0.0.1:9';

/** Quick sync timers, so tests see a lost server come back within a second or two. */
export const quickSync: SyncOptions = {
  puller: { longPollMs: 2000, backoffBaseMs: 100, backoffMaxMs: 1000 },
  // Batches of 100, so a fault test finds several requests to interrupt.
  pusher: { idleCheckMs: 1000, backoffBaseMs: 100, backoffMaxMs: 1000, batchSize: 100 },
};

export function startTestCore(
  config: AppConfig,
  serverUrl = unreachableServer,
  sync: SyncOptions = quickSync,
): AppCore {
  return startAppCore({
    config,
    paths: appPaths(path.resolve('.')),
    serverUrl,
    log: createRootLogger('silent'),
    helloIntervalMs: 60_000,
    sync,
  });
}
