import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { DeviceReport } from '../../src-shared/server-api/device-report';
import { DEFAULT_MAIL_FROM } from '../../src-server/config';
import { clientExecutor } from '../../src-server/db/transaction';
import type { SqlExecutor } from '../../src-server/db/sql-executor';
import { listFleet } from '../../src-server/console/fleet-queries';
import { DeviceReports } from '../../src-server/devices/device-report';
import { sha256Hex } from '../../src-server/devices/secrets';
import { startServer } from '../../src-server/index';
import { createServerLogger } from '../../src-server/logger';
import { spawnChild } from '../../tests/support/child-spawn';
import { freePort } from '../../tests/support/free-port';
import { createScratchDatabase } from '../../tests/support/scratch-postgres';
import { tempDir } from '../../tests/support/temp-dir';
import { countOption, Latencies } from '../support/latency';
import type { BenchContext, Metrics } from '../suite';

/**
 * `fleet` (issue 18): the heartbeat and the fleet view at --devices (500) devices.
 *
 * - `fleet.heartbeats_per_s`: `POST /v1/device/report` from every device --rounds (10) times,
 *   --concurrency (50) requests in flight, to `npm run server`'s code in a process of its own on
 *   PostgreSQL (each report upserts the latest and appends to the history, as in production).
 *   Beside it, on the same database in the same run: `fleet.raw_report_writes_per_s`, the
 *   handler's own write (DeviceReports: the tokens checked and the reports written, batched) over
 *   a bare pool of the server's size with the same concurrency — no HTTP, no schema — and
 *   `fleet.raw_upserts_per_s`, a bare
 *   upsert of the latest report alone (what the server did before the history), and
 *   `fleet.raw_http_per_s`, the same server process answering `GET /health` (no token, no body,
 *   no database) at the same load: the HTTP ceiling of the machine in this run.
 * - `fleet.server_cpu_ms_per_heartbeat` (and `_pglite`): the server process's CPU time per
 *   report over the same rounds — what the rate would be per core, whatever else loads the machine.
 * - `fleet.heartbeats_per_s_pglite`: the same load on PGlite.
 * - `fleet.view_p99_ms` / `fleet.view_p50_ms`: the fleet page's data (listFleet: devices ⟕
 *   device_reports and the alert rules) at --devices devices on PostgreSQL, 200 reads (target ≤ 100 ms).
 *
 * PostgreSQL from VENTANILLA_BENCH_DATABASE_URL, else VENTANILLA_TEST_DATABASE_URL; a scratch
 * database is made and dropped. The devices are inserted straight into `devices` with their
 * tokens' hashes (enrolling 500 over HTTP measures enrollment, not the heartbeat).
 */
export const name = 'fleet';

const modes = ['kiosk', 'cashier', 'field'] as const;

interface Device {
  readonly id: string;
  readonly token: string;
  readonly mode: DeviceReport['mode'];
}

function reportOf(device: Device, round: number): DeviceReport {
  return {
    appVersion: '1.4.0',
    mode: device.mode,
    madeAt: new Date().toISOString(),
    // A kiosk in ten runs out of paper now and then: the reports are not all identical.
    printer: { state: round % 10 === 3 ? 'paper-end' : 'ready', name: 'Recibos' },
    dispenser: device.mode === 'kiosk' ? { state: 'ready', paperLow: round % 7 === 0 } : null,
    outbox: { pending: round % 4, parked: 0, oldestPendingAt: round % 4 === 0 ? null : new Date().toISOString() },
    clockOffsetSeconds: round % 3,
    freeDiskBytes: 20_000_000_000,
    replicaRowsBehind: 0,
    cashSession: device.mode === 'cashier' ? { cashier: 'cajero1', openedAt: new Date().toISOString() } : null,
    lastCrash: null,
  };
}

