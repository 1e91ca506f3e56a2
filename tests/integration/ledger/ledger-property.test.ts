import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ledgerAccount, type LedgerAccount } from '../../../src-server/ledger/ledger-accounts';
import { kardex, ledgerTotal } from '../../../src-server/ledger/kardex';
import { transfer, type TransferRequest } from '../../../src-server/ledger/transfer';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer } from '../../support/server-harness';

/**
 * Random interleavings of recharges, spends, refunds and replays (issue 13, item 8): whatever
 * order they run in, and however many run at once, the ledger stays whole — every wallet at or
 * above zero and equal to what the applied transfers say, its kardex adding up entry by entry,
 * a replay never moving a peso, and all accounts summing to zero. (It found that entries drawn
 * their ids before the wallet's lock could list a kardex out of the order its balances were
 * applied in: migration 0009 draws the id after the lock.)
 */
type Step =
  | { readonly op: 'recharge' | 'spend' | 'refund'; readonly wallet: number; readonly amount: number }
  | { readonly op: 'replay'; readonly of: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constantFrom('recharge' as const, 'spend' as const, 'refund' as const),
    wallet: fc.integer({ min: 0, max: 2 }),
    amount: fc.integer({ min: 1, max: 60_000 }),
  }),
  fc.record({ op: fc.constant('replay' as const), of: fc.nat() }),
);

describeEachServerDatabase('wallet ledger under random interleavings', (variant) => {
  it('keeps every invariant for any order and any concurrency', { timeout: 120_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    const exec = t.server.database.exec;
    const gateway = await ledgerAccount(exec, 'gateway-clearing');
    const revenue = await ledgerAccount(exec, 'certificate-revenue');
    const refunds = await ledgerAccount(exec, 'refunds');
    let run = 0;

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(step, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        async (batches) => {
          run += 1;
          const wallets: LedgerAccount[] = [];
          for (let w = 0; w < 3; w += 1) wallets.push(await ledgerAccount(exec, 'wallet', `run-${run}-${w}`));
          const sent: TransferRequest[] = [];
          const expected = new Map<string, number>();
          let n = 0;
          const request = (s: Step): TransferRequest => {
            if (s.op === 'replay')
              return sent[s.of % Math.max(1, sent.length)] ?? request({ op: 'recharge', wallet: 0, amount: 1 });
            const wallet = wallets[s.wallet] as LedgerAccount;
            const other = s.op === 'recharge' ? gateway : s.op === 'spend' ? revenue : refunds;
            // A spend takes from the wallet; a recharge and a refund put into it.
            const into = s.op === 'spend' ? -s.amount : s.amount;
            n += 1;
            return {
              idempotencyKey: `run-${run}-${n}`,
              kind: s.op,
              description: s.op,
              legs: [
                { accountId: wallet.id, amount: into },
                { accountId: other.id, amount: -into },
              ],
            };
          };
          // Each batch runs at once; the batches one after another.
          for (const batch of batches) {
            const requests = batch.map(request);
            const results = await Promise.all(requests.map((r) => transfer(exec, r)));
            results.forEach((result, i) => {
              const r = requests[i] as TransferRequest;
              if (!result.ok) {
                expect(result.error.code).toBe('insufficient-funds');
                return;
              }
              if (!sent.includes(r)) sent.push(r);
              // Two copies of one key in a batch: one applies, the other is its duplicate.
              if (result.value.duplicate) return;
              for (const leg of r.legs) expected.set(leg.accountId, (expected.get(leg.accountId) ?? 0) + leg.amount);
            });
          }
          for (const wallet of wallets) {
            const now = await ledgerAccount(exec, 'wallet', wallet.ownerRef);
            expect(now.balance).toBeGreaterThanOrEqual(0);
            expect(now.balance).toBe(expected.get(wallet.id) ?? 0);
            let running = 0;
            for (const line of await kardex(exec, wallet.id)) {
              running += line.amount;
              expect(line.balanceAfter).toBe(running);
            }
            expect(running).toBe(now.balance);
          }
          expect(await ledgerTotal(exec)).toBe(0);
        },
      ),
      { numRuns: 25 },
    );
  });
});
