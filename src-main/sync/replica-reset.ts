import type { Store } from '../store/open-store';
import { replicaTables } from './replica-tables';

/**
 * Empties the replica and its cursor, in one transaction: for a device enrolled again with a
 * server of ANOTHER deployment, whose data are not these. The outbox is kept (records of
 * money are never dropped); what the new server refuses is parked for a supervisor.
 */
export function resetReplica(store: Store): void {
  const reset = store.sqlite.transaction(() => {
    for (const spec of Object.values(replicaTables)) store.sqlite.prepare(`DELETE FROM ${spec.name}`).run();
    store.sqlite
      .prepare(`DELETE FROM device_meta WHERE key IN ('syncCursor', 'lastPullAt', 'syncError', 'syncSnapshot')`)
      .run();
  });
  reset.immediate();
}