/** `count` devices inserted with known tokens, a third of each mode over ten offices. */
async function insertDevices(exec: SqlExecutor, count: number): Promise<Device[]> {
  const devices: Device[] = Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    token: randomBytes(32).toString('base64url'),
    mode: modes[i % 3]!,
  }));
  for (let start = 0; start < devices.length; start += 250) {
    const batch = devices.slice(start, start + 250);
    await exec.query(
      `INSERT INTO devices (id, name, mode, office, token_hash)
       SELECT id, 'Equipo ' || n, mode, 'Sede ' || (n % 10), token_hash
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) AS t(id, mode, token_hash, n)`,
      [
        batch.map((d) => d.id),
        batch.map((d) => d.mode),
        batch.map((d) => sha256Hex(d.token)),
        batch.map((_, k) => start + k),
      ],
    );
  }
  return devices;
}

/** Runs `total` jobs with `concurrency` in flight; the seconds it took. */
async function drive(total: number, concurrency: number, job: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) await job(i);
    }),
  );
  return (performance.now() - started) / 1000;
}

async function heartbeats(url: string, devices: readonly Device[], rounds: number, concurrency: number) {
  const total = devices.length * rounds;
  const seconds = await drive(total, concurrency, async (i) => {
    const device = devices[i % devices.length]!;
    const response = await fetch(`${url}/v1/device/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify(reportOf(device, Math.floor(i / devices.length))),
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`device.report ${response.status}`);
  });
  return total / seconds;
}

/** The central server in a child process (the load generator does not share its event loop). */
async function serverProcess(dataDir: string, database: string) {
  const port = await freePort();
  const child = spawnChild('server-process', [dataDir, database, String(port)]);
  await child.firstLine;
  const pid = child.process.pid;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => child.stop(),
    /** CPU seconds the process has used (Linux /proc; null elsewhere). */
    cpuSeconds: (): number | null => (pid === undefined ? null : processCpuSeconds(pid)),
  };
}

/** utime + stime of /proc/<pid>/stat, in seconds (clock ticks of 1/100 s, as on every Linux here). */
function processCpuSeconds(pid: number): number | null {
  if (!existsSync(`/proc/${pid}/stat`)) return null;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Heartbeats a second and the server's CPU milliseconds per heartbeat over the same rounds. */
async function measured(server: Awaited<ReturnType<typeof serverProcess>>, run: () => Promise<number>) {
  const before = server.cpuSeconds();
  const started = performance.now();
  const perSecond = await run();
  const seconds = (performance.now() - started) / 1000;
  const after = server.cpuSeconds();
  const count = perSecond * seconds;
  return { perSecond, cpuMs: before === null || after === null ? null : ((after - before) * 1000) / count };
}

async function prepared(dataDir: string, databaseUrl: string | null, count: number): Promise<Device[]> {
  const config = {
    dataDir,
    databaseUrl,
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    enrollmentCodeTtlHours: 24,
    smtpUrl: null,
    mailFrom: DEFAULT_MAIL_FROM,
  };
  // Started once in-process to migrate the database and insert the devices, then stopped.
  const server = await startServer(config, { logger: createServerLogger('silent') });
  try {
    return await insertDevices(server.database.exec, count);
  } finally {
    await server.stop();
  }
}

export async function run(ctx: BenchContext): Promise<Metrics> {
  const { values } = parseArgs({
    args: [...ctx.args],
    strict: false,
    options: { devices: { type: 'string' }, rounds: { type: 'string' }, concurrency: { type: 'string' } },
  });
  const count = countOption(values, 'devices', 500);
  const rounds = countOption(values, 'rounds', 10);
  const concurrency = countOption(values, 'concurrency', 50);
  const adminUrl = ctx.env.VENTANILLA_BENCH_DATABASE_URL ?? ctx.env.VENTANILLA_TEST_DATABASE_URL ?? null;
  const metrics: Metrics = { 'fleet.devices': count };
  const dir = tempDir('bench-fleet');
  try {
    ctx.log(`PGlite: ${count} equipos, ${rounds} reportes cada uno…`);
    const pgliteDevices = await prepared(`${dir.path}/pglite`, null, count);
    const pglite = await serverProcess(`${dir.path}/pglite`, 'pglite');
    try {
      await heartbeats(pglite.url, pgliteDevices, 1, concurrency);
      const m = await measured(pglite, () => heartbeats(pglite.url, pgliteDevices, rounds, concurrency));
      metrics['fleet.heartbeats_per_s_pglite'] = Math.round(m.perSecond);
      if (m.cpuMs !== null) metrics['fleet.server_cpu_ms_per_heartbeat_pglite'] = Math.round(m.cpuMs * 1000) / 1000;
    } finally {
      await pglite.stop();
    }

    if (adminUrl === null) {
      ctx.log('Sin PostgreSQL (VENTANILLA_BENCH_DATABASE_URL o VENTANILLA_TEST_DATABASE_URL): solo PGlite.');
      return metrics;
    }
    const db = await createScratchDatabase(adminUrl, 'bench_fleet');
    try {
      ctx.log(`PostgreSQL: ${count} equipos, ${rounds} reportes cada uno…`);
      const devices = await prepared(`${dir.path}/pg`, db.url, count);
      const server = await serverProcess(`${dir.path}/pg`, db.url);
      try {
        // One round first: connections open, the history's first prune of each device done.
        await heartbeats(server.url, devices, 1, concurrency);
        const m = await measured(server, () => heartbeats(server.url, devices, rounds, concurrency));
        metrics['fleet.heartbeats_per_s'] = Math.round(m.perSecond);
        if (m.cpuMs !== null) metrics['fleet.server_cpu_ms_per_heartbeat'] = Math.round(m.cpuMs * 1000) / 1000;
        // The same server's bare HTTP (GET /health: no token, no body, no database) at the same load.
        const total = count * rounds;
        const bare = await drive(total, concurrency, async () => {
          const response = await fetch(`${server.url}/health`);
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`health ${response.status}`);
        });
        metrics['fleet.raw_http_per_s'] = Math.round(total / bare);
      } finally {
        await server.stop();
      }

      const pool = new pg.Pool({ connectionString: db.url, max: 10 });
      try {
        const exec = clientExecutor(pool);
        const log = createServerLogger('silent');
        const reports = new DeviceReports(exec, log);
        const total = count * rounds;
        ctx.log('límite: la escritura del reporte sin HTTP, y el upsert solo…');
        const writes = await drive(total, concurrency, async (i) => {
          const d = devices[i % count]!;
          await reports.record(d.token, reportOf(d, Math.floor(i / count)), new Date());
        });
        metrics['fleet.raw_report_writes_per_s'] = Math.round(total / writes);
        const upserts = await drive(total, concurrency, async (i) => {
          const d = devices[i % count]!;
          await exec.query(
            `INSERT INTO device_reports (device_id, received_at, report) VALUES ($1, $2, $3::jsonb)
             ON CONFLICT (device_id) DO UPDATE SET received_at = EXCLUDED.received_at, report = EXCLUDED.report`,
            [d.id, new Date().toISOString(), JSON.stringify(reportOf(d, Math.floor(i / count)))],
          );
        });
        metrics['fleet.raw_upserts_per_s'] = Math.round(total / upserts);

        ctx.log('la vista de equipos: 200 lecturas…');
        const view = new Latencies();
        for (let i = 0; i < 20; i += 1) await listFleet(exec, new Date());
        for (let i = 0; i < 200; i += 1) {
          const started = performance.now();
          const fleet = await listFleet(exec, new Date());
          view.add(performance.now() - started);
          if (fleet.length !== count) throw new Error(`listFleet: ${fleet.length} equipos, no ${count}`);
        }
        metrics['fleet.view_p50_ms'] = view.percentile(50);
        metrics['fleet.view_p99_ms'] = view.percentile(99);
        const kept = await exec.query<{ n: string }>('SELECT count(*) AS n FROM device_report_history');
        ctx.log(`historial: ${Number(kept.rows[0]?.n ?? 0).toLocaleString('es-CO')} filas`);
      } finally {
        await pool.end();
      }
    } finally {
      await db.drop();
    }
    return metrics;
  } finally {
    dir.remove();
  }
}
