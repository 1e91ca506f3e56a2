import path from 'node:path';
import { fillLocalReplica, type LocalReplicaOptions } from '../../db/seed/local-replica';
import { readMigrations } from '../../src-main/store/migrations';
import { openStore, type Store } from '../../src-main/store/open-store';

/** The reference instant of replica fixtures: 2026-03-10 10:00 in Bogotá. */
export const replicaNow = new Date('2026-03-10T15:00:00Z');

/** A migrated device store in `dir` (opened again on the same file if it exists). */
export function openTestStore(dir: string): Store {
  return openStore({ dir, migrations: readMigrations(path.resolve('db/local/migrations')) });
}

/** A device store filled from the demo generator (6 months, seed 1, fixed `now`). */
export async function openReplicaStore(
  dir: string,
  options: Partial<LocalReplicaOptions> & { subscribers: number },
): Promise<Store> {
  const store = openTestStore(dir);
  await fillLocalReplica(store.sqlite, { now: replicaNow, ...options });
  return store;
}
