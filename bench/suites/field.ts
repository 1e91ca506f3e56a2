import path from 'node:path';
import { parseArgs } from 'node:util';
import { fieldHarness } from '../../tests/support/field-harness';
import { openReplicaStore, replicaNow } from '../../tests/support/replica-store';
import { testStaffPepper } from '../../tests/support/staff-pepper';
import { tempDir } from '../../tests/support/temp-dir';
import { measureFieldSync } from '../support/field-sync-measures';
import { countOption, Latencies } from '../support/latency';
import type { BenchContext, Metrics } from '../suite';

/**
 * `field` (docs/field-mode.md). First on a real device store (WAL, synchronous=FULL) holding a
 * route of --subscribers (5,000) subscribers with a year of bills, through the field operations'
 * dispatcher (schemas, mode and staff session checked) as the laptop's screens call them:
 *
 * - `field.search_p99_ms`: the route sheet's search, by código interno, meter, address, a street
 *   and digits in turn (target ≤ 5 ms); beside it `field.raw_pk_read_p99_ms`: one subscriber read
 *   by its primary key with a prepared statement, the same run.
 * - `field.collect_commit_p99_ms`: «Cobrar» in cash with change and no printer — the checks, the
 *   payment, its receipt number and its outbox event committed (target ≤ 10 ms); beside it
 *   `field.raw_commit_p99_ms`: one bare INSERT committed in its own transaction.
 *
 * Then against a real central server (PGlite in a process of its own, as in the `sync` suite)
 * seeded with a city of --city-subscribers (20,000) subscribers and 12 months of bills, and a
 * field laptop's app core with the product's sync service and timers
 * (bench/support/field-sync-measures.ts):
 *
 * - `field.route_download_s`: a laptop enrolled with no route (caught up with the entity-wide
 *   rows) is assigned ciclos and routes holding --route-subscribers (5,000, within ten)
 *   subscribers through the admin command's route (`routes assign`, which wakes its long poll);
 *   from that call until its replica holds the routes and is caught up. Its subscribers, bills
 *   and payments are then counted against the server's. Beside it `field.raw_route_insert_s`: the
 *   same rows (`field.route_rows`) written into an empty migrated store with bare prepared
 *   INSERTs in one transaction, the same run.
 * - `field.return_sync_s`: the laptop, restarted with no server, signs in, opens the day and
 *   takes --return-payments (2,000) owed bills in cash through `field.collect`; restarted with the
 *   server, from its start until the outbox is empty. Every event must be sent (none parked) and
 *   the server, opened after its process stops, must hold exactly that many `campo` payments of
 *   the laptop and no rejected event. Beside it `field.raw_push_apply_s`: the server's push
 *   applier called directly (no HTTP, no device) with as many cash payments of bills outside the
 *   route, in batches of 1,000, measured on the seeded server before its process starts.
 *
 * Not measured: «Preparar salida» (the route's checksum) after the download, and the printer.
 *
 * Options: --subscribers N (5000), --runs N (300), --payments N (500), --city-subscribers N
 * (20000), --route-subscribers N (5000), --return-payments N (2000).
 */
export const name = 'field';

