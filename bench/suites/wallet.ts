import { parseArgs } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import { openServerDatabase, type ServerDatabase } from '../../src-server/db/open';
import { migrateServerDatabase } from '../../src-server/db/migrate';
import { ledgerAccount } from '../../src-server/ledger/ledger-accounts';
import { transfer } from '../../src-server/ledger/transfer';
import { createServerLogger } from '../../src-server/logger';
import { createScratchDatabase } from '../../tests/support/scratch-postgres';
import { tempDir } from '../../tests/support/temp-dir';
import { measureBankFile } from '../support/bank-file-measure';
import { countOption, Latencies } from '../support/latency';
import type { BenchContext, Metrics } from '../suite';

/**
 * `wallet`: the central server's ledger (docs/ledger.md), on PGlite and, with DATABASE_URL, on
 * PostgreSQL (`wallet.pg.*`).
 *
 * - `wallet.transfer_p99_ms`: one ledger transfer (a spend: two entries, the balance checks, the
 *   idempotency key) committed, one after another, beside `wallet.raw_insert_p99_ms`: one bare
 *   INSERT committed in its own transaction on the same database.
 * - `wallet.transfers_per_s`: 32 writers at once, each spending from its own wallet into one
 *   revenue account.
 * - `wallet.bank_file_records_per_s`: a bank's Asobancaria file of --bank-records payments
 *   imported (bench/support/bank-file-measure.ts), beside `wallet.bank_file_raw_rows_per_s`: the
 *   same rows bulk-inserted in one transaction with no rules, `wallet.bank_file_same_rows_raw_per_s`:
 *   every row the import wrote written again into rule-free copies of its tables (the machine's
 *   limit for what each record leaves behind), and `wallet.bank_file_ledger_only_per_s`: as many
 *   bare ledger transfers in one transaction (the ledger's own cost).
 *
 * Options: --transfers N (1000), --writers N (32), --bank-records N (100000).
 */
export const name = 'wallet';

export async function run(ctx: BenchContext): Promise<Metrics> {
  const { values } = parseArgs({
    args: [...ctx.args],
    strict: false,
    options: { transfers: { type: 'string' }, writers: { type: 'string' }, 'bank-records': { type: 'string' } },
  });
  const transfers = countOption(values, 'transfers', 1000);
  const writers = countOption(values, 'writers', 32);
  const bankRecords = countOption(values, 'bank-records', 100_000);
  const metrics: Metrics = {};
  const postgresUrl = ctx.env.DATABASE_URL?.trim() ?? '';
  for (const target of postgresUrl === '' ? ['pglite'] : ['pglite', 'postgres']) {
    const prefix = target === 'pglite' ? 'wallet.' : 'wallet.pg.';
    const dir = tempDir('bench-wallet');
    const scratch = target === 'postgres' ? await createScratchDatabase(postgresUrl, 'ventanilla_bench') : null;
    const database = await openServerDatabase(
      { dataDir: dir.path, databaseUrl: scratch?.url ?? null },
      { logger: createServerLogger('silent') },
    );
    try {
      await migrateServerDatabase(database.exec);
      ctx.log(`${target}: ${transfers} transferencias una tras otra…`);
      Object.assign(metrics, prefixed(prefix, await measure(database, transfers, writers)));
      ctx.log(`${target}: un archivo del banco de ${bankRecords} pagos…`);
      Object.assign(metrics, prefixed(prefix, await measureBankFile(database, bankRecords)));
    } finally {
      await database.close();
      await scratch?.drop();
      dir.remove();
    }
  }
  return metrics;
}

const prefixed = (prefix: string, m: Metrics): Metrics =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [`${prefix}${k}`, v]));

async function measure(database: ServerDatabase, transfers: number, writers: number): Promise<Metrics> {
  const exec = database.exec;
  const gateway = await ledgerAccount(exec, 'gateway-clearing');
  const revenue = await ledgerAccount(exec, 'certificate-revenue');
  const wallets = [];
  for (let w = 0; w < writers; w += 1) {
    const wallet = await ledgerAccount(exec, 'wallet', `bench-${w}`);
    const funded = await transfer(exec, {
      idempotencyKey: `fund-${w}`,
      kind: 'recarga',
      description: 'Recarga',
      legs: [
        { accountId: gateway.id, amount: -1_000_000_000 },
        { accountId: wallet.id, amount: 1_000_000_000 },
      ],
    });
    if (!funded.ok) throw new Error(funded.error.message);
    wallets.push(wallet);
  }
  const spend = async (walletId: string) => {
    const result = await transfer(exec, {
      idempotencyKey: uuidv7(),
      kind: 'compra',
      description: 'Certificado',
      legs: [
        { accountId: walletId, amount: -7_800 },
        { accountId: revenue.id, amount: 7_800 },
      ],
    });
    if (!result.ok) throw new Error(result.error.message);
  };

  const one = new Latencies();
  const first = wallets[0]?.id ?? '';
  for (let i = 0; i < transfers; i += 1) {
    const started = performance.now();
    await spend(first);
    one.add(performance.now() - started);
  }

  await exec.query('CREATE TABLE bench_raw (id uuid PRIMARY KEY, amount bigint NOT NULL)');
  const raw = new Latencies();
  for (let i = 0; i < transfers; i += 1) {
    const started = performance.now();
    await exec.query('INSERT INTO bench_raw (id, amount) VALUES ($1, $2)', [uuidv7(), i]);
    raw.add(performance.now() - started);
  }

  // Every writer spends from its own wallet; they meet only on the revenue account's row.
  const perWriter = Math.max(1, Math.floor(transfers / writers));
  const started = performance.now();
  await Promise.all(
    wallets.map(async (wallet) => {
      for (let i = 0; i < perWriter; i += 1) await spend(wallet.id);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    transfer_p99_ms: Math.round(one.percentile(99) * 1000) / 1000,
    raw_insert_p99_ms: Math.round(raw.percentile(99) * 1000) / 1000,
    transfers_per_s: Math.round((perWriter * writers) / seconds),
  };
}
