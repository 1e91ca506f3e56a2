import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoData } from '../db/seed';
import { startAppCore, type AppCore, type AppCoreOptions } from '../src-main/app-core';
import { appPaths } from '../src-main/app-paths';
import { loadConfig, type AppConfig } from '../src-main/config/app-config';
import { startWebHost } from '../src-main/hosts/web/web-host';
import { createRootLogger, moduleLogger, type Logger } from '../src-main/logger';
import { loadMailConfig, type ServerConfig } from '../src-server/config';
import { createEnrollmentCode } from '../src-server/devices/admin';
import { startServer, type RunningServer, type StartServerOptions } from '../src-server/index';

import { embeddedServerPortTaken, isPortInUse } from './port-in-use';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The embedded central server, restartable on the same port (devices keep its address). */
export interface EmbeddedServer {
  readonly url: string;
  /** The running instance; throws while stopped. */
  running(): RunningServer;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface Stack {
  readonly config: AppConfig;
  /**
   * Open this: the web host's address with a one-time launch code in the fragment. Each read
   * is a new code, so every page a test opens gets its own.
   */
  readonly appUrl: string;
  readonly origin: string;
  readonly token: string;
  /** Null when the device uses an external central server (VENTANILLA_SERVER_URL). */
  readonly server: EmbeddedServer | null;
  /** The device's core; a new object after `restartDevice()`. */
  readonly core: AppCore;
  /**
   * Stops the device's core and starts it again on the same data dir, behind the same web host
   * (same address and launch token): the laptop closed and opened again. Staff sessions do not
   * survive it, as in the real app. The central server keeps running.
   */
  restartDevice(): Promise<void>;
  stop(): Promise<void>;
}

/** Options of `startStackFromConfig` beyond the embedded server's. */
export interface StackHooks {
  /**
   * The address the device uses for the embedded central server, given that server's real one
   * (tests put a loopback proxy in between to cut the network). Absent: the real address.
   * Ignored with an external server (VENTANILLA_SERVER_URL).
   */
  readonly deviceServerUrl?: (serverUrl: string) => Promise<string>;
  /** The device's hello and sync timers; the app's own when absent (tests shorten them). */
  readonly deviceTimers?: DeviceTimers;
}

/** The device core's timers a test may shorten (`AppCoreOptions`). */
export type DeviceTimers = Pick<AppCoreOptions, 'helloIntervalMs' | 'sync' | 'report' | 'printerStatusTtlMs'>;

/**
 * `npm start` as a function: the embedded central server (with demo data on first run), the
 * device's core enrolled with it, and the web host. The browser tests start exactly this.
 */
export async function startStackFromConfig(
  config: AppConfig,
  log: Logger,
  serverOptions: StartServerOptions = {},
  hooks: StackHooks = {},
): Promise<Stack> {
  const server = config.serverUrl === null ? await startEmbeddedServer(config, log, serverOptions) : null;
  let core: AppCore | null = null;
  try {
    const deviceUrl = server !== null && hooks.deviceServerUrl ? await hooks.deviceServerUrl(server.url) : undefined;
    core = await startEnrolledCore(config, server, log, deviceUrl, hooks.deviceTimers);
    // The host calls whichever core is running, so `restartDevice` keeps its address and token.
    let running: AppCore = core;
    const host = await startWebHost({
      port: config.port,
      rendererDir: appPaths(repoRoot).renderer,
      dispatch: (op, input) => running.dispatch(op, input),
      log: moduleLogger(log, 'web-host'),
      launchPage: webLaunchPage(config),
    });
    return {
      config,
      get appUrl() {
        return host.launchUrl();
      },
      origin: host.origin,
      token: host.token,
      server,
      get core() {
        return running;
      },
      async restartDevice() {
        await running.stop();
        running = await startEnrolledCore(config, server, log, deviceUrl, hooks.deviceTimers);
      },
      async stop() {
        await host.stop();
        await running.stop();
        await server?.stop();
      },
    };
  } catch (error) {
    await core?.stop();
    await server?.stop();
    throw error;
  }
}

/** The web host's launch page, what a kiosk's browser is started on (README, launch-page.ts). */
export function webLaunchPage(config: AppConfig): string {
  return path.join(config.dataDir, 'web-launch.html');
}

/**
 * The device's core, talking to the embedded server (enrolling itself on first start, the way
 * an installer would with a code) or to the external one in the config.
 */
export async function startEnrolledCore(
  config: AppConfig,
  server: EmbeddedServer | null,
  log: Logger,
  /** The address the device uses for the embedded server, when not its real one (a test's proxy). */
  deviceServerUrl?: string,
  /** See `StackHooks.deviceTimers`. */
  timers: DeviceTimers = {},
): Promise<AppCore> {
  const serverUrl = (server === null ? null : (deviceServerUrl ?? server.url)) ?? config.serverUrl ?? '';
  const core = startAppCore({ ...timers, config, paths: appPaths(repoRoot), serverUrl, log });
  try {
    // With a configured code the core enrolls itself; doing it here too would race it.
    if (server !== null && config.enrollmentCode === null && core.meta.get('deviceId') === null) {
      await enrollLocalDevice(server.running(), core, config, log);
    }
  } catch (error) {
    await core.stop();
    throw error;
  }
  return core;
}

/** For tests: a stack in its own data dir, with an optional config file and demo size. */
export async function startStack(options: {
  dataDir: string;
  port?: number;
  config?: Record<string, unknown>;
  demoSubscribers?: number;
  logLevel?: string;
  /** For the embedded server (e.g. a known captcha text for the browser tests). */
  serverOptions?: StartServerOptions;
  /** See `StackHooks.deviceServerUrl`. */
  deviceServerUrl?: (serverUrl: string) => Promise<string>;
  /** See `StackHooks.deviceTimers`. */
  deviceTimers?: DeviceTimers;
}): Promise<Stack> {
  mkdirSync(options.dataDir, { recursive: true });
  const file: Record<string, unknown> = { ...options.config };
  file.server = {
    embeddedPort: 0,
    demoSubscribers: options.demoSubscribers ?? 50,
    ...(file.server as object | undefined),
  };
  writeFileSync(path.join(options.dataDir, 'ventanilla.json'), JSON.stringify(file, null, 2));
  const config = loadConfig(
    {
      VENTANILLA_DATA_DIR: options.dataDir,
      VENTANILLA_PORT: String(options.port ?? 0),
      LOG_LEVEL: options.logLevel ?? 'warn',
    },
    { dataDir: options.dataDir, version: '0.0.0-test' },
  );
  return startStackFromConfig(config, createRootLogger(config.logLevel), options.serverOptions, {
    ...(options.deviceServerUrl ? { deviceServerUrl: options.deviceServerUrl } : {}),
    ...(options.deviceTimers ? { deviceTimers: options.deviceTimers } : {}),
  });
}

export async function startEmbeddedServer(
  config: AppConfig,
  log: Logger,
  serverOptions: StartServerOptions = {},
): Promise<EmbeddedServer> {
  const serverConfig: ServerConfig = {
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    host: '127.0.0.1',
    port: config.server.embeddedPort,
    logLevel: config.logLevel,
    // Codes for the local device are exchanged at once; admins' codes use `npm run server`.
    enrollmentCodeTtlHours: 24,
    // Without SMTP_URL (the usual `npm start`), mail stays in the server's /mailbox page: this
    // server is a demo, and the page opens with the token in `running().mailboxUrl`.
    ...loadMailConfig(process.env),
    demoMailbox: true,
  };
  let running: RunningServer | null = await startServer(serverConfig, serverOptions).catch(async (error: unknown) => {
    throw isPortInUse(error) ? await embeddedServerPortTaken(serverConfig.port) : error;
  });
  try {
    await seedOnFirstRun(running, config.server.demoSubscribers, moduleLogger(log, 'demo-data'));
  } catch (error) {
    // Never leave the port, the PGlite lock and the admin file behind a failed start.
    await running.stop();
    throw error;
  }
  // Restarts reuse the port first given, so the device's saved address stays right.
  const port = running.port;
  const url = running.url;
  return {
    url,
    running: () => {
      if (running === null) throw new Error('the embedded server is stopped');
      return running;
    },
    async stop() {
      const current = running;
      running = null;
      await current?.stop();
    },
    async start() {
      running ??= await startServer({ ...serverConfig, port }, serverOptions);
    },
  };
}

/**
 * Demo data only ever go into the embedded PGlite: a PostgreSQL given with DATABASE_URL may
 * be a real entity's database, where fake subscribers and public demo passwords do not belong.
 * The entity setting is written last, so its absence beside subscribers means a first load
 * was interrupted.
 */
async function seedOnFirstRun(server: RunningServer, subscribers: number, log: Logger): Promise<void> {
  if (server.database.kind !== 'pglite' || subscribers === 0) return;
  const { rows } = await server.database.exec.query<{ seeded: boolean; complete: boolean }>(
    "select exists (select 1 from subscribers) as seeded, exists (select 1 from settings where key = 'entity') as complete",
  );
  const state = rows[0];
  if (state?.complete === true) return;
  if (state?.seeded === true) {
    log.warn(
      'La primera carga de los datos de demostración se interrumpió: borre la carpeta server/ de los datos para cargarlos de nuevo',
    );
    return;
  }
  const started = Date.now();
  log.info({ subscribers }, 'Cargando los datos de demostración (solo la primera vez)…');
  // A first start takes several seconds: the person at the terminal sees it move.
  let shown = 0;
  await seedDemoData(server.database.exec, {
    subscribers,
    months: 12,
    seed: 1,
    // The chamber's registry, in proportion: 50,000 entries beside the default 2,000 subscribers.
    matriculas: Math.min(50_000, subscribers * 25),
    // Support tickets, in proportion: 10,000 over two years beside the default 2,000 subscribers.
    tickets: Math.min(100_000, subscribers * 5),
    onProgress: ({ subscribersDone, subscribersTotal }) => {
      const percent = Math.floor((subscribersDone / subscribersTotal) * 100);
      if (percent < shown + 25 || percent >= 100) return;
      shown = percent - (percent % 25);
      log.info(
        `Datos de demostración: ${shown} % (${subscribersDone.toLocaleString('es-CO')} de ${subscribersTotal.toLocaleString('es-CO')} suscriptores)`,
      );
    },
  });
  log.info(
    { ms: Date.now() - started },
    `Datos de demostración cargados: ${subscribers.toLocaleString('es-CO')} suscriptores con un año de facturas`,
  );
}

/** The embedded server is ours, so the device enrolls itself the way an installer would. */
async function enrollLocalDevice(server: RunningServer, core: AppCore, config: AppConfig, log: Logger): Promise<void> {
  const mode = config.device.mode ?? 'kiosk';
  // A field laptop gets the first route of the demo data (deterministic: the seed is fixed),
  // assigned at enrollment, so it shows a route sheet (docs/field-routes.md).
  const route = mode === 'field' ? await firstDemoRoute(server) : null;
  const { code } = await createEnrollmentCode(server.database, {
    deviceName: config.device.name,
    mode,
    office: 'Sede de demostración',
    ...(route === null ? {} : { scope: route }),
  });
  const result = await core.dispatch('device.enroll', { code });
  if (!result.ok)
    throw new Error(`No se pudo inscribir este dispositivo en el servidor central: ${result.error.message}`);
  moduleLogger(log, 'enrollment').info(
    route === null
      ? 'Este equipo quedó inscrito en el servidor central integrado'
      : `Este equipo quedó inscrito en el servidor central integrado, con la ruta ${route}`,
  );
}

/** The route (`NN-NNN`) of the lowest código de ruta of the demo subscribers; null without any. */
async function firstDemoRoute(server: RunningServer): Promise<string | null> {
  const { rows } = await server.database.exec.query<{ route: string | null }>(
    'SELECT left(min(codigo_ruta), 6) AS route FROM subscribers',
  );
  return rows[0]?.route ?? null;
}
