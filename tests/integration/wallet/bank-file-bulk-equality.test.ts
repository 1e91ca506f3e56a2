import { expect, it } from 'vitest';
import type { SqlExecutor } from '../../../src-server/db/sql-executor';
import { runInTransaction } from '../../../src-server/db/transaction';
import { ledgerTotal } from '../../../src-server/ledger/kardex';
import { applyLiquidationPayment } from '../../../src-server/wallet/apply-payment';
import { bulkApplierWith } from '../../../src-server/wallet/bank-files/bank-payments-in-bulk';
import { oneByOneApplier } from '../../../src-server/wallet/bank-files/bank-payments-one-by-one';
import type { BankRecordsApplier } from '../../../src-server/wallet/bank-files/bank-records-applier';
import { importBankFile, importBankFileWith } from '../../../src-server/wallet/bank-files/import-bank-file';
import { bankFile, openTestServerDatabase } from '../../support/bank-file-fixtures';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { createTestLiquidation, testHolder } from '../../support/wallet-fixtures';

/**
 * The bulk writer of bank payments against THE money path: the same files imported through
 * applyLiquidationPayment one record at a time, and set-based, must leave the same rows — wallets'
 * kardex line for line, payments, liquidaciones, holders, reviews, bank records — whether the
 * file's transfers go in one statement or in several (a large file's chunks, each one starting
 * from the balances the one before left).
 */
const now = new Date('2026-01-16T14:00:00Z');

async function scenario(variant: DatabaseVariant, applier: BankRecordsApplier | null) {
  const { database } = await openTestServerDatabase(variant);
  const exec = database.exec;
  const make = (amount: number, docNumber: string, more: Partial<Parameters<typeof createTestLiquidation>[1]> = {}) =>
    createTestLiquidation(exec, { amount, docType: 'CC', docNumber, ...more });
  const paid = await make(50_000, '100');
  const sameWallet = await make(20_000, '100');
  const expired = await make(30_000, '200', { state: 'vencida', expiresAt: new Date('2026-01-01T05:00:00Z') });
  const annulled = await make(15_000, '300', { state: 'anulada' });
  const atCounter = await make(40_000, '400');
  const company = await createTestLiquidation(exec, {
    amount: 70_000,
    docType: 'NIT',
    docNumber: '9001234568',
    client: {
      ...testHolder('NIT', '9001234568'),
      identity: { personKind: 'juridica', businessName: 'Ferretería El Tornillo S.A.S.' },
    },
  });
  const mismatch = await make(10_000, '500');
  const later = await make(25_000, '600');
  // A holder who already has a wallet keeps the data it has.
  await exec.query(
    `INSERT INTO wallet_holders (id, doc_type, doc_number, person_kind, identity, email, mobile, address, municipality)
     VALUES (gen_random_uuid(), 'CC', '200', 'natural', $1, 'antes@example.com', '3000000000', 'Carrera 1', 'Ibagué')`,
    [JSON.stringify(testHolder('CC', '200').identity)],
  );
  await runInTransaction(exec, (tx) =>
    applyLiquidationPayment(tx, {
      liquidationId: atCounter.id,
      channel: 'counter',
      sourceKey: 'counter:evt-1',
      amount: 40_000,
      source: { kind: 'cash-session', ownerRef: 'sesion-1' },
      at: new Date('2026-01-14T15:00:00Z'),
    }),
  );
  const first = bankFile([
    { reference: paid.number, amount: 50_000, office: '0042' },
    { reference: sameWallet.number, amount: 20_000 },
    { reference: expired.number, amount: 30_000 },
    { reference: annulled.number, amount: 15_000 },
    { reference: atCounter.number, amount: 40_000 },
    { reference: company.number, amount: 70_000, lotNumber: '2' },
    { reference: company.number, amount: 70_000, lotNumber: '2' },
    { reference: mismatch.number, amount: 9_000 },
    { reference: 999_999, amount: 12_000 },
    { reference: paid.number, amount: 50_000, office: '0042', sequence: 2 },
  ]);
  const second = bankFile(
    [
      { reference: paid.number, amount: 50_000, office: '0042' },
      { reference: later.number, amount: 25_000 },
    ],
    { modifier: 'B' },
  );
  const run = (fileName: string, text: string) => {
    const input = { fileName, text, importedBy: 'admin-cli', now };
    return applier === null ? importBankFile(exec, input) : importBankFileWith(exec, input, applier);
  };
  const summaries = [await run('a.txt', first), await run('b.txt', second)].map((s) => ({ ...s, file: undefined }));
  return { exec, summaries };
}

