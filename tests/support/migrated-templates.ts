import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pgliteDataDir } from '../../src-server/config';
import { migrateServerDatabase } from '../../src-server/db/migrate';
import { defaultServerMigrationsDir, readMigrationFiles } from '../../src-server/db/migration-files';
import { openServerDatabase } from '../../src-server/db/open';
import { createServerLogger } from '../../src-server/logger';
import { PGlite } from '@electric-sql/pglite';
import { withClient } from './scratch-postgres';

/**
 * Databases already at the current migrations, copied for each test instead of migrating an
 * empty one every time (PGlite's initdb alone takes seconds on a busy machine, and 23
 * migrations another half second per test). A copy is the same database the server would have
 * built itself: it still runs its migration check at start-up and finds nothing pending. Tests
 * about migrations ask for an empty database instead (`prepareDatabase(variant, { empty: true })`).
 *
 * Both templates are named by a hash of the migration files and the PGlite version, so a new
 * migration makes a new template and the old one is removed. They outlive the run on purpose
 * (the next run reuses them): the PGlite one under node_modules/.cache, the PostgreSQL one as a
 * database `ventanilla_template_<hash>` on the test server. Built without locks: two workers
 * that race both build, one rename wins, the other's copy is dropped.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cacheRoot = path.join(repoRoot, 'node_modules', '.cache', 'ventanilla-tests');
const PGLITE_PREFIX = 'pglite-migrated-';
const PGLITE_EMPTY_PREFIX = 'pglite-empty-';
const POSTGRES_PREFIX = 'ventanilla_template_';

let key: Promise<string> | undefined;
let pgliteTemplate: Promise<string> | undefined;
let emptyTemplate: Promise<string> | undefined;
const postgresTemplates = new Map<string, Promise<string>>();

/** The hash the templates are named by: every shipped migration and the PGlite build. */
function templateKey(): Promise<string> {
  key ??= (async () => {
    const hash = createHash('sha256');
    for (const file of await readMigrationFiles(defaultServerMigrationsDir))
      hash.update(`${file.tag}:${file.sha256}\n`);
    hash.update(pgliteVersion());
    return hash.digest('hex').slice(0, 16);
  })();
  return key;
}

/** A PGlite data directory at the current migrations; copy it, never open it in place. */
export function migratedPgliteTemplate(): Promise<string> {
  pgliteTemplate ??= (async () =>
    cachedCluster(PGLITE_PREFIX, await templateKey(), async (work) => {
      const database = await openServerDatabase({ dataDir: work, databaseUrl: null }, { logger: silent() });
      try {
        await migrateServerDatabase(database.exec);
      } finally {
        await database.close();
      }
      return pgliteDataDir(work);
    }))();
  return pgliteTemplate;
}

/**
 * A freshly initialised, unmigrated PGlite cluster (initdb only), for tests of the migrations
 * themselves; copy it, never open it in place. Kept like the migrated one, named by the PGlite
 * version: it used to be made per test file in a temp dir removed by a module-level `afterAll`,
 * which a worker that runs several files in one process (isolate: false) registers only for the
 * first file, so the next ones copied a removed folder.
 */
export function emptyPgliteTemplate(): Promise<string> {
  emptyTemplate ??= cachedCluster(PGLITE_EMPTY_PREFIX, pgliteVersion(), async (work) => {
    const db = await PGlite.create(work);
    await db.close();
    return work;
  });
  return emptyTemplate;
}

/**
 * The cluster `<prefix><version>` under the cache, built by `build` in a work dir of its own
 * (which returns the cluster's folder in it) unless it is already there; older versions with the
 * same prefix are removed.
 */
async function cachedCluster(
  prefix: string,
  version: string,
  build: (work: string) => Promise<string>,
): Promise<string> {
  const name = `${prefix}${version}`;
  const finalDir = path.join(cacheRoot, name);
  if (existsSync(path.join(finalDir, 'PG_VERSION'))) return finalDir;
  mkdirSync(cacheRoot, { recursive: true });
  const work = path.join(cacheRoot, `building-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const built = await build(work);
    try {
      renameSync(built, finalDir);
    } catch (error) {
      // Another worker finished first: its copy is as good as ours.
      if (!existsSync(path.join(finalDir, 'PG_VERSION'))) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const entry of readdirSync(cacheRoot)) {
    if (entry.startsWith(prefix) && entry !== name)
      rmSync(path.join(cacheRoot, entry), { recursive: true, force: true });
  }
  return finalDir;
}

function pgliteVersion(): string {
  const pglitePackage = path.join(repoRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  return (JSON.parse(readFileSync(pglitePackage, 'utf8')) as { version: string }).version;
}

/** The name of a database at the current migrations on the PostgreSQL server `adminUrl` points at. */
export function migratedPostgresTemplate(adminUrl: string): Promise<string> {
  let template = postgresTemplates.get(adminUrl);
  if (template === undefined) {
    template = buildPostgresTemplate(adminUrl);
    postgresTemplates.set(adminUrl, template);
  }
  return template;
}

async function buildPostgresTemplate(adminUrl: string): Promise<string> {
  const name = `${POSTGRES_PREFIX}${await templateKey()}`;
  const existing = await withClient(adminUrl, (client) =>
    client.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${POSTGRES_PREFIX}%`]),
  );
  if (existing.rows.some((row) => row.datname === name)) return name;
  const work = `${name}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${work}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${work}`;
  const database = await openServerDatabase({ dataDir: cacheRoot, databaseUrl: url.toString() }, { logger: silent() });
  try {
    await migrateServerDatabase(database.exec);
  } finally {
    await database.close();
  }
  await withClient(adminUrl, async (client) => {
    try {
      await client.query(`ALTER DATABASE "${work}" RENAME TO "${name}"`);
    } catch (error) {
      // 42P04 duplicate_database: another worker's template won.
      await client.query(`DROP DATABASE IF EXISTS "${work}" WITH (FORCE)`);
      if ((error as { code?: string }).code !== '42P04') throw error;
    }
    for (const row of existing.rows) {
      if (row.datname !== name)
        await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`).catch(() => undefined);
    }
  });
  return name;
}

const silent = () => createServerLogger('silent');
