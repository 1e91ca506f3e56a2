import { mkdirSync, statfsSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** statfs(2)'s f_type for tmpfs (linux/magic.h). */
const TMPFS_MAGIC = 0x01021994;
/** Below this much free room a tmpfs is a container's small /dev/shm, not a place for test data. */
const MIN_FREE_BYTES = 4 * 1024 ** 3;

/**
 * Where the tests' temp dirs go (as TMPDIR for the test workers and every process they start).
 *
 * Each server test copies a 41 MB PGlite cluster of 1,300 files and every device store syncs its
 * SQLite writes: on the build machines' disk a copy alone takes 0.5-1 s, on tmpfs 60 ms. The
 * files are as real on tmpfs (same SQLite, same PGlite, same syscalls); only the disk's latency
 * is gone, which no test measures. So: /dev/shm when it is a tmpfs with room, else the OS temp
 * dir. `VENTANILLA_TEST_TMPDIR` chooses another folder.
 */
function testTmpdir(): string {
  const chosen = process.env.VENTANILLA_TEST_TMPDIR;
  if (chosen !== undefined && chosen !== '') return ensure(path.resolve(chosen));
  try {
    const fs = statfsSync('/dev/shm');
    if (fs.type === TMPFS_MAGIC && fs.bavail * fs.bsize >= MIN_FREE_BYTES)
      return ensure(path.join('/dev/shm', `ventanilla-tests-${userInfo().uid}`));
  } catch {
    // No /dev/shm (not Linux): the OS temp dir.
  }
  return tmpdir();
}

function ensure(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

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

/** The environment of every test worker: the hash cache above, and temp dirs on tmpfs when there is one (testTmpdir above). */
export const testEnv = { ...demoHashCache, TMPDIR: testTmpdir() };

const shared = { pool: 'forks' as const, testTimeout: 30_000, hookTimeout: 60_000, env: testEnv };

/**
 * The integration files share their worker processes instead of a fresh one each: vitest spent
 * about 1.3 s importing the app's modules (server, store, PGlite, pdf, mail) for each of ~155
 * files, 204 s of a CI run. A file may not leave anything behind in the process for
 * this: its servers, databases, stores and children are stopped by its own cleanups, and what a
 * support module keeps for a worker's life is only what any file may reuse (the migrated and
 * empty database templates, bundled child scripts). tests/support/file-end.ts stops what a
 * support module would otherwise stop only for the first file of a worker (SMTP sinks).
 * field-offline-week moves this process's clock (shifted-clock.ts) and sets it back when its
 * test ends; `Date` stays the proxy that reads the offset, which is then zero. The fault files
 * keep a process each: sharing saves them ~20 s in all, and fault-server-kill's dying server
 * failed twice (exited before its ready line) when it ran after another file in the worker and
 * passed the four times it ran alone, isolated or first: not worth a doubtful fault tier.
 */
const sharedWorkers = { isolate: false, setupFiles: ['tests/support/file-end.ts'] };

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
          ...sharedWorkers,
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
