import { afterAll, describe, it } from 'vitest';
import { migratedPostgresTemplate } from './migrated-templates';
import { createScratchDatabase, type ScratchDatabase } from './scratch-postgres';

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
  /**
   * null for PGlite (the server then uses files under its data dir); a new database for
   * PostgreSQL, already at the current migrations unless `empty` is asked for.
   */
  freshDatabaseUrl(opts?: { empty?: boolean }): Promise<string | null>;
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
        async freshDatabaseUrl(opts = {}) {
          const template = opts.empty === true ? undefined : await migratedPostgresTemplate(adminUrl);
          const db = await createTestPostgresDatabase(adminUrl, template);
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
    suite({ kind: 'postgres', freshDatabaseUrl: async () => null }));
}

export type TestPostgresDatabase = ScratchDatabase;

/** Creates a uniquely named database on the server `adminUrl` points at: empty, or a copy of `template`. */
export const createTestPostgresDatabase = (adminUrl: string, template?: string): Promise<TestPostgresDatabase> =>
  createScratchDatabase(adminUrl, 'ventanilla_test', { template });

/**
 * A suite that only PostgreSQL can run (`why` says why, for the skip's name): given the admin
 * URL of VENTANILLA_TEST_DATABASE_URL; a failing test in CI without it, skipped elsewhere.
 */
export function describePostgresOnly(name: string, why: string, suite: (adminUrl: string) => void): void {
  const adminUrl = postgresTestUrl();
  if (adminUrl !== null) describe(name, () => suite(adminUrl));
  else if (process.env.CI)
    describe(name, () => {
      it(`requires ${TEST_URL_VARIABLE} in CI`, () => {
        throw new Error(`CI is set but ${TEST_URL_VARIABLE} is not: source .ci/postgres.sh before running the tests.`);
      });
    });
  else
    describe.skip(`${name} — skipped: ${why}, and ${TEST_URL_VARIABLE} is not set (source .ci/postgres.sh to run it)`, () =>
      suite(''));
}
