import { describe, expect, it } from 'vitest';
import { CashCount, countedCash, settleTenders } from '../../../src-shared/cashier/tenders';
import { formatCop } from '../../../src-shared/domain/money';

describe('tenders', () => {
  it('gives change out of the cash only', () => {
    expect(settleTenders(47_300, [{ kind: 'cash', received: 50_000 }])).toEqual({ ok: true, value: { cash: 47_300, card: 0, check: 0, change: 2_700 } });
    expect(settleTenders(47_300, [{ kind: 'card', amount: 40_000, voucher: 'A123' }, { kind: 'cash', received: 10_000 }])).toEqual({
      ok: true,
      value: { cash: 7_300, card: 40_000, check: 0, change: 2_700 },
    });
    expect(settleTenders(47_300, [{ kind: 'check', amount: 47_300, bank: 'Bancolombia', number: '001234' }])).toEqual({ ok: true, value: { cash: 0, card: 0, check: 47_300, change: 0 } });
  });

  it('refuses what does not cover the amount, and cards or checks beyond it', () => {
    expect(settleTenders(47_300, [{ kind: 'cash', received: 47_000 }])).toEqual({ ok: false, error: { code: 'validation', message: `Faltan ${formatCop(300)} para cubrir el valor a pagar.` } });
    expect(settleTenders(47_300, [{ kind: 'card', amount: 50_000, voucher: 'A123' }])).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(settleTenders(47_300, [])).toMatchObject({ ok: false });
  });

  it('counts cash by denomination and refuses a denomination that does not exist', () => {
    expect(countedCash({ '100000': 2, '2000': 3, '50': 1 })).toBe(206_050);
    expect(CashCount.safeParse({ '100000': 1 }).success).toBe(true);
    expect(CashCount.safeParse({ '30000': 1 }).success).toBe(false);
    expect(CashCount.safeParse({ '1000': -1 }).success).toBe(false);
  });
});