async function rows(exec: SqlExecutor, sql: string): Promise<unknown[]> {
  return (await exec.query(sql)).rows.map((r) => JSON.parse(JSON.stringify(r)) as unknown);
}

/** Everything an import writes, without the ids and clock times the database draws itself. */
async function snapshot(exec: SqlExecutor) {
  return {
    liquidations: await rows(exec, 'SELECT number, state, paid_at, paid_via FROM liquidations ORDER BY number'),
    payments: await rows(
      exec,
      `SELECT l.number, p.channel, p.source_key, p.amount, p.outcome, p.received_at, t.idempotency_key, t.kind, t.description
       FROM liquidation_payments p JOIN liquidations l ON l.id = p.liquidation_id JOIN ledger_transfers t ON t.id = p.transfer_id
       ORDER BY p.source_key`,
    ),
    accounts: await rows(
      exec,
      `SELECT kind, owner_ref, may_go_negative, balance FROM ledger_accounts ORDER BY kind, owner_ref`,
    ),
    kardex: await rows(
      exec,
      `SELECT a.kind, a.owner_ref, t.idempotency_key, t.kind AS transfer_kind, t.description, e.amount, e.balance_after
       FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id JOIN ledger_transfers t ON t.id = e.transfer_id
       ORDER BY a.kind, a.owner_ref, e.id`,
    ),
    holders: await rows(
      exec,
      `SELECT doc_type, doc_number, person_kind, identity, email, mobile, landline, address, municipality
       FROM wallet_holders ORDER BY doc_type, doc_number`,
    ),
    reviews: await rows(
      exec,
      `SELECT r.kind, r.channel, r.source_key, l.number, r.amount, r.raw, r.details, r.resolved_at
       FROM wallet_reviews r LEFT JOIN liquidations l ON l.id = r.liquidation_id ORDER BY r.kind, r.source_key`,
    ),
    bankRecords: await rows(
      exec,
      `SELECT f.file_name, b.line_number, b.record_key, b.reference, b.amount, b.raw_line, b.outcome, l.number
       FROM bank_records b JOIN bank_files f ON f.id = b.file_id LEFT JOIN liquidations l ON l.id = b.liquidation_id
       ORDER BY f.file_name, b.line_number`,
    ),
    ledgerTotal: await ledgerTotal(exec),
  };
}

describeEachServerDatabase('bank file: the bulk writer equals the money path', (variant) => {
  it('writes row for row what applyLiquidationPayment and recordReview write, record by record', async () => {
    const reference = await scenario(variant, oneByOneApplier);
    const bulk = await scenario(variant, null);
    expect(bulk.summaries).toEqual(reference.summaries);
    expect(reference.summaries).toEqual([
      { records: 10, applied: 7, duplicates: 1, unknownReference: 1, amountMismatch: 1, rejected: null },
      { records: 2, applied: 1, duplicates: 1, unknownReference: 0, amountMismatch: 0, rejected: null },
    ]);
    const expected = await snapshot(reference.exec);
    expect(await snapshot(bulk.exec)).toEqual(expected);
    expect(expected.reviews.map((r) => (r as { kind: string }).kind)).toEqual([
      'amount-mismatch',
      'paid-after-expiry',
      'paid-after-expiry',
      'paid-twice',
      'paid-twice',
      'unknown-reference',
    ]);
  });

  it('in statements of a few payments each, chains every balance across them the same', async () => {
    const reference = await scenario(variant, oneByOneApplier);
    const chunked = await scenario(variant, bulkApplierWith({ rowsPerStatement: 2 }));
    expect(chunked.summaries).toEqual(reference.summaries);
    expect(await snapshot(chunked.exec)).toEqual(await snapshot(reference.exec));
  });
});
