import type { FastifyInstance } from 'fastify';
import { defaultServerMigrationsDir, readMigrationFiles, type MigrationFile } from '../../db/migration-files';
import type { ServerDatabase } from '../../db/open';
import type { Logger } from '../../logger';
import type { HealthBody } from '../wire';
import { withTimeout } from '../../metrics/with-timeout';

/** /ready answers within this even when the database hangs (a balancer's check has its own timeout). */
const READY_TIMEOUT_MS = 3_000;

/** What keeps an instance out of rotation. */
export type NotReadyProblem = 'database-unreachable' | 'migrations-pending' | 'migrations-mismatch';

export interface ReadyBody {
  readonly status: 'ready' | 'not-ready';
  readonly database: ServerDatabase['kind'];
  readonly time: string;
  /** This build's migrations and the database's (server_migrations, written by db/migrate.ts). */
  readonly migrations?: { readonly expected: number; readonly applied: number };
  readonly problem?: NotReadyProblem;
  /** For the operator reading the balancer's log, in Spanish. */
  readonly message?: string;
  /** Tags this build ships that the database lacks, or that differ from it (unknown or edited). */
  readonly pending?: readonly string[];
  readonly mismatched?: readonly string[];
}

interface LedgerRow extends Record<string, unknown> {
  idx: number;
  tag: string;
  sha256: string;
}

/**
 * `/health` is liveness: 200 while the process answers, without touching the database, so a
 * database outage never makes an orchestrator restart healthy processes (its body is what
 * scripts/port-in-use.ts and the start-up smoke check recognise a central server by).
 * `/ready` is for the balancer: 200 only when the database answers and holds exactly the
 * migrations this build ships; otherwise 503 naming what is wrong, and the instance is taken
 * out of rotation instead of failing requests.
 */
export function healthRoutes(
  app: FastifyInstance,
  database: ServerDatabase,
  log: Logger,
  opts: { migrationsDir?: string } = {},
): void {
  app.get('/health', async () => {
    return { status: 'ok', database: database.kind, time: new Date().toISOString() } satisfies HealthBody;
  });

  // The files do not change while the process runs: read once, on the first check.
  let shipped: Promise<MigrationFile[]> | undefined;
  app.get('/ready', async (_request, reply) => {
    const base = { database: database.kind, time: new Date().toISOString() };
    shipped ??= readMigrationFiles(opts.migrationsDir ?? defaultServerMigrationsDir);
    const files = await shipped;
    let rows: LedgerRow[];
    try {
      rows = await withTimeout(
        database.exec
          .query<LedgerRow>('select idx, tag, sha256 from server_migrations order by idx')
          .then((result) => result.rows),
        READY_TIMEOUT_MS,
      );
    } catch (error) {
      log.error({ err: error }, 'La base de datos no responde a /ready');
      return reply.code(503).send({
        status: 'not-ready',
        ...base,
        problem: 'database-unreachable',
        message: 'La base de datos del servidor central no responde.',
      } satisfies ReadyBody);
    }
    const migrations = { expected: files.length, applied: rows.length };
    const mismatched = rows
      .filter((row) => {
        const file = files[row.idx];
        return file === undefined || file.tag !== row.tag || file.sha256 !== row.sha256;
      })
      .map((row) => row.tag);
    if (mismatched.length > 0) {
      log.error({ mismatched }, '/ready: la base de datos tiene migraciones que esta versión no trae');
      return reply.code(503).send({
        status: 'not-ready',
        ...base,
        migrations,
        problem: 'migrations-mismatch',
        message: 'La base de datos tiene migraciones desconocidas o distintas de las de esta versión.',
        mismatched,
      } satisfies ReadyBody);
    }
    const applied = new Set(rows.map((row) => row.idx));
    const pending = files.filter((file) => !applied.has(file.idx)).map((file) => file.tag);
    if (pending.length > 0) {
      log.warn({ pending }, '/ready: faltan migraciones en la base de datos');
      return reply.code(503).send({
        status: 'not-ready',
        ...base,
        migrations,
        problem: 'migrations-pending',
        message: `Faltan ${pending.length} migraciones por aplicar en la base de datos.`,
        pending,
      } satisfies ReadyBody);
    }
    return { status: 'ready', ...base, migrations } satisfies ReadyBody;
  });
}
