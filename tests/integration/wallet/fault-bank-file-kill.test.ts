import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { migrateServerDatabase } from '../../../src-server/db/migrate';
import { openServerDatabase } from '../../../src-server/db/open';
import { ledgerTotal } from '../../../src-server/ledger/kardex';
import { createServerLogger } from '../../../src-server/logger';
import { importBankFile } from '../../../src-server/wallet/bank-files/import-bank-file';
import { balanceOf, bankFile, countRows } from '../../support/bank-file-fixtures';
import { startChild } from '../../support/child-process';
import { describeEachServerDatabase } from '../../support/postgres';
import { prepareDatabase } from '../../support/server-harness';
import { testHolder } from '../../support/wallet-fixtures';

/**
 * `kill -9` of the process importing a bank file, after the ledger moved and the payments were
 * written but before the commit: the database keeps none of it, and the same file imported after
 * the restart credits every wallet exactly once.
 */
const payments = 1_200;

describeEachServerDatabase('bank file faults: the importer killed mid-import', (variant) => {
  it('leaves nothing behind, and the file imported again applies each payment once', { timeout: 180_000 }, async () => {
    const { dir, databaseUrl } = await prepareDatabase(variant);
    onTestFinished(() => dir.remove());
    const open = () => openServerDatabase({ dataDir: dir.path, databaseUrl }, { logger: createServerLogger('silent') });

    const setup = await open();
    await migrateServerDatabase(setup.exec);
    // One statement for all of them (createTestLiquidation's row, in bulk): a few hundred citizens.
    const { rows } = await setup.exec.query<{ number: string; amount: string }>(
      `INSERT INTO liquidations (id, doc_type, doc_number, client, amount, recovery_code, expires_at)
       SELECT gen_random_uuid(), 'CC', doc, $2::jsonb || jsonb_build_object('docNumber', doc),
         10000 + (i % 7) * 1000, 'k' || i, now() + interval '10 days'
       FROM generate_series(1, $1::int) AS i, LATERAL (SELECT (80000000 + i % 300)::text AS doc) d
       RETURNING number, amount`,
      [payments, JSON.stringify(testHolder('CC', ''))],
    );
    const owed = rows.map((r) => ({ reference: Number(r.number), amount: Number(r.amount) }));
    await setup.close();
    const file = path.join(dir.path, 'recaudo.txt');
    writeFileSync(file, bankFile(owed));

    const importer = startChild('bank-import-process', [dir.path, databaseUrl ?? 'pglite', file]);
    expect(await importer.firstLine).toBe('mid-import');
    await importer.kill9();
    expect(importer.process.signalCode).toBe('SIGKILL');

    const restarted = await open();
    onTestFinished(() => restarted.close());
    const exec = restarted.exec;
    for (const table of ['bank_files', 'bank_records', 'liquidation_payments', 'ledger_transfers', 'ledger_entries'])
      expect(await countRows(exec, table), table).toBe(0);
    expect(await countRows(exec, 'liquidations', `state = 'pendiente'`)).toBe(payments);

    const text = bankFile(owed);
    const summary = await importBankFile(exec, {
      fileName: 'recaudo.txt',
      text,
      importedBy: 'admin-cli',
      now: new Date(),
    });
    expect(summary).toMatchObject({ records: payments, applied: payments, duplicates: 0, rejected: null });
    const again = await importBankFile(exec, {
      fileName: 'recaudo.txt',
      text,
      importedBy: 'admin-cli',
      now: new Date(),
    });
    expect(again).toMatchObject({ applied: 0, duplicates: payments });

    const total = owed.reduce((sum, p) => sum + p.amount, 0);
    expect(await countRows(exec, 'liquidation_payments')).toBe(payments);
    expect(await countRows(exec, 'liquidations', `state = 'pagada'`)).toBe(payments);
    expect(await balanceOf(exec, 'bank-clearing', '007')).toBe(-total);
    const wallets = await exec.query<{ sum: string }>(
      `SELECT coalesce(sum(balance), 0) AS sum FROM ledger_accounts WHERE kind = 'wallet'`,
    );
    expect(Number(wallets.rows[0]?.sum)).toBe(total);
    expect(await ledgerTotal(exec)).toBe(0);
  });
});
