import { createHash } from 'node:crypto';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { FieldPrepareResult } from '../../src-shared/api/ops/field';
import {
  routeChecksumTableNames,
  routeChecksumTables,
  routeDifferences,
  type RouteChecksumTable,
  type RouteChecksumValue,
  type RouteFigures,
  type TableFigures,
} from '../../src-shared/field/route-checksum';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import type { Store } from '../store/open-store';
import { prepareMessages } from './prepare-messages';

export interface FieldPrepareDeps {
  readonly store: Store;
  readonly meta: DeviceMeta;
  readonly client: Pick<ServerClient, 'call'>;
  /** Wakes the sync service's puller: the catch-up is its, never a second writer of the replica. */
  readonly syncNow: () => void;
  readonly log: Logger;
  /** How long to wait for the replica to catch up (a first download of big routes takes minutes). */
  readonly catchUpTimeoutMs?: number;
  readonly now?: () => Date;
}

/** The replica's subscribers of a route: the route itself or it plus a dash (as the feed and the re-scope). */
const inRoute = `(s.codigo_ruta = ? OR substr(s.codigo_ruta, 1, length(?) + 1) = ? || '-')`;

const fromOf: Record<RouteChecksumTable, string> = {
  subscribers: `subscribers s WHERE ${inRoute}`,
  bills: `bills t JOIN subscribers s ON s.codigo_interno = t.codigo_interno WHERE ${inRoute}`,
  payments: `payments t JOIN subscribers s ON s.codigo_interno = t.codigo_interno WHERE ${inRoute}`,
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Which of the replica's routes-scoped tables a full re-download empties (staff and settings stay). */
const routeScopedTables: readonly RouteChecksumTable[] = ['payments', 'bills', 'subscribers'];

/**
 * «Preparar salida» (docs/field-mode.md): before leaving the office the laptop catches up its
 * replica, asks the central server for the counts and checksums of its routes, computes the same
 * over its replica and compares. The outcome stays in device_meta: `field.openDay` refuses a new
 * collection day until the last check ended `ok` for the routes the replica holds now.
 *
 * The server's figures move when someone writes: they come with the feed cursor they were read
 * at, and the laptop compares once its replica holds every change it may see up to that cursor
 * and none after it. If the replica already went past it (the server moved meanwhile), it asks
 * again, up to three times.
 */
export class FieldPrepare {
  private readonly now: () => Date;
  private running: Promise<Result<FieldPrepareResult>> | null = null;

  constructor(private readonly deps: FieldPrepareDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** One check at a time: a second tap waits for the first one's outcome. */
  prepare(redownload: boolean): Promise<Result<FieldPrepareResult>> {
    this.running ??= this.run(redownload).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Spanish when a new collection day may not open, else null (field-days.ts asks it). */
  refusal(): string | null {
    const meta = this.deps.meta;
    const routes = meta.get('replicaRoutes');
    const state = meta.get('fieldPrepareState');
    if (state !== null && state !== 'ok') return prepareMessages.notPrepared;
    if (state === 'ok' && meta.get('fieldPreparedRoutes') !== routes) return prepareMessages.notPrepared;
    // A routed replica whose download never ended (first download, or routes changed since).
    if (routes !== null && meta.get('caughtUpAt') === null) return prepareMessages.notPrepared;
    return null;
  }

  private async run(redownload: boolean): Promise<Result<FieldPrepareResult>> {
    const token = this.deps.meta.get('deviceToken');
    if (token === null) return err('not-enrolled', prepareMessages.notEnrolled);
    if (redownload) this.resetReplica();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const answer = await this.deps.client.call('sync.routeChecksum', {}, { token });
      if (!answer.ok) return answer.error.code === 'offline' ? err('offline', prepareMessages.offline) : answer;
      const caught = await this.catchUp(token, answer.value);
      if (!caught.ok) return caught;
      if (caught.value === 'moved') continue;
      return ok(this.compare(answer.value));
    }
    return err('conflict', prepareMessages.serverBusy);
  }

  /**
   * Waits until the replica holds every change the device may see up to the server's answer:
   * the puller applies them (woken here); a read-only probe of the feed from the replica's
   * cursor, sent after the answer, finding nothing more says it is done. A cursor already past
   * the answer's means changes arrived since the server read its figures: ask again.
   */
  private async catchUp(token: string, answer: RouteChecksumValue): Promise<Result<'exact' | 'moved'>> {
    const meta = this.deps.meta;
    const deadline = Date.now() + (this.deps.catchUpTimeoutMs ?? 300_000);
    const target = BigInt(answer.cursor);
    for (;;) {
      const cursor = meta.get('syncCursor') ?? '0';
      if (BigInt(cursor) > target) return ok('moved');
      const probe = await this.deps.client.call('sync.pull', { cursor, limit: 1, wait: 0, count: '0' }, { token });
      if (!probe.ok) return probe.error.code === 'offline' ? err('offline', prepareMessages.offline) : probe;
      const sameRoutes = meta.get('replicaRoutes') === JSON.stringify(probe.value.routes);
      const unmoved = (meta.get('syncCursor') ?? '0') === cursor;
      if (probe.value.changes.length === 0 && sameRoutes && unmoved) return ok('exact');
      if (Date.now() > deadline) {
        this.deps.log.warn({ cursor, target: answer.cursor }, 'prepare: the replica did not catch up in time');
        return err('offline', prepareMessages.unfinished);
      }
      this.deps.syncNow();
      await pause(250);
    }
  }

  private compare(answer: RouteChecksumValue): FieldPrepareResult {
    const meta = this.deps.meta;
    const routes = answer.byRoute.map(({ route, figures }) => ({
      route,
      server: figures,
      replica: this.figures(route),
    }));
    const differences = routes.flatMap((r) => routeDifferences(r.route, r.server, r.replica));
    const okNow = differences.length === 0 && routes.length > 0;
    const preparedAt = this.now().toISOString();
    meta.set({
      fieldPreparedAt: preparedAt,
      fieldPrepareState: okNow ? 'ok' : 'mismatch',
      fieldPreparedCursor: answer.cursor,
      fieldPreparedRoutes: meta.get('replicaRoutes') ?? 'null',
    });
    this.deps.log.info({ routes: routes.length, ok: okNow, differences: differences.length }, 'routes checked');
    return {
      ok: okNow,
      preparedAt,
      dataAsOf: meta.get('lastPullAt'),
      routes: routes.map((r) => ({
        route: r.route,
        subscribers: r.replica.subscribers.rows,
        bills: r.replica.bills.rows,
        payments: r.replica.payments.rows,
      })),
      differences: differences.map((d) => `${d}: vuelva a descargar.`),
      message: okNow
        ? prepareMessages.ready(routes.length)
        : routes.length === 0
          ? prepareMessages.noRoutes
          : prepareMessages.mismatch,
    };
  }

  /** The replica's figures of one route, as the server computes them. */
  private figures(route: string): RouteFigures {
    const result = {} as Record<RouteChecksumTable, TableFigures>;
    for (const table of routeChecksumTableNames) {
      const spec = routeChecksumTables[table];
      const alias = table === 'subscribers' ? 's' : 't';
      const rows = this.deps.store.sqlite
        .prepare(`SELECT ${spec.fields.map((f) => `${alias}.${f}`).join(', ')} FROM ${fromOf[table]}`)
        .raw()
        .all(route, route, route) as unknown[][];
      const keyIndex = (spec.fields as readonly string[]).indexOf(spec.key);
      const lines = rows
        .map((row) => ({
          k: String(row[keyIndex]),
          line: `${row.map((v) => (v === null ? '' : String(v))).join('|')}\n`,
        }))
        .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
      const hash = createHash('sha256');
      for (const { line } of lines) hash.update(line);
      result[table] = { rows: lines.length, sha256: hash.digest('hex') };
    }
    return result;
  }

  /**
   * A full re-download: the replica's route rows go and the cursor starts again from 0, as a
   * re-scope does (sync/replica-routes.ts). The outbox and the payments taken here
   * (cashier_payments) are never touched.
   */
  private resetReplica(): void {
    const sqlite = this.deps.store.sqlite;
    sqlite
      .transaction(() => {
        for (const table of routeScopedTables) sqlite.prepare(`DELETE FROM ${table}`).run();
        sqlite
          .prepare(
            `DELETE FROM device_meta WHERE key IN ('syncCursor', 'caughtUpAt', 'syncError', 'fieldPrepareState', 'fieldPreparedRoutes')`,
          )
          .run();
      })
      .immediate();
    this.deps.log.info('prepare: the routes are downloaded again from the start');
  }
}
