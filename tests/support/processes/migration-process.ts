/**
 * Opens a device store in a process of its own, so a fault test can `kill -9` it while the
 * store's pending migrations run in their transaction: started with the store folder and where
 * to stop (`<tag>#<statement>`, `checked`, or `none`), it prints each step as `step <where>`
 * as it passes it (stdout to a pipe is written at once on Linux, so a step the test has read
 * has happened), then `paused` and waits forever at the chosen one; without a pause it prints
 * `opened` once the store is open and exits.
 */
import path from 'node:path';
import type { MigrationStep } from '../../../src-main/store/migrate';
import { readMigrations } from '../../../src-main/store/migrations';
import { openStore } from '../../../src-main/store/open-store';

const [dir, pauseAt] = process.argv.slice(2);
if (dir === undefined || pauseAt === undefined)
  throw new Error('usage: migration-process <storeDir> <tag#statement|checked|none>');
process.stdout.write('ready\n');

const onMigrationStep = (step: MigrationStep): void => {
  const where = step === 'checked' ? step : `${step.tag}#${step.statement}`;
  process.stdout.write(`step ${where}\n`);
  if (where !== pauseAt) return;
  process.stdout.write('paused\n');
  // Blocks the only thread inside the migration's transaction, like a process stopped there by the OS.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
};
const store = openStore({ dir, migrations: readMigrations(path.resolve('db/local/migrations')), onMigrationStep });
store.close();
process.stdout.write('opened\n');
