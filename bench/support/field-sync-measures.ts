import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seedDemoData } from '../../db/seed';
import type { AppCore } from '../../src-main/app-core';
import type { SyncOptions } from '../../src-main/sync/sync-service';
import { changeRoutesViaServer } from '../../src-server/admin/admin-client';
import { readLocalAdminFile } from '../../src-server/admin/local-admin-file';
import { DEFAULT_MAIL_FROM } from '../../src-server/config';
import { openServerDatabase } from '../../src-server/db/open';
import { createEnrollmentCode } from '../../src-server/devices/admin';
import { startServer } from '../../src-server/index';
import { createServerLogger } from '../../src-server/logger';
import { spawnChild, type Child } from '../../tests/support/child-spawn';
import { freePort } from '../../tests/support/free-port';
import { openTestStore } from '../../tests/support/replica-store';
import { startTestCore, testConfig, unreachableServer } from '../../tests/support/test-app';
import type { Metrics } from '../suite';
import { outsidePlan, planRoute, type RoutePlan } from './field-route-plan';
import { rawPushApplySeconds } from './raw-push-apply';
import { rawRowCopy } from './raw-row-copy';
import { waitFor } from './wait-for';

export interface FieldSyncSizes {
  /** Subscribers the central server holds: the whole city, of which the laptop's route is a part. */
  readonly city: number;
  /** Subscribers of the laptop's route (within ten: see field-route-plan.ts). */
  readonly route: number;
  /** Payments the laptop takes offline and sends on its return. */
  readonly payments: number;
}

/** The product's sync timers (a 25 s long poll, 15 s idle checks): nothing shortened. */
const productSync: SyncOptions = {};
const staff = { username: 'cajero1', password: '482615' };

/**
 * `field.route_download_s` and `field.return_sync_s` against a real central server (PGlite, in a
 * process of its own as in the `sync` suite) and a field laptop's real app core with the
 * product's sync service. See bench/suites/field.ts for what each figure covers.
 */
export async function measureFieldSync(
  dir: string,
  sizes: FieldSyncSizes,
  log: (line: string) => void,
): Promise<Metrics> {
  const serverDir = path.join(dir, 'server');
  const laptopDir = path.join(dir, 'laptop');
  const cores: AppCore[] = [];
  let child: Child | null = null;
  try {
    log(`servidor PGlite con ${sizes.city.toLocaleString('es-CO')} suscriptores y 12 meses de facturas…`);
    const prepared = await prepareServer(serverDir, sizes);
    log(
      `  ruta de ${prepared.plan.subscribers.toLocaleString('es-CO')} suscriptores (${describeRoutes(prepared.plan.routes)}), ` +
        `${prepared.plan.bills.toLocaleString('es-CO')} facturas`,
    );
    child = spawnChild('server-process', [serverDir, 'pglite', String(await freePort())]);
    const { url } = JSON.parse(await child.firstLine) as { url: string };
    const admin = await readLocalAdminFile(serverDir);
    if (admin === null) throw new Error('el servidor no dejó su archivo de administración local');

    // 1. Enrolled with no route (entity-wide rows only), then the supervisor assigns the route.
    mkdirSync(laptopDir, { recursive: true });
    writeFileSync(path.join(laptopDir, 'ventanilla.json'), JSON.stringify({ device: { mode: 'field' } }));
    const laptop = startTestCore(testConfig(laptopDir), url, productSync);
    cores.push(laptop);
    const enrolled = await laptop.dispatch('device.enroll', { code: prepared.code });
    if (!enrolled.ok) throw new Error(enrolled.error.message);
    await waitFor('la inscripción al día', () => laptop.meta.get('caughtUpAt') !== null, 120_000);
    const deviceId = laptop.meta.get('deviceId') ?? '';
    const held = JSON.stringify(prepared.plan.routes);
    log('descarga de la ruta…');
    const downloadStarted = performance.now();
    await changeRoutesViaServer(admin, 'assign', { device: deviceId, routes: [...prepared.plan.routes] });
    await waitFor(
      'la descarga de la ruta',
      () => laptop.meta.get('replicaRoutes') === held && laptop.meta.get('caughtUpAt') !== null,
      1_800_000,
    );
    const downloadSeconds = (performance.now() - downloadStarted) / 1000;
    expectRoute(laptop, prepared.plan);

    const raw = openTestStore(path.join(dir, 'raw'));
    const copy = rawRowCopy(laptop.store, raw);
    raw.close();
    log(`  ${copy.rows.toLocaleString('es-CO')} filas en ${downloadSeconds.toFixed(1)} s`);
    await stopCore(cores, laptop);

    // 2. Offline for the day: the same laptop, no server, «Cobrar» again and again.
    log(`${sizes.payments.toLocaleString('es-CO')} cobros sin conexión…`);
    const away = startTestCore(testConfig(laptopDir), unreachableServer, productSync);
    cores.push(away);
    await collectOffline(away, sizes.payments);
    await stopCore(cores, away);

    // 3. Back in range: from the app's start until the outbox is empty.
    log('regreso: envío de los pagos…');
    const returnStarted = performance.now();
    const back = startTestCore(testConfig(laptopDir), url, productSync);
    cores.push(back);
    const pending = back.store.sqlite.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck();
    await waitFor('el envío de los pagos', () => pending.get() === 0, 600_000);
    const returnSeconds = (performance.now() - returnStarted) / 1000;
    const parked = back.store.sqlite.prepare("SELECT count(*) FROM outbox WHERE state <> 'sent'").pluck().get();
    if (parked !== 0) throw new Error(`${String(parked)} eventos del portátil no se enviaron (apartados)`);
    await stopCore(cores, back);
    await child.stop();
    child = null;
    await expectServerPayments(serverDir, deviceId, sizes.payments);

    return {
      'field.route_subscribers': prepared.plan.subscribers,
      'field.route_rows': copy.rows,
      'field.route_download_s': round(downloadSeconds),
      'field.raw_route_insert_s': round(copy.seconds),
      'field.return_payments': sizes.payments,
      'field.return_sync_s': round(returnSeconds),
      'field.raw_push_apply_s': round(prepared.rawApplySeconds),
    };
  } finally {
    for (const core of cores.reverse()) await core.stop();
    await child?.stop();
  }
}

