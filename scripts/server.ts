import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadServerConfig } from '../src-server/config';
import { startServer, type RunningServer } from '../src-server/index';
import { loadServerTransport } from '../src-server/transport';

/**
 * `npm run server`: the central server on its own (PGlite under the data dir, or PostgreSQL
 * with DATABASE_URL), until SIGINT/SIGTERM.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const config = {
    ...loadServerConfig(process.env, { dataDir: path.join(repoRoot, '.data') }),
    transport: loadServerTransport(process.env),
  };
  const server = await startServer(config);
  console.log(`Servidor central de Ventanilla escuchando en ${server.url} (base de datos: ${server.database.kind}).`);
  if (config.transport.trustedProxies !== null)
    console.log(
      `Detrás del proxy TLS ${config.transport.trustedProxies.join(', ')}: los dispositivos usan la dirección https:// del proxy.`,
    );
  if (server.database.kind === 'pglite') console.log(`Datos en ${path.join(config.dataDir, 'server')}.`);
  console.log('Ctrl+C para detenerlo.');
  stopOnSignals(server);
}

/** How long in-flight requests get before the process exits anyway. */
const STOP_DEADLINE_MS = 15_000;

function stopOnSignals(server: RunningServer): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // Ctrl+C reaches both tsx and this process, so one keypress can arrive twice: repeats are
    // ignored and the deadline below guarantees the exit.
    if (stopping) return;
    stopping = true;
    console.log(`${signal} recibido: deteniendo el servidor central…`);
    setTimeout(() => {
      console.error(`El servidor no se detuvo en ${STOP_DEADLINE_MS / 1000} s; se fuerza la salida.`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    server.stop().then(
      () => {
        console.log('Servidor central detenido.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`No se pudo detener limpiamente: ${describe(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  // Start-up errors (config, database, migrations) carry a Spanish message meant for a person.
  console.error(`No se pudo iniciar el servidor central: ${describe(error)}`);
  if (error instanceof Error && error.cause !== undefined) console.error(`Causa: ${describe(error.cause)}`);
  process.exit(1);
});
