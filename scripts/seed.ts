import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSeedArgs, seedUsage } from '../db/seed/cli-args';
import { SeedOptionsError, seedDemoData, type SeedProgress } from '../db/seed/index';
import { loadServerConfig } from '../src-server/config';
import { migrateServerDatabase } from '../src-server/db/migrate';
import { openServerDatabase } from '../src-server/db/open';
import { createServerLogger } from '../src-server/logger';

/**
 * `npm run seed -- --subscribers N [--months 12] [--seed 1] [--now AAAA-MM-DD] [--append]`:
 * fills the central server's database (PostgreSQL with DATABASE_URL, otherwise PGlite under
 * VENTANILLA_DATA_DIR) with demo data, after applying the migrations.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const numbers = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 0, useGrouping: 'always' });
const progressEveryMs = 2_000;
const demoMatriculas = 50_000;
const demoTickets = 100_000;
const fkWords = {
  database: 'verificadas por la base de datos fila a fila',
  'in-memory': 'verificadas en memoria por lote',
  revalidated: 'revalidadas por la base de datos al reconstruirlas',
} as const;

async function main(): Promise<number> {
  const args = parseSeedArgs(process.argv.slice(2));
  if (args.help) {
    console.log(seedUsage);
    return 0;
  }
  const config = loadServerConfig(process.env, { dataDir: path.join(repoRoot, '.data') });
  const database = await openServerDatabase(config, { logger: createServerLogger('warn') });
  try {
    const where =
      database.kind === 'pglite' ? `PGlite en ${path.join(config.dataDir, 'server')}` : 'PostgreSQL (DATABASE_URL)';
    console.log(`Base de datos: ${where}`);
    await migrateServerDatabase(database.exec);
    console.log(
      `Generando ${numbers.format(args.subscribers)} suscriptores con ${args.months} meses de facturas (semilla ${args.seed})…`,
    );
    let lastPrint = 0;
    const report = await seedDemoData(database.exec, {
      subscribers: args.subscribers,
      months: args.months,
      seed: args.seed,
      append: args.append,
      batchSize: args.batchSize,
      // The chamber of commerce's registry (docs/registry.md): the 50,000 entries.
      matriculas: demoMatriculas,
      // Support tickets over two years (docs/tickets.md): the 100,000.
      tickets: demoTickets,
      ...(args.loadMode ? { loadMode: args.loadMode } : {}),
      ...(args.now ? { now: args.now } : {}),
      onProgress: (p) => {
        if (p.elapsedMs - lastPrint < progressEveryMs && p.subscribersDone < p.subscribersTotal) return;
        lastPrint = p.elapsedMs;
        console.log(progressLine(p));
      },
    });
    const seconds = report.elapsedMs / 1000;
    console.log(
      `Listo en ${seconds.toFixed(1)} s: ${numbers.format(report.subscribers)} suscriptores, ` +
        `${numbers.format(report.bills)} facturas, ${numbers.format(report.payments)} pagos, ` +
        `${report.staffUsers} usuarios de personal nuevos, ${numbers.format(report.matriculas)} matrículas del registro mercantil, ${numbers.format(report.tickets)} tickets de soporte (modo ${report.loadMode}).`,
    );
    console.log(
      `${numbers.format(report.rows / seconds)} filas/s, ${numbers.format(report.subscribers / seconds)} suscriptores/s ` +
        `(llaves foráneas ${fkWords[report.foreignKeyChecks]}).`,
    );
    console.log('Usuarios de demostración: ver db/seed/README.md.');
    return 0;
  } finally {
    await database.close();
  }
}

function progressLine(p: SeedProgress): string {
  const pct = (100 * p.subscribersDone) / p.subscribersTotal;
  const seconds = p.elapsedMs / 1000;
  return (
    `  ${numbers.format(p.subscribersDone)} / ${numbers.format(p.subscribersTotal)} suscriptores ` +
    `(${pct.toFixed(1)} %), ${numbers.format(p.rows)} filas, ${seconds.toFixed(0)} s, ` +
    `${numbers.format(p.rows / Math.max(seconds, 0.001))} filas/s`
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof SeedOptionsError) {
      console.error(message);
      process.exit(2);
    }
    // Refusals, configuration and database errors carry a Spanish message meant for a person.
    console.error(`No se generaron los datos de demostración: ${message}`);
    if (error instanceof Error && error.cause !== undefined) {
      console.error(`Causa: ${error.cause instanceof Error ? error.cause.message : String(error.cause)}`);
    }
    process.exit(1);
  },
);
