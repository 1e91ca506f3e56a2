import { onTestFinished } from 'vitest';
import { migrateServerDatabase } from '../../src-server/db/migrate';
import { openServerDatabase, type ServerDatabase } from '../../src-server/db/open';
import type { SqlExecutor } from '../../src-server/db/sql-executor';
import { createServerLogger } from '../../src-server/logger';
import { writeAsobancaria, type AsobancariaPaymentInput } from '../../src-shared/wallet/asobancaria/write-asobancaria';
import type { DatabaseVariant } from './postgres';
import { prepareDatabase } from './server-harness';

/** The central server's database alone (no HTTP), migrated, closed and removed when the test ends. */
export async function openTestServerDatabase(
  variant: DatabaseVariant,
): Promise<{ database: ServerDatabase; dataDir: string; databaseUrl: string | null }> {
  const { dir, databaseUrl } = await prepareDatabase(variant);
  const database = await openServerDatabase(
    { dataDir: dir.path, databaseUrl },
    { logger: createServerLogger('silent') },
  );
  onTestFinished(async () => {
    await database.close();
    dir.remove();
  });
  await migrateServerDatabase(database.exec);
  return { database, dataDir: dir.path, databaseUrl };
}

/** A bank's file of these payments, collected on `collectedOn` by bank 007 (default). */
export function bankFile(
  payments: readonly AsobancariaPaymentInput[],
  options: {
    collectedOn?: string;
    bankCode?: string;
    modifier?: string;
    fileTime?: string;
    firstSequence?: number;
    /** The lots' collected-service GLN (default the demo wallet's, 7709998000018). */
    serviceCode?: string;
  } = {},
): string {
  return writeAsobancaria({
    billerNit: '9001234568',
    collectedOn: options.collectedOn ?? '2026-01-15',
    bankCode: options.bankCode ?? '007',
    serviceCode: options.serviceCode ?? '7709998000018',
    modifier: options.modifier,
    fileTime: options.fileTime,
    firstSequence: options.firstSequence,
    payments,
  });
}

/** A ledger account's balance (0 when it was never opened). */
export async function balanceOf(exec: SqlExecutor, kind: string, ownerRef: string): Promise<number> {
  const { rows } = await exec.query<{ balance: string }>(
    'SELECT balance FROM ledger_accounts WHERE kind = $1 AND owner_ref = $2',
    [kind, ownerRef],
  );
  return Number(rows[0]?.balance ?? 0);
}

export async function countRows(exec: SqlExecutor, table: string, where = 'true'): Promise<number> {
  const { rows } = await exec.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`);
  return Number(rows[0]?.n);
}
