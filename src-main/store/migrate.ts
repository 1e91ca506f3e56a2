import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './migrations';
import { StoreError } from './store-error';

/**
 * Brings the local store to the app's schema. The applied count lives in SQLite's
 * `user_version`, so the check costs nothing and survives any tool that copies the file.
 * All pending migrations run in one transaction: a crash leaves the old schema intact.
 */
/** Refuses a store written by a newer app, before anything (even a pragma) touches the file. */
export function assertNotNewer(sqlite: Database.Database, migrations: readonly Migration[]): void {
  const from = Number(sqlite.pragma('user_version', { simple: true }));
  const known = migrations.length;
  if (from > known) {
    throw new StoreError(
      'too-new',
      `La base de datos local usa el esquema ${from} y esta versión de Ventanilla solo conoce hasta el ${known}. ` +
        'Fue creada por una versión más nueva: instale esa versión o una posterior. No se modificó nada.',
    );
  }
}

/**
 * Where a migration run has got to, inside its transaction: after statement `statement` (from 0)
 * of migration `tag`, or `checked` once the foreign keys were checked, before the new version is
 * written and the transaction commits.
 */
export type MigrationStep = { readonly tag: string; readonly statement: number } | 'checked';

/**
 * Brings the store to the app's schema. Call with foreign keys OFF: SQLite ignores
 * `PRAGMA foreign_keys` inside a transaction, and a table rebuild (drizzle-kit's way to alter
 * a table) with keys on would cascade-delete or fail. The keys are checked before commit.
 * `onStep` is for fault tests only (a kill inside the transaction); production never passes it.
 */
export function migrateStore(
  sqlite: Database.Database,
  migrations: readonly Migration[],
  onStep?: (step: MigrationStep) => void,
): { from: number; to: number } {
  assertNotNewer(sqlite, migrations);
  const from = Number(sqlite.pragma('user_version', { simple: true }));
  const known = migrations.length;
  if (from === known) return { from, to: known };
  const apply = sqlite.transaction(() => {
    for (const migration of migrations.slice(from)) {
      migration.statements.forEach((statement, index) => {
        sqlite.exec(statement);
        onStep?.({ tag: migration.tag, statement: index });
      });
    }
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration left ${broken.length} rows with broken foreign keys`);
    onStep?.('checked');
    // PRAGMA does not take bound parameters; `known` is an integer we computed.
    sqlite.pragma(`user_version = ${known}`);
  });
  try {
    apply.immediate();
  } catch (cause) {
    throw new StoreError(
      'migration-failed',
      `No se pudo actualizar la base de datos local (esquema ${from} → ${known}). No se modificó nada.`,
      {
        cause,
      },
    );
  }
  return { from, to: known };
}
