import { expect, it } from 'vitest';
import { formatCop } from '../../../src-shared/domain/money';
import { applyLiquidationPayment } from '../../../src-server/wallet/apply-payment';
import { runInTransaction } from '../../../src-server/db/transaction';
import { importBankFile } from '../../../src-server/wallet/bank-files/import-bank-file';
import { balanceOf, bankFile, countRows, openTestServerDatabase } from '../../support/bank-file-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { createTestLiquidation } from '../../support/wallet-fixtures';

/**
 * Reconciling a bank's Asobancaria file (issue 13, item 4; docs/bank-files.md): what reaches the
 * wallets, the liquidaciones and the staff's reviews — and what never does twice.
 */
const now = new Date('2026-01-16T14:00:00Z');
const importing = (fileName: string, text: string) => ({ fileName, text, importedBy: 'admin-cli', now });

describeEachServerDatabase('bank file import', (variant) => {
  it('credits each wallet once, marks its liquidación paid, and keeps the record', async () => {
    const { database } = await openTestServerDatabase(variant);
    const exec = database.exec;
    const a = await createTestLiquidation(exec, { amount: 50_000, docType: 'CC', docNumber: '1020304050' });
    const b = await createTestLiquidation(exec, { amount: 120_000, docType: 'NIT', docNumber: '9001234568' });
    const text = bankFile([
      { reference: String(a.number).padStart(10, '0'), amount: 50_000, office: '0042' },
      { reference: b.number, amount: 120_000 },
    ]);

    const summary = await importBankFile(exec, importing('recaudo-0115.txt', text));

    expect(summary).toMatchObject({
      records: 2,
      applied: 2,
      duplicates: 0,
      unknownReference: 0,
      amountMismatch: 0,
      rejected: null,
      file: { name: 'recaudo-0115.txt', bankCode: '007', collectedOn: '2026-01-15', totalAmount: 170_000 },
    });
    expect(await balanceOf(exec, 'wallet', 'CC 1020304050')).toBe(50_000);
    expect(await balanceOf(exec, 'wallet', 'NIT 9001234568')).toBe(120_000);
    expect(await balanceOf(exec, 'bank-clearing', '007')).toBe(-170_000);
    const { rows } = await exec.query<{ number: string; state: string; paid_via: string }>(
      'SELECT number, state, paid_via FROM liquidations ORDER BY number',
    );
    expect(rows.map((r) => [Number(r.number), r.state, r.paid_via])).toEqual([
      [a.number, 'pagada', 'bank'],
      [b.number, 'pagada', 'bank'],
    ]);
    const records = await exec.query<{ outcome: string; line_number: number; reference: string; record_key: string }>(
      'SELECT outcome, line_number, reference, record_key FROM bank_records ORDER BY line_number',
    );
    expect(records.rows.map((r) => [r.outcome, r.line_number, r.reference])).toEqual([
      ['applied', 3, String(a.number)],
      ['applied', 4, String(b.number)],
    ]);
    expect(records.rows[0]?.record_key).toBe(`007:2026-01-15:0042:0000002:${a.number}:50000`);
    expect(await countRows(exec, 'wallet_holders')).toBe(2);
    expect(await countRows(exec, 'wallet_reviews')).toBe(0);
    const stored = await exec.query<{ summary: unknown }>('SELECT summary FROM bank_files');
    expect(stored.rows[0]?.summary).toEqual(summary);
  });

  it('applies nothing from a file imported before, and says when it was', async () => {
    const { database } = await openTestServerDatabase(variant);
    const exec = database.exec;
    const a = await createTestLiquidation(exec, { amount: 50_000, docType: 'CC', docNumber: '1020304050' });
    const text = bankFile([{ reference: a.number, amount: 50_000 }]);
    const first = await importBankFile(exec, importing('a.txt', text));
    expect(first.applied).toBe(1);

    const again = await importBankFile(exec, { ...importing('otro-nombre.txt', text), now: new Date() });
    expect(again).toMatchObject({ records: 1, applied: 0, duplicates: 1, rejected: null });
    expect(again.file.id).toBeNull();
    expect(again.file.importedBefore).toBe(now.toISOString());
    expect(await balanceOf(exec, 'wallet', 'CC 1020304050')).toBe(50_000);
    expect(await countRows(exec, 'bank_files')).toBe(1);
    expect(await countRows(exec, 'liquidation_payments')).toBe(1);
  });

  it('counts a record that came in an earlier file as a duplicate, and applies the new ones', async () => {
    const { database } = await openTestServerDatabase(variant);
    const exec = database.exec;
    const a = await createTestLiquidation(exec, { amount: 50_000, docType: 'CC', docNumber: '1020304050' });
    const b = await createTestLiquidation(exec, { amount: 70_000, docType: 'CC', docNumber: '52000111' });
    await importBankFile(exec, importing('a.txt', bankFile([{ reference: a.number, amount: 50_000 }])));

    // The bank's corrected file of the same day: the first payment again, and one it had left out.
    const corrected = bankFile(
      [
        { reference: a.number, amount: 50_000 },
        { reference: b.number, amount: 70_000 },
      ],
      { modifier: 'B', fileTime: '09:15' },
    );
    const summary = await importBankFile(exec, importing('b.txt', corrected));
    expect(summary).toMatchObject({ records: 2, applied: 1, duplicates: 1 });
    expect(await balanceOf(exec, 'wallet', 'CC 1020304050')).toBe(50_000);
    expect(await balanceOf(exec, 'wallet', 'CC 52000111')).toBe(70_000);
    expect(await countRows(exec, 'bank_records')).toBe(2);

    // The same line twice in one file is one payment.
    const c = await createTestLiquidation(exec, { amount: 9_000, docType: 'CC', docNumber: '52000112' });
    const twice = bankFile(
      [
        { reference: c.number, amount: 9_000, sequence: 9 },
        { reference: c.number, amount: 9_000, sequence: 9 },
      ],
      { collectedOn: '2026-01-16' },
    );
    const third = await importBankFile(exec, importing('c.txt', twice));
    expect(third).toMatchObject({ records: 2, applied: 1, duplicates: 1 });
    expect(await balanceOf(exec, 'wallet', 'CC 52000112')).toBe(9_000);
  });

  it('parks an unknown reference and a wrong amount for staff with the raw line, moving no money', async () => {
    const { database } = await openTestServerDatabase(variant);
    const exec = database.exec;
    const a = await createTestLiquidation(exec, { amount: 50_000, docType: 'CC', docNumber: '1020304050' });
    const text = bankFile([
      { reference: 999_999_999, amount: 30_000 },
      { reference: a.number, amount: 45_000 },
      { reference: 'ABC123', amount: 10_000 },
    ]);
    const summary = await importBankFile(exec, importing('a.txt', text));
    expect(summary).toMatchObject({ records: 3, applied: 0, unknownReference: 2, amountMismatch: 1 });

    expect(await balanceOf(exec, 'wallet', 'CC 1020304050')).toBe(0);
    expect(await balanceOf(exec, 'bank-clearing', '007')).toBe(0);
    expect(await countRows(exec, 'liquidation_payments')).toBe(0);
    expect(await countRows(exec, 'liquidations', `state = 'pendiente'`)).toBe(1);
    const lines = text.split('\r\n');
    const reviews = await exec.query<{
      kind: string;
      channel: string;
      amount: string;
      raw: string;
      liquidation_id: string | null;
      details: { line: number; note: string };
    }>(
      "SELECT kind, channel, amount, raw, liquidation_id, details FROM wallet_reviews ORDER BY (details->>'line')::int",
    );
    expect(
      reviews.rows.map((r) => [r.kind, r.channel, Number(r.amount), r.raw, r.liquidation_id, r.details.line]),
    ).toEqual([
      ['unknown-reference', 'bank', 30_000, lines[2], null, 3],
      ['amount-mismatch', 'bank', 45_000, lines[3], a.id, 4],
      ['unknown-reference', 'bank', 10_000, lines[4], null, 5],
    ]);
    expect(reviews.rows[1]?.details.note).toBe(
      `El banco recibió ${formatCop(45_000)} para la liquidación ${a.number}, que es por ${formatCop(50_000)}: quedaron sin aplicar.`,
    );
    const outcomes = await exec.query<{ outcome: string }>('SELECT outcome FROM bank_records ORDER BY line_number');
    expect(outcomes.rows.map((r) => r.outcome)).toEqual(['unknown-reference', 'amount-mismatch', 'unknown-reference']);
  });

  it('credits an expired or annulled liquidación and flags it for staff', async () => {
    const { database } = await openTestServerDatabase(variant);
    const exec = database.exec;
    const expired = await createTestLiquidation(exec, {
      amount: 50_000,
      docType: 'CC',
      docNumber: '1020304050',
      state: 'vencida',
      expiresAt: new Date('2026-01-10T05:00:00Z'),
    });
    // Still pendiente (no job marked it) but its time had passed when the bank took the money.
    const lapsed = await createTestLiquidation(exec, {
      amount: 20_000,
      docType: 'CC',
      docNumber: '1020304050',
      expiresAt: new Date('2026-01-14T05:00:00Z'),
    });
    // Due the very day the bank collected: paid in time.
    const lastDay = await createTestLiquidation(exec, {
      amount: 10_000,
      docType: 'CC',
      docNumber: '1020304050',
      expiresAt: new Date('2026-01-15T23:00:00Z'),
    });
    const annulled = await createTestLiquidation(exec, {
      amount: 5_000,
      docType: 'CC',
      docNumber: '1020304050',
      state: 'anulada',
    });
    const summary = await importBankFile(
      exec,
      importing(
        'a.txt',
        bankFile([
          { reference: expired.number, amount: 50_000 },
          { reference: lapsed.number, amount: 20_000 },
          { reference: lastDay.number, amount: 10_000 },
          { reference: annulled.number, amount: 5_000 },
        ]),
      ),
    );
    expect(summary.applied).toBe(4);
    expect(await balanceOf(exec, 'wallet', 'CC 1020304050')).toBe(85_000);
    const payments = await exec.query<{ number: string; outcome: string; state: string }>(
      `SELECT l.number, p.outcome, l.state FROM liquidation_payments p JOIN liquidations l ON l.id = p.liquidation_id ORDER BY l.number`,
    );
    expect(payments.rows.map((r) => [Number(r.number), r.outcome, r.state])).toEqual([
      [expired.number, 'late', 'pagada'],
      [lapsed.number, 'late', 'pagada'],
      [lastDay.number, 'paid', 'pagada'],
      [annulled.number, 'late', 'pagada'],
    ]);
    const reviews = await exec.query<{ kind: string; note: string }>(
      `SELECT kind, details->>'note' AS note FROM wallet_reviews ORDER BY (details->>'liquidationNumber')::int`,
    );
    expect(reviews.rows).toEqual([
      {
        kind: 'paid-after-expiry',
        note: `La liquidación ${expired.number} estaba vencida cuando se pagó: se abonó al prepago.`,
      },
      {
        kind: 'paid-after-expiry',
        note: `La liquidación ${lapsed.number} estaba vencida cuando se pagó: se abonó al prepago.`,
      },
      {
        kind: 'paid-after-expiry',
        note: `La liquidación ${annulled.number} estaba anulada cuando se pagó: se abonó al prepago.`,
      },
    ]);
  });

  it('keeps a second payment through another channel as balance, flagged: never lost', async () => {
    const { database } = await openTestServerDatabase(variant);
    const exec = database.exec;
    const a = await createTestLiquidation(exec, { amount: 50_000, docType: 'CC', docNumber: '1020304050' });
    const atCounter = await runInTransaction(exec, (tx) =>
      applyLiquidationPayment(tx, {
        liquidationId: a.id,
        channel: 'counter',
        sourceKey: 'counter:evt-1',
        amount: 50_000,
        source: { kind: 'cash-session', ownerRef: 'session-1' },
        at: new Date('2026-01-14T15:00:00Z'),
      }),
    );
    expect(atCounter.ok && atCounter.value.outcome).toBe('paid');

    const summary = await importBankFile(exec, importing('a.txt', bankFile([{ reference: a.number, amount: 50_000 }])));
    expect(summary.applied).toBe(1);
    expect(await balanceOf(exec, 'wallet', 'CC 1020304050')).toBe(100_000);
    const payments = await exec.query<{ channel: string; outcome: string }>(
      'SELECT channel, outcome FROM liquidation_payments ORDER BY received_at',
    );
    expect(payments.rows).toEqual([
      { channel: 'counter', outcome: 'paid' },
      { channel: 'bank', outcome: 'extra' },
    ]);
    const paid = await exec.query<{ paid_via: string }>('SELECT paid_via FROM liquidations');
    expect(paid.rows[0]?.paid_via).toBe('counter');
    const reviews = await exec.query<{ kind: string; channel: string; note: string }>(
      `SELECT kind, channel, details->>'note' AS note FROM wallet_reviews`,
    );
    expect(reviews.rows).toEqual([
      {
        kind: 'paid-twice',
        channel: 'bank',
        note: `La liquidación ${a.number} ya estaba pagada: ${formatCop(50_000)} quedaron como saldo del prepago.`,
      },
    ]);
  });

  it('refuses a file of another convenio (another GLN) when the wallet names its own', async () => {
    const { database } = await openTestServerDatabase(variant);
    const exec = database.exec;
    const a = await createTestLiquidation(exec, { amount: 50_000, docType: 'CC', docNumber: '1020304050' });
    const foreign = bankFile([{ reference: a.number, amount: 50_000 }], { serviceCode: '7709998000421' });
    const summary = await importBankFile(exec, { ...importing('otro.txt', foreign), serviceCodes: ['7709998000018'] });
    expect(summary.rejected).toEqual({
      line: 2,
      message:
        'Línea 2: el lote 0001 es del servicio 7709998000421, no del recaudo del prepago (7709998000018): este archivo es de otro convenio.',
    });
    expect(summary).toMatchObject({ applied: 0, file: { bankCode: '007', id: null } });
    expect(await countRows(exec, 'bank_files')).toBe(0);
    expect(await countRows(exec, 'liquidation_payments')).toBe(0);

    const ours = bankFile([{ reference: a.number, amount: 50_000 }]);
    expect((await importBankFile(exec, { ...importing('a.txt', ours), serviceCodes: ['7709998000018'] })).applied).toBe(
      1,
    );
  });

  it('refuses a damaged file whole, with its line, writing nothing', async () => {
    const { database } = await openTestServerDatabase(variant);
    const exec = database.exec;
    const a = await createTestLiquidation(exec, { amount: 50_000, docType: 'CC', docNumber: '1020304050' });
    const good = bankFile([
      { reference: a.number, amount: 50_000 },
      { reference: a.number + 1, amount: 1_000 },
    ]);
    const lines = good.split('\r\n');
    // The lot control claims one peso more than its records.
    lines[4] = (lines[4] ?? '').replace('0000000005100000', '0000000005100100');
    const summary = await importBankFile(exec, importing('a.txt', lines.join('\r\n')));
    expect(summary.rejected).toEqual({
      line: 5,
      message: 'Línea 5: el control del lote 0001 dice un total de $ 51.001,00, pero sus registros suman $ 51.000,00.',
    });
    expect(summary).toMatchObject({ records: 0, applied: 0 });
    for (const table of ['bank_files', 'bank_records', 'liquidation_payments', 'ledger_transfers', 'wallet_reviews'])
      expect(await countRows(exec, table), table).toBe(0);
  });
});
