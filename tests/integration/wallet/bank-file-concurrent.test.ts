import { expect, it } from 'vitest';
import { importBankFile } from '../../../src-server/wallet/bank-files/import-bank-file';
import { balanceOf, bankFile, countRows, openTestServerDatabase } from '../../support/bank-file-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { createTestLiquidation } from '../../support/wallet-fixtures';

/**
 * Two imports at the same moment — an operator's command and a supervisor's upload of the same
 * file, or of two files that share payments: each payment is credited once, and the counts say
 * which import applied it.
 */
const now = new Date('2026-01-16T14:00:00Z');

describeEachServerDatabase('bank file: imports at the same moment', (variant) => {
  it('applies one file uploaded twice at once exactly once', async () => {
    const { database } = await openTestServerDatabase(variant);
    const exec = database.exec;
    const owed = [];
    for (let i = 0; i < 20; i += 1) {
      const { number } = await createTestLiquidation(exec, { amount: 1_000 + i, docType: 'CC', docNumber: `7${i}` });
      owed.push({ reference: number, amount: 1_000 + i });
    }
    const text = bankFile(owed);
    const both = await Promise.all(
      ['consola', 'admin-cli'].map((by) => importBankFile(exec, { fileName: 'a.txt', text, importedBy: by, now })),
    );
    expect(both.map((s) => s.applied).sort()).toEqual([0, 20]);
    expect(both.map((s) => s.duplicates).sort()).toEqual([0, 20]);
    expect(both.filter((s) => s.file.importedBefore !== null)).toHaveLength(1);
    expect(await countRows(exec, 'liquidation_payments')).toBe(20);
    expect(await balanceOf(exec, 'bank-clearing', '007')).toBe(-owed.reduce((sum, p) => sum + p.amount, 0));
  });

  it('credits a payment two different files share once, whichever commits first', async () => {
    const { database } = await openTestServerDatabase(variant);
    const exec = database.exec;
    const shared = await createTestLiquidation(exec, { amount: 50_000, docType: 'CC', docNumber: '1020304050' });
    const onlyA = await createTestLiquidation(exec, { amount: 10_000, docType: 'CC', docNumber: '52000111' });
    const onlyB = await createTestLiquidation(exec, { amount: 20_000, docType: 'CC', docNumber: '52000112' });
    const a = bankFile([
      { reference: shared.number, amount: 50_000 },
      { reference: onlyA.number, amount: 10_000 },
    ]);
    const b = bankFile(
      [
        { reference: shared.number, amount: 50_000 },
        { reference: onlyB.number, amount: 20_000, sequence: 7 },
      ],
      { modifier: 'B' },
    );
    const [first, second] = await Promise.all([
      importBankFile(exec, { fileName: 'a.txt', text: a, importedBy: 'consola', now }),
      importBankFile(exec, { fileName: 'b.txt', text: b, importedBy: 'admin-cli', now }),
    ]);
    expect((first?.applied ?? 0) + (second?.applied ?? 0)).toBe(3);
    expect((first?.duplicates ?? 0) + (second?.duplicates ?? 0)).toBe(1);
    expect(await balanceOf(exec, 'wallet', 'CC 1020304050')).toBe(50_000);
    expect(await balanceOf(exec, 'bank-clearing', '007')).toBe(-80_000);
    expect(await countRows(exec, 'bank_records')).toBe(3);
    expect(await countRows(exec, 'wallet_reviews')).toBe(0);
  });
});
