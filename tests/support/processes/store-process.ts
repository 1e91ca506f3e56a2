/**
 * Opens a device store in a process of its own, so a fault test can `kill -9` it in the middle
 * of the migration of a plain store to an encrypted one: started with the store folder and the
 * step to stop at (or `none`), it prints each step as `step <name>`, then `paused` and waits
 * forever at the chosen one; without a pause it prints `opened` and exits.
 */
import path from 'node:path';
import type { EncryptionStep } from '../../../src-main/store/encrypt-plain-store';
import { readMigrations } from '../../../src-main/store/migrations';
import { openStore } from '../../../src-main/store/open-store';

const [dir, pauseAt] = process.argv.slice(2);
if (dir === undefined || pauseAt === undefined) throw new Error('usage: store-process <storeDir> <step|none>');
process.stdout.write('ready\n');

const onEncryptionStep = (step: EncryptionStep): void => {
  process.stdout.write(`step ${step}\n`);
  if (step !== pauseAt) return;
  process.stdout.write('paused\n');
  // Blocks the only thread, like a process stopped by the OS at this instruction; SIGKILL ends it.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
};
const store = openStore({ dir, migrations: readMigrations(path.resolve('db/local/migrations')), onEncryptionStep });
store.close();
process.stdout.write('opened\n');
