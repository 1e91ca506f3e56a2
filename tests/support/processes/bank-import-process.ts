/**
 * Imports a bank file in a process of its own, so a fault test can `kill -9` it inside the
 * import's transaction: started with the server's data dir, its database URL (or `pglite`) and
 * the file, it runs importBankFile and, once the payments' rows are written (the ledger moved,
 * nothing committed), prints `mid-import` and blocks its only thread there — like a process the
 * OS stopped at that point. Without the pause it would print the summary's JSON and exit.
 */
import { readFile } from 'node:fs/promises';
import { openServerDatabase } from '../../../src-server/db/open';
import type { SqlExecutor } from '../../../src-server/db/sql-executor';
import type { TransactionalSqlExecutor } from '../../../src-server/db/transaction';
import { createServerLogger } from '../../../src-server/logger';
import { importBankFile } from '../../../src-server/wallet/bank-files/import-bank-file';

const [dataDir, url, file] = process.argv.slice(2);
if (dataDir === undefined || url === undefined || file === undefined)
  throw new Error('usage: bank-import-process <dataDir> <databaseUrl|pglite> <file>');

const database = await openServerDatabase(
  { dataDir, databaseUrl: url === 'pglite' ? null : url },
  { logger: createServerLogger('silent') },
);
const pausing = (tx: SqlExecutor): SqlExecutor => ({
  async query(text, params) {
    const result = await tx.query(text, params);
    if (text.includes('INSERT INTO liquidation_payments')) {
      process.stdout.write('mid-import\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    }
    return result as never;
  },
});
const exec: TransactionalSqlExecutor = {
  query: (text, params) => database.exec.query(text, params),
  transaction: (fn) => database.exec.transaction((tx) => fn(pausing(tx))),
};
const summary = await importBankFile(exec, {
  fileName: 'recaudo.txt',
  text: await readFile(file, 'latin1'),
  importedBy: 'admin-cli',
  now: new Date(),
});
process.stdout.write(`${JSON.stringify(summary)}\n`);
await database.close();
