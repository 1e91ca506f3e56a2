import fc from 'fast-check';
import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { expect, it } from 'vitest';
import type { SqlExecutor } from '../../../src-server/db/sql-executor';
import { runInTransaction } from '../../../src-server/db/transaction';
import { kardex, ledgerTotal } from '../../../src-server/ledger/kardex';
import { findLedgerAccount } from '../../../src-server/ledger/ledger-accounts';
import {
  applyLiquidationPayment,
  type LiquidationPayment,
  type PaymentSource,
} from '../../../src-server/wallet/apply-payment';
import type { HolderData } from '../../../src-shared/wallet/holder-fields';
import type { PaymentChannel } from '../../../src-shared/wallet/liquidation';
import { makeRecoveryCode } from '../../../src-shared/wallet/recovery-code';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer } from '../../support/server-harness';

/**
 * The one money path of every recharge (issue 13, items 1 and 4): whichever channel pays a
 * liquidación — the gateway, a bank file, a counter — the wallet is credited once per payment,
 * a liquidación paid twice keeps the second amount as balance (flagged, never lost), a late one
 * is credited and flagged, and the first payment opens the wallet's holder.
 */
const client = (docNumber: string): HolderData => ({
  docType: 'CC',
  docNumber,
  identity: { personKind: 'natural', firstSurname: 'Rojas', secondSurname: '', firstName: 'Ana', secondName: '' },
  contact: {
    email: 'ana@example.test',
    mobile: '3001234567',
    landline: null,
    address: 'Calle 10 No. 3-76',
    municipality: 'Ibagué',
  },
});

async function liquidation(
  exec: SqlExecutor,
  docNumber: string,
  amount: number,
  opts: { expiresAt?: Date; state?: string } = {},
): Promise<{ id: string; number: number }> {
  const id = uuidv7();
  const { rows } = await exec.query<{ number: string }>(
    `INSERT INTO liquidations (id, doc_type, doc_number, client, amount, state, recovery_code, expires_at)
     VALUES ($1, 'CC', $2, $3, $4, $5, $6, $7) RETURNING number`,
    [
      id,
      docNumber,
      JSON.stringify(client(docNumber)),
      amount,
      opts.state ?? 'pendiente',
      makeRecoveryCode((n) => randomInt(n)),
      (opts.expiresAt ?? new Date(Date.now() + 86_400_000)).toISOString(),
    ],
  );
  return { id, number: Number(rows[0]?.number) };
}

const sources: Record<PaymentChannel, PaymentSource> = {
  gateway: { kind: 'gateway-clearing', ownerRef: '' },
  bank: { kind: 'bank-clearing', ownerRef: '0051' },
  counter: { kind: 'cash-session', ownerRef: '0193a3f2-0000-7000-8000-000000000001' },
};

const pay = (exec: SqlExecutor, payment: Omit<LiquidationPayment, 'source' | 'at'> & { at?: Date }) =>
  runInTransaction(exec, (tx) =>
    applyLiquidationPayment(tx, { ...payment, source: sources[payment.channel], at: payment.at ?? new Date() }),
  );

const walletBalance = async (exec: SqlExecutor, docNumber: string): Promise<number> =>
  (await findLedgerAccount(exec, 'wallet', `CC ${docNumber}`))?.balance ?? 0;

