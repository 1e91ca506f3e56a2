import type { ServerDatabase } from '../../src-server/db/open';
import { runInTransaction } from '../../src-server/db/transaction';
import { importBankFile } from '../../src-server/wallet/bank-files/import-bank-file';
import { writeAsobancaria } from '../../src-shared/wallet/asobancaria/write-asobancaria';
import type { Metrics } from '../suite';

/**
 * `wallet.bank_file_records_per_s`: a bank's Asobancaria file of `records` payments imported
 * (parse, duplicate checks, each liquidación locked and credited, every row the money path
 * writes), each payment for a liquidación of its own citizen — a new wallet and holder each, the
 * heaviest case. Beside it `wallet.bank_file_raw_rows_per_s`: the same number of rows of the
 * same width bulk-inserted in one transaction, the database's own limit on this machine; and
 * `wallet.bank_file_same_rows_raw_per_s`: every row the import wrote, written again into copies
 * of its tables with their indexes but no rules (sameRowsWithoutRules); and
 * `wallet.bank_file_ledger_only_per_s`: as many bare ledger transfers (two entries each, through
 * the ledger's triggers and checks) in one transaction — the part of the import no SQL of ours
 * can shorten.
 */
export async function measureBankFile(database: ServerDatabase, records: number): Promise<Metrics> {
  const exec = database.exec;
  await exec.query(
    `INSERT INTO liquidations (id, doc_type, doc_number, client, amount, state, recovery_code, expires_at)
     SELECT gen_random_uuid(), 'CC', (1000000000 + i)::text,
       jsonb_build_object('docType', 'CC', 'docNumber', (1000000000 + i)::text,
         'identity', jsonb_build_object('personKind', 'natural', 'firstSurname', 'Pérez', 'secondSurname', '',
           'firstName', 'Ana', 'secondName', ''),
         'contact', jsonb_build_object('email', 'ana' || i || '@example.com', 'mobile', '3001234567',
           'landline', null, 'address', 'Calle 10 # 5-20', 'municipality', 'Ibagué')),
       10000 + (i % 500) * 100, 'pendiente', 'b' || i, now() + interval '10 days'
     FROM generate_series(1, $1::int) AS i`,
    [records],
  );
  const { rows } = await exec.query<{ number: string; amount: string }>(
    'SELECT number, amount FROM liquidations ORDER BY number',
  );
  const text = writeAsobancaria({
    billerNit: '9001234568',
    collectedOn: new Date().toISOString().slice(0, 10),
    bankCode: '007',
    serviceCode: '7709998000018',
    payments: rows.map((r) => ({ reference: r.number, amount: Number(r.amount) })),
  });

  const started = performance.now();
  const summary = await importBankFile(exec, { fileName: 'bench.txt', text, importedBy: 'bench', now: new Date() });
  const seconds = (performance.now() - started) / 1000;
  if (summary.applied !== records) throw new Error(`bank file: ${summary.applied} of ${records} applied`);

  // The raw limit: the same rows, as wide as a bank record, in one transaction with no rules at all.
  await exec.query(
    'CREATE TABLE bench_bank_raw (id bigint PRIMARY KEY, reference text NOT NULL, amount bigint NOT NULL, raw_line text NOT NULL)',
  );
  const lines = text.split('\r\n');
  const rawStarted = performance.now();
  await runInTransaction(exec, async (tx) => {
    for (let i = 0; i < rows.length; i += 20_000) {
      const chunk = rows.slice(i, i + 20_000);
      await tx.query(
        `INSERT INTO bench_bank_raw (id, reference, amount, raw_line)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[])`,
        [
          chunk.map((r) => r.number),
          chunk.map((r) => r.number),
          chunk.map((r) => r.amount),
          chunk.map((_, k) => lines[i + k + 2] ?? ''),
        ],
      );
    }
  });
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  const sameRowsSeconds = await sameRowsWithoutRules(exec);

  // What the ledger's own rules cost: as many transfers of two entries each (between accounts of
  // their own, so no row is hot), inserted set-based in one transaction, committed.
  const ledgerStarted = performance.now();
  await runInTransaction(exec, async (tx) => {
    await tx.query(
      `INSERT INTO ledger_accounts (id, kind, owner_ref, may_go_negative)
       SELECT gen_random_uuid(), k, 'bench-ledger-' || i, k <> 'wallet'
       FROM generate_series(1, $1::int) AS i, unnest(ARRAY['bank-clearing', 'wallet']) AS k`,
      [records],
    );
    await tx.query(
      `CREATE TEMP TABLE bench_ledger ON COMMIT DROP AS
       SELECT gen_random_uuid() AS transfer_id, s.id AS source, w.id AS wallet
       FROM ledger_accounts s JOIN ledger_accounts w ON w.owner_ref = s.owner_ref AND w.kind = 'wallet'
       WHERE s.kind = 'bank-clearing' AND s.owner_ref LIKE 'bench-ledger-%'`,
    );
    // A transfer goes in with its entries, in one statement (docs/ledger.md).
    await tx.query(
      `WITH t AS (
         INSERT INTO ledger_transfers (id, idempotency_key, kind, description)
         SELECT transfer_id, 'bench:' || transfer_id, 'recarga', 'Recarga' FROM bench_ledger)
       INSERT INTO ledger_entries (transfer_id, account_id, amount, balance_after)
       SELECT transfer_id, account_id, amount, amount FROM (
         SELECT transfer_id, source AS account_id, -1000 AS amount, 1 AS leg FROM bench_ledger
         UNION ALL SELECT transfer_id, wallet, 1000, 2 FROM bench_ledger) legs
       ORDER BY transfer_id, leg`,
    );
  });
  const ledgerSeconds = (performance.now() - ledgerStarted) / 1000;
  return {
    bank_file_records_per_s: Math.round(records / seconds),
    bank_file_raw_rows_per_s: Math.round(records / rawSeconds),
    bank_file_same_rows_raw_per_s: Math.round(records / sameRowsSeconds),
    bank_file_ledger_only_per_s: Math.round(records / ledgerSeconds),
  };
}

/** The tables an import writes, and what it does to each (the liquidaciones are updated, the rest inserted). */
const importTables = [
  'bank_records',
  'ledger_transfers',
  'ledger_entries',
  'liquidation_payments',
  'ledger_accounts',
  'wallet_holders',
] as const;

/**
 * `wallet.bank_file_same_rows_raw_per_s`: every row the import just wrote, written again into
 * copies of its tables with the same columns and indexes but no foreign keys, triggers or
 * checks, and the liquidaciones updated the same way — in one transaction. The machine's own
 * limit for what one bank record must leave behind; no code of ours can be faster than it.
 */
async function sameRowsWithoutRules(exec: ServerDatabase['exec']): Promise<number> {
  for (const table of [...importTables, 'liquidations'])
    await exec.query(`CREATE TABLE bench_copy_${table} (LIKE ${table} INCLUDING DEFAULTS INCLUDING INDEXES)`);
  // The liquidaciones as they were before the import: pending, to be paid by the update below.
  await exec.query('INSERT INTO bench_copy_liquidations SELECT * FROM liquidations');
  await exec.query("UPDATE bench_copy_liquidations SET state = 'pendiente', paid_at = NULL, paid_via = NULL");
  const started = performance.now();
  await runInTransaction(exec, async (tx) => {
    for (const table of importTables) await tx.query(`INSERT INTO bench_copy_${table} SELECT * FROM ${table}`);
    await tx.query("UPDATE bench_copy_liquidations SET state = 'pagada', paid_at = now(), paid_via = 'bank'");
  });
  return (performance.now() - started) / 1000;
}
