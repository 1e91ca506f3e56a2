import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it, onTestFinished, vi } from 'vitest';
import { DEFAULT_MAIL_FROM } from '../../../src-server/config';
import { defaultServerMigrationsDir } from '../../../src-server/db/migration-files';
import { migrateServerDatabase, ServerMigrationError } from '../../../src-server/db/migrate';
import { openServerDatabase, type ServerDatabase } from '../../../src-server/db/open';
import { createServerLogger } from '../../../src-server/logger';
import { startServer } from '../../../src-server/index';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { tempDir } from '../../support/temp-dir';
import { prepareDatabase } from '../../support/server-harness';

const journal = JSON.parse(readFileSync(path.join(defaultServerMigrationsDir, 'meta', '_journal.json'), 'utf8')) as {
  entries: Array<{ tag: string }>;
};
const shippedTags = journal.entries.map((e) => e.tag);
const silent = createServerLogger('silent');

// Every test here builds the whole schema from an empty database (PGlite's initdb first): a few
// seconds on a quiet machine, several times that with the CPU saturated.
vi.setConfig({ testTimeout: 120_000 });

async function openFresh(
  variant: DatabaseVariant,
): Promise<{ database: ServerDatabase; dataDir: string; databaseUrl: string | null }> {
  const { dir, databaseUrl } = await prepareDatabase(variant, { empty: true });
  const database = await openServerDatabase({ dataDir: dir.path, databaseUrl }, { logger: silent });
  onTestFinished(async () => {
    await database.close();
    dir.remove();
  });
  return { database, dataDir: dir.path, databaseUrl };
}

async function ledger(database: ServerDatabase) {
  const { rows } = await database.exec.query<{ idx: number; tag: string; sha256: string; applied_at: Date }>(
    'select idx, tag, sha256, applied_at from server_migrations order by idx',
  );
  return rows;
}

describeEachServerDatabase('central server: migrations', (variant) => {
  it('applies every shipped migration once; running again is a no-op', async () => {
    const { database } = await openFresh(variant);
    const first = await migrateServerDatabase(database.exec);
    expect(first).toEqual({ applied: shippedTags, total: shippedTags.length });
    const before = await ledger(database);
    expect(before.map((r) => r.tag)).toEqual(shippedTags);
    expect(before.every((r) => /^[0-9a-f]{64}$/.test(r.sha256))).toBe(true);

    const second = await migrateServerDatabase(database.exec);
    expect(second).toEqual({ applied: [], total: shippedTags.length });
    expect(await ledger(database)).toEqual(before);
    // The schema is really there.
    const { rows } = await database.exec.query<{ n: number }>('select count(*)::int as n from devices');
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('serialises concurrent runs: all succeed, the migrations are applied once', async () => {
    const { database, dataDir, databaseUrl } = await openFresh(variant);
    // PostgreSQL: a second pool is a second server instance. PGlite allows one process only,
    // so there the two runs share the database object.
    const second =
      databaseUrl === null ? database : await openServerDatabase({ dataDir, databaseUrl }, { logger: silent });
    if (second !== database) onTestFinished(() => second.close());
    const reports = await Promise.all([migrateServerDatabase(database.exec), migrateServerDatabase(second.exec)]);
    expect(reports.map((r) => r.applied.length).sort()).toEqual([0, shippedTags.length]);
    expect((await ledger(database)).map((r) => r.tag)).toEqual(shippedTags);
  });

  it('refuses a database that has a migration this version does not know', async () => {
    const { database, dataDir, databaseUrl } = await openFresh(variant);
    await migrateServerDatabase(database.exec);
    await database.exec.query(
      `insert into server_migrations (idx, tag, sha256) values ($1, '9999_from_the_future', $2)`,
      [shippedTags.length, 'f'.repeat(64)],
    );
    const refusal = await migrateServerDatabase(database.exec).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ServerMigrationError);
    expect((refusal as ServerMigrationError).problem).toBe('unknown-migrations');
    expect((refusal as Error).message).toBe(
      'La base de datos del servidor central tiene migraciones que esta versión no conoce (9999_from_the_future); actualice Ventanilla.',
    );

    // The server refuses to start on it, and releases the database on the way out.
    await database.close();
    await expect(
      startServer({
        dataDir,
        databaseUrl,
        host: '127.0.0.1',
        port: 0,
        logLevel: 'silent',
        enrollmentCodeTtlHours: 24,
        smtpUrl: null,
        mailFrom: DEFAULT_MAIL_FROM,
      }),
    ).rejects.toThrow(/no conoce \(9999_from_the_future\)/);
    const reopened = await openServerDatabase({ dataDir, databaseUrl }, { logger: silent });
    await reopened.close();
  });

  it('refuses a database where a shipped migration was applied with different content', async () => {
    const { database } = await openFresh(variant);
    await migrateServerDatabase(database.exec);
    await database.exec.query(`update server_migrations set sha256 = $1 where idx = 0`, ['0'.repeat(64)]);
    const refusal = await migrateServerDatabase(database.exec).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ServerMigrationError);
    expect((refusal as ServerMigrationError).problem).toBe('edited-migration');
    expect((refusal as Error).message).toContain(`La migración ${shippedTags[0]} aplicada`);
  });

  it('refuses to run when a shipped migration file was edited after being applied', async () => {
    const { database } = await openFresh(variant);
    await migrateServerDatabase(database.exec);
    const dir = tempDir('migrations');
    onTestFinished(() => dir.remove());
    cpSync(defaultServerMigrationsDir, dir.path, { recursive: true });
    const file = path.join(dir.path, `${shippedTags[0]}.sql`);
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}\n--> statement-breakpoint\nCREATE INDEX "sneaky_idx" ON "devices" ("name");`,
    );
    await expect(migrateServerDatabase(database.exec, { migrationsDir: dir.path })).rejects.toMatchObject({
      problem: 'edited-migration',
    });
  });

  it('applies pending migrations in one transaction: a failing one leaves the database as it was', async () => {
    const { database } = await openFresh(variant);
    const dir = tempDir('migrations');
    onTestFinished(() => dir.remove());
    cpSync(defaultServerMigrationsDir, dir.path, { recursive: true });
    const journalFile = path.join(dir.path, 'meta', '_journal.json');
    const withBroken = {
      ...journal,
      entries: [
        ...journal.entries,
        { idx: journal.entries.length, version: '7', when: Date.now(), tag: '9000_broken', breakpoints: true },
      ],
    };
    writeFileSync(journalFile, JSON.stringify(withBroken));
    writeFileSync(
      path.join(dir.path, '9000_broken.sql'),
      'CREATE TABLE "half_done" ("id" integer);\n--> statement-breakpoint\nSELECT * FROM "no_such_table";',
    );
    await expect(migrateServerDatabase(database.exec, { migrationsDir: dir.path })).rejects.toThrow(/no_such_table/);
    const { rows } = await database.exec.query<{ name: string | null }>(
      `select to_regclass('server_migrations')::text as name
       union all select to_regclass('devices')::text
       union all select to_regclass('half_done')::text`,
    );
    expect(rows).toEqual([{ name: null }, { name: null }, { name: null }]);
  });
});
