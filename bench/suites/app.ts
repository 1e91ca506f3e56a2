import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { seedDemoData } from '../../db/seed';
import { DEFAULT_MAIL_FROM } from '../../src-server/config';
import { createEnrollmentCode } from '../../src-server/devices/admin';
import { startServer } from '../../src-server/index';
import { createServerLogger } from '../../src-server/logger';
import { freePort } from '../../tests/support/free-port';
import { countOption, Latencies } from '../support/latency';
import type { BenchContext, Metrics } from '../suite';

/**
 * `app`: a kiosk that restarts after a power cut, while citizens wait (issue 12 item 17).
 *
 * - `app.cold_start_ms`: from spawning `npm start -- --web` (plain node, as `npm start` runs it)
 *   on an enrolled device's data dir, against a central server already running, to the start
 *   screen served (the web host answering `/` with the built renderer). Target ≤ 1,500 ms.
 * - `app.bare_static_start_ms`, the raw limit of the same run: a bare Fastify process serving
 *   the same built files, started the same way.
 *
 * Both are the median of --starts N (5) starts, one after the other.
 */
export const name = 'app';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererDir = path.join(repoRoot, 'dist', 'renderer');

export async function run(ctx: BenchContext): Promise<Metrics> {
  const { values } = parseArgs({ args: [...ctx.args], strict: false, options: { starts: { type: 'string' } } });
  const starts = countOption(values, 'starts', 5);
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    ctx.log('construyendo la interfaz…');
    await build({ configFile: path.join(repoRoot, 'vite.renderer.config.ts'), logLevel: 'warn' });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ventanilla-bench-app-'));
  const server = await startServer(
    {
      dataDir: path.join(dir, 'server'),
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
    await seedDemoData(server.database.exec, { subscribers: 2000, months: 12 });
    const deviceDir = path.join(dir, 'device');
    const { code } = await createEnrollmentCode(server.database, { deviceName: 'Kiosco bench', mode: 'kiosk' });
    const env = (port: number, extra: Record<string, string> = {}) => ({
      ...ctx.env,
      VENTANILLA_DATA_DIR: deviceDir,
      VENTANILLA_SERVER_URL: server.url,
      VENTANILLA_PORT: String(port),
      VENTANILLA_LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      ...extra,
    });
    // The first start enrolls the device and downloads its replica; the measured ones restart it.
    ctx.log('primer arranque: inscripción y réplica…');
    await timedStart(
      ['scripts/start.mjs', '--web'],
      env(await freePort(), { VENTANILLA_ENROLLMENT_CODE: code }),
      120_000,
      'sincroniza',
    );
    const app = new Latencies();
    const bare = new Latencies();
    for (let i = 0; i < starts; i += 1) {
      app.add(await timedStart(['scripts/start.mjs', '--web'], env(await freePort()), 60_000));
      const port = await freePort();
      bare.add(
        await timedStart(['bench/support/bare-static-server.mjs', rendererDir, String(port)], env(port), 60_000),
      );
    }
    ctx.log(`arranque en frío: ${app.percentile(50)} ms (Fastify solo: ${bare.percentile(50)} ms)`);
    return { 'app.cold_start_ms': app.percentile(50), 'app.bare_static_start_ms': bare.percentile(50) };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Spawns a process and times it until `GET /` on its port answers 200 with HTML; then stops it.
 * `settle`: wait a little longer for the first start (its replica download) before stopping.
 */
async function timedStart(
  args: readonly string[],
  env: Record<string, string | undefined>,
  timeoutMs: number,
  settle?: string,
): Promise<number> {
  const port = Number(env.VENTANILLA_PORT);
  const started = performance.now();
  const child = spawn(process.execPath, [...args], { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${args[0]} terminó antes de servir la pantalla (código ${child.exitCode})`);
      if (Date.now() > deadline) throw new Error(`${args[0]} no sirvió la pantalla en ${timeoutMs} ms`);
      if (await servesHtml(port)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const elapsed = Math.round(performance.now() - started);
    if (settle !== undefined) await new Promise((resolve) => setTimeout(resolve, 10_000));
    return elapsed;
  } finally {
    await stop(child);
  }
}

async function servesHtml(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    return response.ok && (response.headers.get('content-type') ?? '').includes('text/html');
  } catch {
    return false;
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
