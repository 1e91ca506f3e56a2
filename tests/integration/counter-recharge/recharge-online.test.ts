import { expect, it } from 'vitest';
import { rechargeMessages } from '../../../src-main/counter-recharge/recharge-messages';
import type { SqlExecutor } from '../../../src-server/db/sql-executor';
import { findLedgerAccount } from '../../../src-server/ledger/ledger-accounts';
import { outboxStates } from '../../support/outbox-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer } from '../../support/server-harness';
import { callOk, enrolledDevice, expectReplicaEqual, seedServer, until } from '../../support/sync-support';
import { createTestLiquidation } from '../../support/wallet-fixtures';

/**
 * A counter recharge with the central server there (issue 13, item 4): the whole core of an
 * enrolled counter against a real server, the liquidación found by number or recovery code with
 * its holder and state, the amount held to the server's, a paid liquidación charged only when the
 * cashier confirms — and the wallet credited once the event is pushed.
 */
const balance = async (exec: SqlExecutor, docNumber: string): Promise<number> =>
  (await findLedgerAccount(exec, 'wallet', `CC ${docNumber}`))?.balance ?? 0;

describeEachServerDatabase('counter recharge online', (variant) => {
  it(
    'finds the liquidación on the server, holds the charge to it, confirms a paid one, credits on push',
    { timeout: 180_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 5);
      const exec = t.server.database.exec;
      const core = await enrolledDevice(t);
      await expectReplicaEqual(t, core);
      const pending = await createTestLiquidation(exec, { docType: 'CC', docNumber: '1030507090', amount: 40_000 });
      const paid = await createTestLiquidation(exec, {
        docType: 'CC',
        docNumber: '1030507091',
        amount: 30_000,
        state: 'pagada',
        paidVia: 'bank',
      });

      const { staffSession } = await callOk(core, 'cashier.signIn', { username: 'cajero1', password: 'Cajero1.Demo' });
      await callOk(core, 'cashier.openSession', { staffSession, openingFloat: 0 });

      const found = await callOk(core, 'cashier.findLiquidation', { staffSession, query: String(pending.number) });
      expect(found).toMatchObject({
        source: 'server',
        number: pending.number,
        amount: 40_000,
        state: 'pendiente',
        holder: { identification: 'CC 1030507090', name: 'Pérez Ana' },
        warning: null,
        note: rechargeMessages.notes.server,
      });
      // The screen's amount is held to the server's.
      const other = await core.dispatch('cashier.takeRecharge', {
        staffSession,
        source: 'server',
        number: pending.number,
        amount: 39_000,
        tenders: [{ kind: 'cash', received: 39_000 }],
      });
      expect(other).toMatchObject({ ok: false, error: { code: 'validation' } });
      await callOk(core, 'cashier.takeRecharge', {
        staffSession,
        source: 'server',
        number: pending.number,
        amount: 40_000,
        tenders: [{ kind: 'cash', received: 50_000 }],
      });

      // By its recovery code: already paid at a bank, so it takes the cashier's confirmation.
      const again = await callOk(core, 'cashier.findLiquidation', { staffSession, query: paid.recoveryCode });
      expect(again).toMatchObject({
        number: paid.number,
        state: 'pagada',
        warning: { code: 'paid', message: rechargeMessages.warnings.paid },
      });
      const take = {
        staffSession,
        source: 'server' as const,
        number: paid.number,
        amount: 30_000,
        tenders: [{ kind: 'cash' as const, received: 30_000 }],
      };
      expect(await core.dispatch('cashier.takeRecharge', take)).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: rechargeMessages.unconfirmed },
      });
      await callOk(core, 'cashier.takeRecharge', { ...take, confirmed: true });

      await until(
        'recharges pushed',
        () => outboxStates(core).pending ?? 0,
        (n) => n === 0,
        30_000,
      );
      expect(await balance(exec, '1030507090')).toBe(40_000);
      expect(await balance(exec, '1030507091')).toBe(30_000);
      const { rows } = await exec.query<{ kind: string }>(
        "SELECT kind FROM wallet_reviews WHERE channel = 'counter' AND liquidation_id IN (SELECT id FROM liquidations WHERE number = $1)",
        [paid.number],
      );
      expect(rows.map((r) => r.kind)).toEqual(['paid-twice']);
    },
  );
});
