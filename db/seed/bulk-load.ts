/**
 * Bulk mode for large seeds into an empty database: the whole load is ONE transaction that
 * drops the keys, foreign keys and indexes of the seeded tables, inserts every row, and
 * rebuilds them from the definitions read out of the catalog just before.
 *
 * Why: at a million subscribers the indexes (payments' UUID key above all) outgrow PGlite's
 * 128 MB of shared buffers, and maintaining them row by row turns into random page reads;
 * building them once from sorted data is sequential. Why it is safe: the drop, the load and
 * the rebuild commit together or not at all. Rebuilding a primary key re-checks uniqueness
 * and adding a foreign key re-validates every row, so the committed data passed exactly the
 * checks it would have passed row by row. An interrupted seed leaves the database as it was.
 *
 * The statements come from `pg_get_constraintdef` / `pg_get_indexdef`, so they always match
 * the migrated schema: nothing here repeats the DDL of db/server/migrations.
 */
import type { SqlExecutor } from '../../src-server/db/sql-executor';

export const bulkTables = ['subscribers', 'bills', 'payments'] as const;

interface DdlRow extends Record<string, unknown> {
  drop_sql: string;
  restore_sql: string;
}

export interface SavedSchema {
  /** In dependency order: foreign keys, secondary indexes, then primary and unique keys. */
  readonly drops: readonly string[];
  /** The reverse: keys first, then indexes, then foreign keys (which need the keys). */
  readonly restores: readonly string[];
}

const regclassList = (tables: readonly string[]): string => tables.map((t) => `'${t}'::regclass`).join(', ');

/** Foreign keys from or to the seeded tables (including other tables that reference them). */
const foreignKeys = (tableList: string) => `
  SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS drop_sql,
         format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS restore_sql
  FROM pg_constraint
  WHERE contype = 'f' AND (conrelid IN (${tableList}) OR confrelid IN (${tableList}))
  ORDER BY conrelid::regclass::text, conname`;

const keys = (tableList: string) => `
  SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS drop_sql,
         format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS restore_sql
  FROM pg_constraint
  WHERE contype IN ('p', 'u') AND conrelid IN (${tableList})
  ORDER BY conrelid::regclass::text, conname`;

/** Indexes that do not back a constraint (those come back with their constraint). */
const secondaryIndexes = (tableList: string) => `
  SELECT format('DROP INDEX %s', i.indexrelid::regclass) AS drop_sql, pg_get_indexdef(i.indexrelid) AS restore_sql
  FROM pg_index i
  WHERE i.indrelid IN (${tableList})
    AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
  ORDER BY i.indexrelid::regclass::text`;

/** The keys and indexes of `tables` (the seed's bulk tables unless told; the registry's demo loads its own). */
export async function saveSchema(tx: SqlExecutor, tables: readonly string[] = bulkTables): Promise<SavedSchema> {
  const tableList = regclassList(tables);
  const [fks, indexes, pks] = [
    (await tx.query<DdlRow>(foreignKeys(tableList))).rows,
    (await tx.query<DdlRow>(secondaryIndexes(tableList))).rows,
    (await tx.query<DdlRow>(keys(tableList))).rows,
  ];
  return {
    drops: [...fks, ...indexes, ...pks].map((r) => r.drop_sql),
    restores: [...pks, ...indexes, ...fks].map((r) => r.restore_sql),
  };
}

/** Drops what `saveSchema` listed. Only inside the transaction that will restore it. */
export async function dropSchema(tx: SqlExecutor, saved: SavedSchema): Promise<void> {
  for (const statement of saved.drops) await tx.query(statement);
}

export async function restoreSchema(tx: SqlExecutor, saved: SavedSchema): Promise<void> {
  // Index builds sort in memory up to maintenance_work_mem, and the foreign-key validations
  // hash-join in work_mem; the defaults (64 MB, 4 MB) spill to disk at a million subscribers.
  // LOCAL: both end with the transaction.
  await tx.query("SET LOCAL maintenance_work_mem = '256MB'");
  await tx.query("SET LOCAL work_mem = '64MB'");
  for (const statement of saved.restores) await tx.query(statement);
}
