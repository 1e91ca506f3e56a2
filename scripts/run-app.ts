import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type AppConfig } from '../src-main/config/app-config';
import { deviceLogsDir } from '../src-main/diagnostics/log-files';
import { createDeviceLogger, createRootLogger, type Logger } from '../src-main/logger';
import { prettyLogs, terminalLogStream } from '../src-node/terminal-log';
import { createServerLogger } from '../src-server/logger';
import { StoreError } from '../src-main/store/store-error';
import { buildElectronBundles } from './build-electron';
import { fetchElectronOnce } from './electron-binary';
import { electronToUse } from './electron-choice';
import { ensureElectronNative } from './electron-native';
import {
  repoRoot,
  startEmbeddedServer,
  startEnrolledCore,
  startStackFromConfig,
  webLaunchPage,
  type EmbeddedServer,
} from './stack';

/**
 * `npm start`: the embedded central server with demo data, and the app — in Electron when its
 * binary is there (or can be fetched), otherwise in the web host, printing the URL to open.
 * `npm start -- --web` always uses the web host. scripts/start.mjs builds this into one bundle
 * (and the interface, when stale) and calls runApp().
 */
export async function runApp(): Promise<void> {
  try {
    await main();
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof StoreError;
    console.error(`\nVentanilla no pudo iniciar: ${error instanceof Error ? error.message : String(error)}`);
    if (!known) console.error(error);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string })
    .version;
  const config = loadConfig(process.env, { dataDir: path.join(repoRoot, '.data'), version });
  // Readable Spanish lines on a terminal, JSON lines for log tools (VENTANILLA_LOG_FORMAT).
  const destination = prettyLogs(config.logFormat, process.stdout.isTTY === true) ? terminalLogStream() : undefined;
  const serverLogger = createServerLogger(config.logLevel, destination);
  const electron = process.argv.includes('--web') ? null : await findElectron(config);
  if (electron !== null) {
    // The Electron process writes the device's log files itself (src-main/electron/main.ts).
    await runElectron(electron, config, createRootLogger(config.logLevel, destination), serverLogger);
    return;
  }
  // The web host is the device: its lines also go to the rotated files «Enviar diagnóstico» reads.
  const files = createDeviceLogger(
    config.logLevel,
    { dir: deviceLogsDir(config.dataDir), ...config.logs },
    destination,
  );
  try {
    await runWebHost(config, files.log, serverLogger);
  } finally {
    await files.close();
  }
}

async function findElectron(config: AppConfig): Promise<string | null> {
  const binary = await electronToUse(repoRoot, config.dataDir, {
    fetch: fetchElectronOnce,
    say: (line) => console.log(line),
  });
  if (binary === null) return null;
  try {
    await ensureElectronNative(repoRoot);
    return binary;
  } catch (error) {
    console.log(
      `No se pudo preparar SQLite para Electron (${error instanceof Error ? error.message : String(error)}): se usa el anfitrión web.`,
    );
    return null;
  }
}

async function runWebHost(config: AppConfig, log: Logger, serverLogger: Logger): Promise<void> {
  const stack = await startStackFromConfig(config, log, { logger: serverLogger });
  const where =
    stack.server === null
      ? `servidor central externo ${config.serverUrl ?? ''}`
      : `servidor central integrado ${stack.server.url}`;
  console.log(
    [
      '',
      'Ventanilla está lista.',
      '  Abra esta dirección en Chromium (sirve una sola vez; recargar la pestaña sigue funcionando):',
      '',
      `    ${stack.appUrl}`,
      '',
      '  Para un kiosco, abra Chromium en la página de arranque, que siempre lleva a una dirección nueva:',
      `    chromium --kiosk --enable-speech-dispatcher "${pathToFileURL(webLaunchPage(config)).href}"`,
      '',
      `  Datos en ${config.dataDir}; ${where}.`,
      ...mailboxLines(stack.server),
      '  Ctrl+C para detener.',
      '',
    ].join('\n'),
  );
  await untilSignal();
  console.log('Deteniendo Ventanilla…');
  await stack.stop();
}

async function runElectron(binary: string, config: AppConfig, log: Logger, serverLogger: Logger): Promise<void> {
  // Enroll the device here, then hand its store to the Electron process, which opens it itself.
  await buildElectronBundles(repoRoot);
  const server = config.serverUrl === null ? await startEmbeddedServer(config, log, { logger: serverLogger }) : null;
  await (await startEnrolledCore(config, server, log)).stop();
  const child = spawn(binary, [repoRoot], {
    stdio: 'inherit',
    env: {
      ...process.env,
      VENTANILLA_DATA_DIR: config.dataDir,
      VENTANILLA_SERVER_URL: server?.url ?? config.serverUrl ?? '',
    },
  });
  // Ctrl+C reaches Electron too (same process group); forward TERM and wait for it to quit,
  // so the embedded server stops cleanly afterwards.
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  const code = await new Promise<number>((resolve) => {
    child.on('error', (error) => {
      console.error(`No se pudo abrir Electron: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  await server?.stop();
  process.exitCode = code;
}

/**
 * Where the demo's mail can be read, when it stays in the embedded server's local mailbox, and
 * where the staff console opens (docs/staff-console.md; the demo staff in db/seed/README.md).
 */
function mailboxLines(server: EmbeddedServer | null): string[] {
  if (server === null) return [];
  const running = server.running();
  const consoleLine = [`  Consola del personal (prepagos, liquidaciones, archivos del banco): ${running.url}/consola`];
  const url = running.mailboxUrl;
  return url === null
    ? consoleLine
    : [...consoleLine, `  Correo de la demostración (buzón local, solo desde este equipo): ${url}`];
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