export async function run(ctx: BenchContext): Promise<Metrics> {
  const { values } = parseArgs({
    args: [...ctx.args],
    strict: false,
    options: {
      subscribers: { type: 'string' },
      runs: { type: 'string' },
      payments: { type: 'string' },
      'city-subscribers': { type: 'string' },
      'route-subscribers': { type: 'string' },
      'return-payments': { type: 'string' },
    },
  });
  const subscribers = countOption(values, 'subscribers', 5000);
  const runs = countOption(values, 'runs', 300);
  const payments = countOption(values, 'payments', 500);
  const sizes = {
    city: countOption(values, 'city-subscribers', 20_000),
    route: countOption(values, 'route-subscribers', 5_000),
    payments: countOption(values, 'return-payments', 2_000),
  };
  const dir = tempDir('bench-field');
  const stoppers: (() => Promise<void>)[] = [];
  try {
    ctx.log(`ruta de ${subscribers} suscriptores con un año de facturas…`);
    const store = await openReplicaStore(dir.path, { subscribers, staffPepper: testStaffPepper });
    stoppers.push(() => Promise.resolve(store.close()));
    const h = fieldHarness(
      store,
      null,
      () => replicaNow,
      'field',
      (stop) => stoppers.push(stop),
    );
    h.meta.set({ lastPullAt: new Date(replicaNow.getTime() - 3_600_000).toISOString() });
    const signed = await h.field.signIn({ username: 'cajero1', password: 'Cajero1.Demo' });
    if (!signed.ok) throw new Error(signed.error.message);
    const staffSession = signed.value.staffSession;

    ctx.log(`${runs} búsquedas en la hoja de ruta…`);
    const people = store.sqlite
      .prepare(
        'SELECT codigo_interno AS code, meter_serial AS meter, address FROM subscribers ORDER BY random() LIMIT 50',
      )
      .all() as { code: number; meter: string; address: string }[];
    const queries = people.flatMap((p) => [String(p.code), p.meter, p.address.slice(0, 10), p.meter.slice(-5)]);
    queries.push('Calle 1', 'Carrera', '12', 'zzz');
    const search = new Latencies();
    for (let i = 0; i < runs; i += 1) {
      const query = queries[i % queries.length] ?? '';
      const started = performance.now();
      const found = await h.field.routeSheet({ staffSession, query });
      search.add(performance.now() - started);
      if (!found.ok) throw new Error(found.error.message);
    }
    const byKey = store.sqlite.prepare('SELECT * FROM subscribers WHERE codigo_interno = ?');
    const rawRead = new Latencies();
    for (let i = 0; i < runs; i += 1) rawRead.time(() => byKey.get(people[i % people.length]?.code ?? 0));

    ctx.log(`${payments} cobros en efectivo con cambio, sin impresora…`);
    const opened = await h.field.openDay({ staffSession });
    if (!opened.ok) throw new Error(opened.error.message);
    const bills = store.sqlite
      .prepare(
        `SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, total FROM bills
         WHERE state = 'pendiente' AND due_on > ? ORDER BY bill_number LIMIT ?`,
      )
      .all(replicaNow.toISOString().slice(0, 10), payments) as {
      billNumber: number;
      codigoInterno: number;
      total: number;
    }[];
    if (bills.length < payments) throw new Error(`solo hay ${bills.length} facturas por cobrar sin vencer`);
    const collect = new Latencies();
    for (const bill of bills) {
      const started = performance.now();
      const taken = await h.field.collect({
        staffSession,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        amount: bill.total,
        tender: { kind: 'cash', received: bill.total + 5_000 },
      });
      collect.add(performance.now() - started);
      if (!taken.ok) throw new Error(taken.error.message);
    }
    store.sqlite.exec('CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
    const insert = store.sqlite.prepare('INSERT INTO bench_raw (payload) VALUES (?)');
    const rawCommit = new Latencies();
    for (let i = 0; i < payments; i += 1)
      rawCommit.time(() => store.sqlite.transaction(() => insert.run(`{"n":${i}}`)).immediate());
    store.sqlite.exec('DROP TABLE bench_raw');

    const synced = await measureFieldSync(path.join(dir.path, 'sync'), sizes, ctx.log);
    return {
      ...synced,
      'field.search_p99_ms': search.percentile(99),
      'field.search_p50_ms': search.percentile(50),
      'field.raw_pk_read_p99_ms': rawRead.percentile(99),
      'field.collect_commit_p99_ms': collect.percentile(99),
      'field.collect_commit_p50_ms': collect.percentile(50),
      'field.raw_commit_p99_ms': rawCommit.percentile(99),
    };
  } finally {
    for (const stop of stoppers.reverse()) await stop();
    dir.remove();
  }
}