describeEachServerDatabase('a liquidación paid into the wallet', (variant) => {
  it('credits once per payment, keeps a second payment as balance, flags late ones', { timeout: 120_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    const exec = t.server.database.exec;
    const liq = await liquidation(exec, '1020304050', 100_000);

    const first = await pay(exec, {
      liquidationId: liq.id,
      channel: 'gateway',
      sourceKey: 'gateway:tx-1',
      amount: 100_000,
    });
    expect(first).toMatchObject({
      ok: true,
      value: { outcome: 'paid', duplicate: false, liquidationNumber: liq.number },
    });
    expect(await walletBalance(exec, '1020304050')).toBe(100_000);
    const state = await exec.query<{ state: string; paid_via: string }>(
      'SELECT state, paid_via FROM liquidations WHERE id = $1',
      [liq.id],
    );
    expect(state.rows[0]).toEqual({ state: 'pagada', paid_via: 'gateway' });
    const holder = await exec.query<{ person_kind: string; clave_hash: string | null }>(
      "SELECT person_kind, clave_hash FROM wallet_holders WHERE doc_type = 'CC' AND doc_number = '1020304050'",
    );
    expect(holder.rows).toEqual([{ person_kind: 'natural', clave_hash: null }]);

    // The gateway's retry of the same event: the first answer, nothing moved.
    const replay = await pay(exec, {
      liquidationId: liq.id,
      channel: 'gateway',
      sourceKey: 'gateway:tx-1',
      amount: 100_000,
    });
    expect(replay).toMatchObject({ ok: true, value: { outcome: 'paid', duplicate: true } });
    expect(await walletBalance(exec, '1020304050')).toBe(100_000);

    // The same liquidación paid at a bank too: credited as balance, flagged, the first channel kept.
    const twice = await pay(exec, { liquidationId: liq.id, channel: 'bank', sourceKey: 'bank:rec-1', amount: 100_000 });
    expect(twice).toMatchObject({ ok: true, value: { outcome: 'extra', duplicate: false } });
    expect(await walletBalance(exec, '1020304050')).toBe(200_000);
    const after = await exec.query<{ paid_via: string }>('SELECT paid_via FROM liquidations WHERE id = $1', [liq.id]);
    expect(after.rows[0]?.paid_via).toBe('gateway');
    const reviews = await exec.query<{ kind: string; channel: string; amount: string }>(
      'SELECT kind, channel, amount FROM wallet_reviews WHERE liquidation_id = $1',
      [liq.id],
    );
    expect(reviews.rows.map((r) => [r.kind, r.channel, Number(r.amount)])).toEqual([['paid-twice', 'bank', 100_000]]);

    // Paid after it expired: credited and flagged for staff.
    const old = await liquidation(exec, '1020304050', 30_000, { expiresAt: new Date(Date.now() - 60_000) });
    const late = await pay(exec, {
      liquidationId: old.id,
      channel: 'counter',
      sourceKey: 'counter:evt-9',
      amount: 30_000,
    });
    expect(late).toMatchObject({ ok: true, value: { outcome: 'late' } });
    expect(await walletBalance(exec, '1020304050')).toBe(230_000);
    const kinds = await exec.query<{ kind: string }>('SELECT kind FROM wallet_reviews WHERE liquidation_id = $1', [
      old.id,
    ]);
    expect(kinds.rows.map((r) => r.kind)).toEqual(['paid-after-expiry']);

    const wallet = await findLedgerAccount(exec, 'wallet', 'CC 1020304050');
    const lines = await kardex(exec, wallet?.id ?? '');
    expect(lines.map((l) => [l.amount, l.balanceAfter])).toEqual([
      [100_000, 100_000],
      [100_000, 200_000],
      [30_000, 230_000],
    ]);
    expect(await ledgerTotal(exec)).toBe(0);
    // Staff resolve reviews; nobody removes them.
    await expect(exec.query('DELETE FROM wallet_reviews')).rejects.toThrow(/no se modifican/);
  });

  it('refuses what is not a payment, and keeps payments as they were written', { timeout: 120_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    const exec = t.server.database.exec;
    const liq = await liquidation(exec, '79111222', 50_000);
    expect(await pay(exec, { liquidationId: liq.id, channel: 'bank', sourceKey: 'bank:z', amount: 0 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(
      await pay(exec, { liquidationId: uuidv7(), channel: 'bank', sourceKey: 'bank:y', amount: 50_000 }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await walletBalance(exec, '79111222')).toBe(0);

    await pay(exec, { liquidationId: liq.id, channel: 'bank', sourceKey: 'bank:x', amount: 50_000 });
    await expect(exec.query('UPDATE liquidation_payments SET amount = 1')).rejects.toThrow(/no se modifican/);
    await expect(exec.query('DELETE FROM liquidation_payments')).rejects.toThrow(/no se modifican/);
    expect(await walletBalance(exec, '79111222')).toBe(50_000);
  });

  it('pays a liquidación once when three channels pay it at the same moment', { timeout: 120_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    const exec = t.server.database.exec;
    const liq = await liquidation(exec, '52333444', 80_000);
    const results = await Promise.all(
      (['gateway', 'bank', 'counter'] as const).map((channel) =>
        pay(exec, { liquidationId: liq.id, channel, sourceKey: `${channel}:same-moment`, amount: 80_000 }),
      ),
    );
    const outcomes = results.map((r) => (r.ok ? r.value.outcome : r.error.code)).sort();
    expect(outcomes).toEqual(['extra', 'extra', 'paid']);
    expect(await walletBalance(exec, '52333444')).toBe(240_000);
    const flagged = await exec.query<{ n: string }>(
      "SELECT count(*) AS n FROM wallet_reviews WHERE liquidation_id = $1 AND kind = 'paid-twice'",
      [liq.id],
    );
    expect(Number(flagged.rows[0]?.n)).toBe(2);
  });

  it('keeps every invariant for random interleavings of payments and replays', { timeout: 120_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    const exec = t.server.database.exec;
    const channels = ['gateway', 'bank', 'counter'] as const;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(
            fc.record({
              liq: fc.integer({ min: 0, max: 2 }),
              channel: fc.constantFrom(...channels),
              source: fc.integer({ min: 0, max: 5 }),
              expired: fc.boolean(),
            }),
            { minLength: 1, maxLength: 4 },
          ),
          { minLength: 1, maxLength: 5 },
        ),
        async (batches) => {
          run += 1;
          const doc = `9${String(run).padStart(6, '0')}`;
          const liqs = [
            await liquidation(exec, doc, 10_000),
            await liquidation(exec, doc, 25_000),
            await liquidation(exec, doc, 40_000, { expiresAt: new Date(Date.now() - 1_000) }),
          ];
          const amounts = [10_000, 25_000, 40_000];
          const applied = new Map<string, number>();
          for (const batch of batches) {
            const results = await Promise.all(
              batch.map((s) =>
                pay(exec, {
                  liquidationId: liqs[s.liq]?.id ?? '',
                  channel: s.channel,
                  // A source names one payment of one liquidación: replays reuse it.
                  sourceKey: `${s.channel}:${run}-${s.liq}-${s.source}`,
                  amount: amounts[s.liq] ?? 1,
                }),
              ),
            );
            results.forEach((result, i) => {
              const s = batch[i];
              expect(result.ok).toBe(true);
              if (!result.ok || s === undefined) return;
              applied.set(`${s.channel}:${run}-${s.liq}-${s.source}`, amounts[s.liq] ?? 0);
            });
          }
          const expected = [...applied.values()].reduce((a, b) => a + b, 0);
          expect(await walletBalance(exec, doc)).toBe(expected);
          for (const [i, liq] of liqs.entries()) {
            const { rows } = await exec.query<{ outcome: string }>(
              'SELECT outcome FROM liquidation_payments WHERE liquidation_id = $1',
              [liq.id],
            );
            const settling = rows.filter((r) => r.outcome !== 'extra').length;
            // Exactly one payment settles a paid liquidación; every other one is extra balance.
            expect(settling).toBe(rows.length > 0 ? 1 : 0);
            if (i === 2) expect(rows.every((r) => r.outcome !== 'paid')).toBe(true);
          }
          const payments = await exec.query<{ n: string; total: string | null }>(
            `SELECT count(*) AS n, sum(amount) AS total FROM liquidation_payments
             WHERE liquidation_id = ANY($1::uuid[])`,
            [liqs.map((l) => l.id)],
          );
          expect(Number(payments.rows[0]?.n)).toBe(applied.size);
          expect(Number(payments.rows[0]?.total ?? 0)).toBe(expected);
          expect(await ledgerTotal(exec)).toBe(0);
        },
      ),
      { numRuns: 20 },
    );
  });
});
