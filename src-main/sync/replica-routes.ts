import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { Store } from '../store/open-store';
import { replicaTables } from './replica-tables';

/**
 * The códigos de ruta the replica holds (docs/field-routes.md). Each pull answer names the
 * routes its changes are scoped to; when that list differs from the one the replica was built
 * for, a supervisor assigned or took away a route. Then, in one transaction, the replica's
 * rows of subscribers outside the new routes are deleted (with their bills and payments) and
 * the cursor starts again from 0: the feed is downloaded again under the new routes, which
 * brings an added route's rows (applying a row twice is harmless). The outbox and the
 * payments taken on this device (cashier_payments) are never touched: records of money stay
 * until the server has them.
 */
export class ReplicaRoutes {
  constructor(
    private readonly store: Store,
    private readonly meta: DeviceMeta,
    private readonly log: Logger,
  ) {}

  /** Notes the routes of an answer; true when they changed and the replica was re-scoped. */
  observe(routes: readonly string[] | null): boolean {
    const said = JSON.stringify(routes === null ? null : [...routes].sort());
    const known = this.meta.get('replicaRoutes');
    if (known === said) return false;
    // A device that never held routes and is told the whole entity has nothing to re-scope.
    if (known === null && routes === null) {
      this.meta.set({ replicaRoutes: said });
      return false;
    }
    const rescope = this.store.sqlite.transaction(() => {
      const removed = routes === null ? 0 : this.deleteOutside(routes);
      this.store.sqlite
        .prepare(`DELETE FROM device_meta WHERE key IN ('syncCursor', 'caughtUpAt', 'syncError', 'syncSnapshot')`)
        .run();
      this.meta.set({ replicaRoutes: said });
      return removed;
    });
    const removed = rescope.immediate();
    this.log.info(
      { routes: routes?.length ?? null, removedSubscribers: removed },
      'assigned routes changed: rows outside them deleted, the routes are downloaded again',
    );
    return true;
  }

  /** Deletes every replica row of a subscriber outside `routes`; returns the subscribers removed. */
  private deleteOutside(routes: readonly string[]): number {
    const sqlite = this.store.sqlite;
    const json = JSON.stringify(routes);
    // The same rule as the server's feed (feed-reader.ts): the route itself or it plus a dash.
    const kept = `SELECT codigo_interno FROM subscribers
      WHERE EXISTS (SELECT 1 FROM json_each(?) r
                    WHERE subscribers.codigo_ruta = r.value
                       OR substr(subscribers.codigo_ruta, 1, length(r.value) + 1) = r.value || '-')`;
    // Every replicated table that belongs to a subscriber carries its codigo_interno.
    for (const spec of Object.values(replicaTables)) {
      if (spec.name === 'subscribers') continue;
      if (!spec.columns.some(([column]) => column === 'codigo_interno')) continue;
      sqlite.prepare(`DELETE FROM ${spec.name} WHERE codigo_interno NOT IN (${kept})`).run(json);
    }
    return sqlite.prepare(`DELETE FROM subscribers WHERE codigo_interno NOT IN (${kept})`).run(json).changes;
  }
}
