import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A throw-away database on the PostgreSQL server `serverUrl` points at, so tests and benchmarks
 * never write into the database they were given. Needs the CREATEDB privilege.
 */
export interface ScratchDatabase {
  readonly name: string;
  readonly url: string;
  /** Drops it; safe to call more than once. */
  drop(): Promise<void>;
}

export async function createScratchDatabase(
  serverUrl: string,
  prefix: string,
  opts: { template?: string } = {},
): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(6).toString('hex')}`;
  const template = opts.template === undefined ? '' : ` TEMPLATE "${opts.template}"`;
  try {
    await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"${template}`));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`No se pudo crear una base de datos temporal en el PostgreSQL dado (¿falta CREATEDB?): ${reason}`);
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE: a run that failed half-way may have left a pool open. Without pg_signal_backend
      // FORCE cannot end an autovacuum worker that happens to be in it; a plain DROP asks that
      // worker to stop, so that is the fallback.
      try {
        await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 500));
        await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}"`));
      }
    },
  };
}

/** One connection to `url` for `fn`, always closed. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
