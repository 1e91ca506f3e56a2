import path from 'node:path';
import { startAppCore, type AppCore, type AppCoreOptions } from '../../src-main/app-core';
import { appPaths } from '../../src-main/app-paths';
import type { Dispenser } from '../../src-main/devices/dispenser/dispenser';
import { createRootLogger } from '../../src-main/logger';
import { quickSync, testConfig } from './test-app';

/**
 * A kiosk's whole app core over `dataDir` with the given dispenser, talking to `serverUrl`;
 * `options` for a test that shortens another timer (the dispenser status's cache).
 */
export function startKioskCore(
  dataDir: string,
  serverUrl: string,
  dispenser: Dispenser,
  options: Pick<AppCoreOptions, 'dispenserStatusTtlMs'> = {},
): AppCore {
  return startAppCore({
    config: testConfig(dataDir),
    paths: appPaths(path.resolve('.')),
    serverUrl,
    log: createRootLogger('silent'),
    helloIntervalMs: 60_000,
    sync: quickSync,
    // The heartbeat looks often, so a test sees a dispenser's change reach the server soon.
    report: { lookEveryMs: 100 },
    dispenser,
    ...options,
  });
}
