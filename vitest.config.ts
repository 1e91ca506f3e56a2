import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Fault tests kill processes at chosen moments, cut networks and fill disks, and each already
 * loads the machine (a store being migrated while it is killed a hundred times, a server
 * restarted under a pushing device): they run one file at a time, after the rest.
 */
const faultFiles = ['tests/integration/**/*fault*.test.ts', 'tests/integration/**/*-kill.test.ts'];

/**
 * The demo accounts' scrypt hashes are made once and kept for every later seed, in this and in
 * child processes (db/seed/demo-hash-cache.ts): eight runs of ~0.4 s CPU per seeded database.
 */
export const demoHashCache = {
  VENTANILLA_DEMO_HASH_CACHE: path.resolve('node_modules/.cache/ventanilla-tests/demo-hashes'),
};

const shared = { pool: 'forks' as const, testTimeout: 30_000, hookTimeout: 60_000, env: demoHashCache };

/**
 * Two files at a time for the rest: most of an integration test waits (on a server, a socket,
 * PostgreSQL, a timer), so on the two-core build machines two files overlap well; each file
 * has its own data dirs, databases and ports, so they cannot see each other.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: ['tests/unit/**/*.test.ts'], maxWorkers: 2 } },
      {
        test: {
          ...shared,
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: faultFiles,
          maxWorkers: 2,
        },
      },
      {
        test: {
          ...shared,
          name: 'faults',
          include: faultFiles,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
