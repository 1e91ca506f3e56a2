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
    bank_file_ledger_only_per_s: Math.round(records / ledgerSeconds),
  };
}
