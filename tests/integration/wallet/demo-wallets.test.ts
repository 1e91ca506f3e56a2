import { expect, it, onTestFinished } from 'vitest';
import { demoWallets, seedDemoData } from '../../../db/seed/index';
import { migrateServerDatabase } from '../../../src-server/db/migrate';
import { openServerDatabase } from '../../../src-server/db/open';
import { kardex, ledgerTotal } from '../../../src-server/ledger/kardex';
import { findLedgerAccount } from '../../../src-server/ledger/ledger-accounts';
import { createServerLogger } from '../../../src-server/logger';
import { verifyPassword } from '../../../src-server/staff/password-hash';
import { walletOwnerRef } from '../../../src-shared/wallet/liquidation';
import { describeEachServerDatabase } from '../../support/postgres';
import { tempDir } from '../../support/temp-dir';

/**
 * The demo data's wallets (issue 13, item 7): holders with recharges by each channel whose
 * balances and kardexes agree with the ledger, the published claves, and a pending liquidación
 * for each way to pay, found by the recovery code README.md gives.
 */
describeEachServerDatabase('demo wallets', (variant) => {
  it(
    'agree with the ledger to the peso and leave one pending liquidación per way to pay',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir('demo-wallets');
      const database = await openServerDatabase(
        { dataDir: dir.path, databaseUrl: await variant.freshDatabaseUrl() },
        { logger: createServerLogger('silent') },
      );
      onTestFinished(async () => {
        await database.close();
        dir.remove();
      });
      await migrateServerDatabase(database.exec);
      await seedDemoData(database.exec, { subscribers: 20, months: 2, now: new Date('2026-11-20T15:00:00Z') });
      const exec = database.exec;

      for (const wallet of demoWallets) {
        const owner = walletOwnerRef(wallet.holder.docType, wallet.holder.docNumber);
        const expected = wallet.history.reduce((sum, paid) => sum + paid.amount, 0);
        const account = await findLedgerAccount(exec, 'wallet', owner);
        expect(account?.balance ?? 0).toBe(expected);
        const lines = account === null ? [] : await kardex(exec, account.id);
        expect(lines.map((line) => line.amount)).toEqual(wallet.history.map((paid) => paid.amount));
        expect(lines.at(-1)?.balanceAfter ?? 0).toBe(expected);

        const holder = await exec.query<{ clave_hash: string }>(
          'SELECT clave_hash FROM wallet_holders WHERE doc_type = $1 AND doc_number = $2',
          [wallet.holder.docType, wallet.holder.docNumber],
        );
        expect(await verifyPassword(wallet.clave, holder.rows[0]?.clave_hash ?? '')).toBe(true);
        expect(await verifyPassword(`${wallet.clave}x`, holder.rows[0]?.clave_hash ?? '')).toBe(false);

        for (const pending of wallet.pending) {
          const found = await exec.query<{ state: string; amount: string }>(
            'SELECT state, amount FROM liquidations WHERE doc_type = $1 AND doc_number = $2 AND recovery_code = $3',
            [wallet.holder.docType, wallet.holder.docNumber, pending.recoveryCode],
          );
          expect(found.rows.map((r) => [r.state, Number(r.amount)])).toEqual([['pendiente', pending.amount]]);
        }
      }
      expect(new Set(demoWallets.flatMap((w) => w.pending.map((p) => p.way)))).toEqual(
        new Set(['gateway', 'bank', 'counter']),
      );
      // Past payments count as mailed: the wallet mailer does not send the demo's history.
      const unmailed = await exec.query<{ n: string }>(
        'SELECT count(*) AS n FROM liquidation_payments p LEFT JOIN wallet_support_mails m ON m.payment_id = p.id WHERE m.payment_id IS NULL',
      );
      expect(Number(unmailed.rows[0]?.n)).toBe(0);
      expect(await ledgerTotal(exec)).toBe(0);
    },
  );
});
