import { defineConfig } from 'vitest/config';
import { testEnv } from '../../vitest.config';

/**
 * Browser flows in Debian's Chromium through the web host. Each file starts its own stack
 * (central server, device store, web host) in its own data dir and its own ports. Two files
 * at a time: much of a flow is waiting (idle timeouts, sync backoff, a server coming back), so
 * on the two-core build machines two run in about two thirds of the time one after another
 * did; more would starve the stacks of CPU.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // The files of a worker run one after another in one process, which keeps the modules it
    // has loaded: each file used to load the server, the device and their dependencies again
    // (the run's 'import' time: 161 s, against 16 s so; the whole tier 465 s -> 388 s on the
    // loaded 2-core machine). Every file starts and stops its own stack, Chromium and ports;
    // what a file changes in the process (print-unknown's PATH) it puts back.
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    env: testEnv,
  },
});
