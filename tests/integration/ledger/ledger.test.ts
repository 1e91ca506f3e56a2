import { expect, it } from 'vitest';
import { ledgerAccount } from '../../../src-server/ledger/ledger-accounts';
import { kardex, ledgerTotal } from '../../../src-server/ledger/kardex';
import { transfer } from '../../../src-server/ledger/transfer';
import type { SqlExecutor } from '../../../src-server/db/sql-executor';
import { runInTransaction } from '../../../src-server/db/transaction';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer } from '../../support/server-harness';

/**
 * The wallet's double-entry ledger (issue 13, item 1; docs/ledger.md): integer pesos, entries
 * nobody may change, one transfer per idempotency key, wallets never below zero, every account
 * summing to zero — held by the database, so the refusals below go around the code too.
 */
const count = async (exec: SqlExecutor, table: string): Promise<number> =>
  Number((await exec.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

async function ledger(variant: Parameters<typeof startTestServer>[0]) {
  const t = await startTestServer(variant, { logLevel: 'silent' });
  const exec = t.server.database.exec;
  const wallet = await ledgerAccount(exec, 'wallet', 'CC-1098765432');
  const gateway = await ledgerAccount(exec, 'gateway-clearing');
  const revenue = await ledgerAccount(exec, 'certificate-revenue');
  /** A recharge of the wallet from the gateway, under key `r`. */
  const recharge = (amount: number) =>
    transfer(exec, {
      idempotencyKey: 'r',
      kind: 'recarga',
      description: 'Recarga',
      legs: [
        { accountId: gateway.id, amount: -amount },
        { accountId: wallet.id, amount },
      ],
    });
  /** A certificate bought from the wallet, under `key`. */
  const spend = (key: string, amount: number) =>
    transfer(exec, {
      idempotencyKey: key,
      kind: 'compra',
      description: 'Certificado',
      legs: [
        { accountId: wallet.id, amount: -amount },
        { accountId: revenue.id, amount },
      ],
    });
  return { exec, wallet, gateway, revenue, recharge, spend };
}

describeEachServerDatabase('wallet ledger', (variant) => {
  it('moves whole pesos between accounts once per key, with a kardex of running balances', async () => {
    const { exec, wallet, gateway, revenue } = await ledger(variant);
    const recharge = {
      idempotencyKey: 'wompi:evt-1',
      kind: 'recarga',
      description: 'Recarga en línea',
      legs: [
        { accountId: gateway.id, amount: -50_000 },
        { accountId: wallet.id, amount: 50_000 },
      ],
    };
    expect(await transfer(exec, recharge)).toMatchObject({ ok: true, value: { duplicate: false } });
    // The gateway sends the same event again: answered, nothing moves.
    expect(await transfer(exec, recharge)).toMatchObject({ ok: true, value: { duplicate: true } });
    // The same key with other amounts is refused, not applied.
    const forged = { ...recharge, legs: recharge.legs.map((l) => ({ ...l, amount: l.amount * 2 })) };
    expect(await transfer(exec, forged)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const spend = {
      idempotencyKey: 'compra-1',
      kind: 'compra',
      description: 'Certificado de existencia',
      legs: [
        { accountId: wallet.id, amount: -7_800 },
        { accountId: revenue.id, amount: 7_800 },
      ],
    };
    expect(await transfer(exec, spend)).toMatchObject({ ok: true });

    expect((await ledgerAccount(exec, 'wallet', 'CC-1098765432')).balance).toBe(42_200);
    expect((await kardex(exec, wallet.id)).map((l) => [l.kind, l.amount, l.balanceAfter])).toEqual([
      ['recarga', 50_000, 50_000],
      ['compra', -7_800, 42_200],
    ]);
    expect(await ledgerTotal(exec)).toBe(0);
    expect(await count(exec, 'ledger_transfers')).toBe(2);
  });

  it('refuses what does not add up before writing: one leg, zero, fractions, a sum that is not zero', async () => {
    const { exec, wallet, gateway } = await ledger(variant);
    const legs = (a: number, b: number) => [
      { accountId: gateway.id, amount: a },
      { accountId: wallet.id, amount: b },
    ];
    const base = { idempotencyKey: 'k', kind: 'recarga', description: 'Recarga' };
    for (const bad of [
      [{ accountId: wallet.id, amount: 100 }],
      legs(-100, 0),
      legs(-100.5, 100.5),
      legs(-100, 99),
      [
        { accountId: wallet.id, amount: -100 },
        { accountId: wallet.id, amount: 100 },
      ],
    ]) {
      expect(await transfer(exec, { ...base, legs: bad })).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(await count(exec, 'ledger_transfers')).toBe(0);
  });

  it('never lets a wallet go below zero, and writes nothing of a refused spend', async () => {
    const { exec, recharge, spend } = await ledger(variant);
    await recharge(5_000);
    const overdraft = await spend('s', 5_001);
    expect(overdraft).toMatchObject({ ok: false, error: { code: 'insufficient-funds' } });
    expect(await count(exec, 'ledger_transfers')).toBe(1);
    expect(await count(exec, 'ledger_entries')).toBe(2);
    expect((await ledgerAccount(exec, 'wallet', 'CC-1098765432')).balance).toBe(5_000);
  });

  it('refuses changes that go around the code: entries and transfers never change, balances move only with entries', async () => {
    const { exec, wallet, recharge } = await ledger(variant);
    await recharge(5_000);
    for (const statement of [
      'UPDATE ledger_entries SET amount = amount * 10',
      'DELETE FROM ledger_entries',
      'TRUNCATE ledger_entries CASCADE',
      "UPDATE ledger_transfers SET description = 'otra'",
      'DELETE FROM ledger_transfers',
      'UPDATE ledger_accounts SET balance = 1000000',
      "UPDATE ledger_accounts SET owner_ref = 'CC-1' WHERE kind = 'wallet'",
      'UPDATE ledger_accounts SET may_go_negative = true',
      'DELETE FROM ledger_accounts',
    ]) {
      await expect(exec.query(statement), statement).rejects.toThrow();
    }
    // Entries written by hand that do not sum to zero fail when their transaction commits.
    await expect(
      runInTransaction(exec, async (tx) => {
        await tx.query(
          "INSERT INTO ledger_transfers (id, idempotency_key, kind, description) VALUES ('00000000-0000-7000-8000-000000000001', 'x', 'recarga', 'a mano')",
        );
        await tx.query(
          "INSERT INTO ledger_entries (transfer_id, account_id, amount) VALUES ('00000000-0000-7000-8000-000000000001', $1, 900000)",
          [wallet.id],
        );
      }),
    ).rejects.toThrow(/no cuadra/);
    expect((await ledgerAccount(exec, 'wallet', 'CC-1098765432')).balance).toBe(5_000);
    expect(await ledgerTotal(exec)).toBe(0);
    expect(await count(exec, 'ledger_entries')).toBe(2);
  });

  it('refuses entries written by hand that break a rule of the statement: a split transfer, a wrong or out-of-order running balance, a wallet below zero midway', async () => {
    const { exec, wallet, gateway, revenue, recharge } = await ledger(variant);
    await recharge(5_000);
    const id = (n: number) => `00000000-0000-7000-8000-00000000000${n}`;
    /** A transfer and its entries in one statement, as the writers do: [account, amount, balance_after]. */
    const write = (n: number, legs: [string, number, number][]) =>
      exec.query(
        `WITH t AS (INSERT INTO ledger_transfers (id, idempotency_key, kind, description) VALUES ($1, $5, 'compra', 'a mano'))
         INSERT INTO ledger_entries (transfer_id, account_id, amount, balance_after)
         SELECT $1, a, m, b FROM unnest($2::uuid[], $3::bigint[], $4::bigint[]) WITH ORDINALITY AS u(a, m, b, o) ORDER BY o`,
        [id(n), legs.map((l) => l[0]), legs.map((l) => l[1]), legs.map((l) => l[2]), `a-mano-${n}`],
      );
    const refusals: [string, () => Promise<unknown>, RegExp][] = [
      [
        'balance_after that is not the running balance',
        () =>
          write(1, [
            [wallet.id, -1_000, 9_000],
            [revenue.id, 1_000, 1_000],
          ]),
        /dice saldo/,
      ],
      [
        'a wallet below zero midway, even if the statement ends above it',
        () =>
          write(2, [
            [wallet.id, -6_000, -1_000],
            [wallet.id, 6_000, 5_000],
          ]),
        /saldo no alcanza/,
      ],
      [
        'a spend beyond the balance',
        () =>
          write(3, [
            [wallet.id, -6_000, -1_000],
            [revenue.id, 6_000, 6_000],
          ]),
        /saldo no alcanza/,
      ],
    ];
    for (const [what, attempt, message] of refusals) await expect(attempt(), what).rejects.toThrow(message);
    // The other leg in a second statement of the same transaction: the transfer is not whole.
    await expect(
      runInTransaction(exec, async (tx) => {
        await tx.query(
          `WITH t AS (INSERT INTO ledger_transfers (id, idempotency_key, kind, description) VALUES ($1, 'a-mano-4', 'compra', 'a mano'))
           INSERT INTO ledger_entries (transfer_id, account_id, amount, balance_after) VALUES ($1, $2, -1000, 4000)`,
          [id(4), wallet.id],
        );
        await tx.query(
          'INSERT INTO ledger_entries (transfer_id, account_id, amount, balance_after) VALUES ($1, $2, 1000, 1000)',
          [id(4), revenue.id],
        );
      }),
    ).rejects.toThrow(/no cuadra/);
    // An id drawn before a later transfer's, used after it: the wallet's chain would run out of order.
    const { rows: drawn } = await exec.query<{ id: string }>("SELECT nextval('ledger_entries_id_seq') AS id");
    // A right transfer, then entries added to it later: refused, the first stays whole.
    await write(5, [
      [wallet.id, -1_000, 4_000],
      [revenue.id, 1_000, 1_000],
    ]);
    await expect(
      exec.query(
        `INSERT INTO ledger_entries (transfer_id, account_id, amount, balance_after)
         VALUES ($1, $2, -500, 3500), ($1, $3, 500, 500)`,
        [id(5), wallet.id, gateway.id],
      ),
    ).rejects.toThrow(/no cuadra/);
    await expect(
      exec.query(
        `WITH t AS (INSERT INTO ledger_transfers (id, idempotency_key, kind, description) VALUES ($1, 'a-mano-6', 'compra', 'a mano'))
         INSERT INTO ledger_entries (id, transfer_id, account_id, amount, balance_after)
         VALUES ($4, $1, $2, -1000, 3000), ($4 + 1000000, $1, $3, 1000, 2000)`,
        [id(6), wallet.id, revenue.id, Number(drawn[0]?.id)],
      ),
    ).rejects.toThrow(/fuera de orden/);
    expect((await ledgerAccount(exec, 'wallet', 'CC-1098765432')).balance).toBe(4_000);
    expect((await ledgerAccount(exec, 'certificate-revenue')).balance).toBe(1_000);
    expect(await ledgerTotal(exec)).toBe(0);
    expect(await count(exec, 'ledger_entries')).toBe(4);
  });

  it('lets exactly one of two spends at the same moment through when the balance covers one', async () => {
    const { exec, recharge, spend } = await ledger(variant);
    await recharge(10_000);
    const results = await Promise.all([spend('kiosco-1', 7_000), spend('kiosco-2', 7_000)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'insufficient-funds')).toHaveLength(1);
    expect((await ledgerAccount(exec, 'wallet', 'CC-1098765432')).balance).toBe(3_000);
    expect(await ledgerTotal(exec)).toBe(0);
  });
});
