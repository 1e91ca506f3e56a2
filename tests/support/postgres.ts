import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';

/**
 * Runs a database-backed suite on every database the central server supports: PGlite always,
 * and a real PostgreSQL when VENTANILLA_TEST_DATABASE_URL is set (`source .ci/postgres.sh`).
 * Each PostgreSQL test gets its own freshly created database, dropped when the file ends,
 * so files and tests can run in parallel without seeing each other's rows.
 *
 * Without the variable the PostgreSQL variant is skipped with the reason in its name — except
 * in CI (`CI` set), where a missing database must fail the run instead of hiding half of it.
 */
export type ServerDatabaseKind = 'pglite' | 'postgres';

export interface DatabaseVariant {
  readonly kind: ServerDatabaseKind;
  /** null for PGlite (the server then uses files under its data dir); a new empty database for PostgreSQL. */
  freshDatabaseUrl(): Promise<string | null>;
}

const TEST_URL_VARIABLE = 'VENTANILLA_TEST_DATABASE_URL';

export function postgresTestUrl(): string | null {
  return process.env[TEST_URL_VARIABLE]?.trim() || null;
}

export function describeEachServerDatabase(name: string, suite: (variant: DatabaseVariant) => void): void {
  describe(`${name} [pglite]`, () => suite({ kind: 'pglite', freshDatabaseUrl: async () => null }));

  const adminUrl = postgresTestUrl();
  if (adminUrl !== null) {
    describe(`${name} [postgres]`, () => {
      const created: TestPostgresDatabase[] = [];
      afterAll(async () => {
        await Promise.all(created.map((db) => db.drop()));
      });
      suite({
        kind: 'postgres',
        async freshDatabaseUrl() {
          const db = await createTestPostgresDatabase(adminUrl);
          created.push(db);
          return db.url;
        },
      });
    });
    return;
  }
  if (process.env.CI) {
    describe(`${name} [postgres]`, () => {
      it(`requires ${TEST_URL_VARIABLE} in CI`, () => {
        throw new Error(`CI is set but ${TEST_URL_VARIABLE} is not: source .ci/postgres.sh before running the tests.`);
      });
    });
    return;
  }
  describe.skip(`${name} [postgres] — skipped: ${TEST_URL_VARIABLE} is not set (source .ci/postgres.sh to run it)`, () =>
    suite({ kind: 'postgres', freshDatabaseUrl: async () => null }),
  );
}

export interface TestPostgresDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates a uniquely named, empty database on the server `adminUrl` points at. */
export async function createTestPostgresDatabase(adminUrl: string): Promise<TestPostgresDatabase> {
  const name = `ventanilla_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE: a test that failed half-way may have left a pool open.
      await withClient(adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
