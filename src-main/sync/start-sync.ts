import type { Slice } from '../api/slice';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ConnectionMonitor } from '../server-link/connection-monitor';
import type { ServerClient } from '../server-link/server-client';
import type { Store } from '../store/open-store';
import type { ReplicaPolicy } from './replica-policy';
import { SyncAdminService } from './sync-admin-service';
import { SyncService, type SyncOptions } from './sync-service';

export interface SyncDeps {
  readonly store: Store;
  readonly meta: DeviceMeta;
  readonly client: ServerClient;
  readonly connection: ConnectionMonitor;
  /** What of the server's data this device keeps, by its mode. */
  readonly policy: ReplicaPolicy;
  /** Timers (tests shorten them). */
  readonly options?: SyncOptions | undefined;
  readonly log: Logger;
}

/**
 * The sync loops (pull the change feed, push the outbox), started here and stopped with the
 * slice; sync at once when the server comes back. `service` is for the features that read its
 * figures, its clock check and its parked events (status, cashier).
 */
export function startSync(deps: SyncDeps): Slice & { readonly service: SyncService } {
  const service = new SyncService(deps.store, deps.meta, deps.client, deps.log, deps.options, deps.policy);
  const admin = new SyncAdminService(service);
  deps.connection.onBackOnline(() => service.syncNow());
  service.start();
  return {
    name: 'sync',
    service,
    handlers: {
      'sync.now': () => admin.syncNow(),
      'sync.parked': () => admin.parked(),
      'sync.resolveParked': (input, supervisor) => admin.resolve(supervisor, input.eventId, input.action),
    },
    stop: () => service.stop(),
  };
}