/**
 * The city seeded in this process, the route planned, the laptop's enrollment code made and the
 * raw push measured (payments of bills outside the route), before the server's own process
 * opens the database (PGlite: one process at a time).
 */
async function prepareServer(
  serverDir: string,
  sizes: FieldSyncSizes,
): Promise<{ plan: RoutePlan; code: string; rawApplySeconds: number }> {
  const seeding = await startServer(
    {
      dataDir: serverDir,
      databaseUrl: null,
      host: '127.0.0.1',
      port: 0,
      logLevel: 'silent',
      enrollmentCodeTtlHours: 24,
      smtpUrl: null,
      mailFrom: DEFAULT_MAIL_FROM,
    },
    { logger: createServerLogger('silent') },
  );
  try {
    await seedDemoData(seeding.database.exec, { subscribers: sizes.city, months: 12 });
    const plan = await planRoute(seeding.database.exec, sizes.route);
    const { code } = await createEnrollmentCode(seeding.database, { deviceName: 'Portátil ruta 3', mode: 'field' });
    const outside = outsidePlan(plan, 2);
    const rawApplySeconds = await rawPushApplySeconds(seeding.database, sizes.payments, outside);
    return { plan, code, rawApplySeconds };
  } finally {
    await seeding.stop();
  }
}

/** The laptop holds the route's subscribers, bills and payments, no fewer and no more. */
function expectRoute(laptop: AppCore, plan: RoutePlan): void {
  const count = (table: string) => laptop.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  const held = { subscribers: count('subscribers'), bills: count('bills'), payments: count('payments') };
  const expected = { subscribers: plan.subscribers, bills: plan.bills, payments: plan.payments };
  if (JSON.stringify(held) !== JSON.stringify(expected))
    throw new Error(`el portátil tiene ${JSON.stringify(held)}, la ruta ${JSON.stringify(expected)}`);
}

/** Signs in, opens the day and takes `payments` owed bills in cash through `field.collect`. */
async function collectOffline(core: AppCore, payments: number): Promise<void> {
  const signed = await core.dispatch('field.signIn', staff);
  if (!signed.ok) throw new Error(signed.error.message);
  const { staffSession } = signed.value as { staffSession: string };
  const opened = await core.dispatch('field.openDay', { staffSession });
  if (!opened.ok) throw new Error(opened.error.message);
  const bills = core.store.sqlite
    .prepare(
      `SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, total FROM bills
       WHERE state IN ('pendiente', 'vencida') ORDER BY bill_number LIMIT ?`,
    )
    .all(payments) as { billNumber: number; codigoInterno: number; total: number }[];
  if (bills.length < payments) throw new Error(`la ruta solo tiene ${bills.length} facturas por cobrar`);
  for (const bill of bills) {
    const taken = await core.dispatch('field.collect', {
      staffSession,
      codigoInterno: bill.codigoInterno,
      billNumber: bill.billNumber,
      amount: bill.total,
      tender: { kind: 'cash', received: bill.total + 1_000 },
      notPaidElsewhere: true,
    });
    if (!taken.ok) throw new Error(`${taken.error.code}: ${taken.error.message}`);
  }
}

/** The server's own count, read after its process stopped: a return that lost a payment fails. */
async function expectServerPayments(serverDir: string, deviceId: string, payments: number): Promise<void> {
  const database = await openServerDatabase(
    { dataDir: serverDir, databaseUrl: null },
    { logger: createServerLogger('silent') },
  );
  try {
    const { rows } = await database.exec.query<{ campo: number; rejected: number }>(
      `SELECT (SELECT count(*)::int FROM payments WHERE device_id = $1 AND channel = 'campo') AS campo,
              (SELECT count(*)::int FROM rejected_events WHERE device_id = $1) AS rejected`,
      [deviceId],
    );
    const found = rows[0] ?? { campo: 0, rejected: 0 };
    if (found.campo !== payments || found.rejected !== 0)
      throw new Error(
        `el servidor tiene ${found.campo} pagos de campo del portátil (se esperaban ${payments}) y ${found.rejected} rechazados`,
      );
  } finally {
    await database.close();
  }
}

async function stopCore(cores: AppCore[], core: AppCore): Promise<void> {
  cores.splice(cores.indexOf(core), 1);
  await core.stop();
}

/** `01, 04, 07 y 12 rutas del ciclo 03`: the ciclos, and how many single routes of which ciclos. */
function describeRoutes(routes: readonly string[]): string {
  const whole = routes.filter((route) => route.length === 2);
  const single = routes.filter((route) => route.length > 2);
  const of = [...new Set(single.map((route) => route.slice(0, 2)))].join(', ');
  return [...whole, ...(single.length > 0 ? [`${single.length} rutas de ${of}`] : [])].join(', ');
}

const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;
