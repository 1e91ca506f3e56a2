import { defineConfig } from 'vitest/config';

/**
 * Browser flows in Debian's Chromium through the web host. Each file starts its own stack
 * (central server, device store, web host) in its own data dir; files run one at a time
 * because the build machines have two cores and each stack is heavy.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
