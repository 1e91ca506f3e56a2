import { describe, expect, it } from 'vitest';
import {
  cashRoundingSteps,
  leastCashFor,
  maxCashRounding,
  roundUpToStep,
} from '../../../src-shared/cashier/cash-rounding';
import { cashPieces, CashCount, countedCash } from '../../../src-shared/cashier/denominations';
import { settleTenders } from '../../../src-shared/cashier/tenders';
import { formatCop } from '../../../src-shared/domain/money';

describe('tenders', () => {
  it('gives change out of the cash only', () => {
    expect(settleTenders(47_300, [{ kind: 'cash', received: 50_000 }])).toEqual({
      ok: true,
      value: { cash: 47_300, card: 0, check: 0, transfer: 0, change: 2_700, rounding: 0 },
    });
    expect(
      settleTenders(47_300, [
        { kind: 'card', amount: 40_000, voucher: 'A123' },
        { kind: 'cash', received: 10_000 },
      ]),
    ).toEqual({
      ok: true,
      value: { cash: 7_300, card: 40_000, check: 0, transfer: 0, change: 2_700, rounding: 0 },
    });
    expect(settleTenders(47_300, [{ kind: 'check', amount: 47_300, bank: 'Bancolombia', number: '001234' }])).toEqual({
      ok: true,
      value: { cash: 0, card: 0, check: 47_300, transfer: 0, change: 0, rounding: 0 },
    });
  });

  it('refuses what does not cover the amount, and cards or checks beyond it', () => {
    expect(settleTenders(47_300, [{ kind: 'cash', received: 47_000 }])).toEqual({
      ok: false,
      error: { code: 'validation', message: `Faltan ${formatCop(300)} para cubrir el valor a pagar.` },
    });
    expect(settleTenders(47_300, [{ kind: 'card', amount: 50_000, voucher: 'A123' }])).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(settleTenders(47_300, [])).toMatchObject({ ok: false });
    // A field collector's transfer is exact like a card, and settles alone.
    expect(settleTenders(47_300, [{ kind: 'transfer', amount: 47_300, via: 'Nequi', reference: 'M1234' }], 50)).toEqual(
      { ok: true, value: { cash: 0, card: 0, check: 0, transfer: 47_300, change: 0, rounding: 0 } },
    );
    expect(
      settleTenders(47_300, [{ kind: 'transfer', amount: 47_301, via: 'Nequi', reference: 'M1234' }]),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  // Issue 12, item 2: change to the peso ($ 20.267) cannot be handed over when the smallest coin is $ 50.
  it('rounds the change up to what can be handed over, never down, and keeps what the entity gave up as the rounding', () => {
    // 100.000 for 79.733: 20.267 exact, 20.300 handed over; the drawer keeps 79.700.
    expect(settleTenders(79_733, [{ kind: 'cash', received: 100_000 }], 50)).toEqual({
      ok: true,
      value: { cash: 79_700, card: 0, check: 0, transfer: 0, change: 20_300, rounding: 33 },
    });
    // The least cash that settles it, with no change at all.
    expect(leastCashFor(79_733, 50)).toBe(79_700);
    expect(settleTenders(79_733, [{ kind: 'cash', received: 79_700 }], 50)).toEqual({
      ok: true,
      value: { cash: 79_700, card: 0, check: 0, transfer: 0, change: 0, rounding: 33 },
    });
    // To the peso, the citizen still gets no change to round.
    expect(settleTenders(79_733, [{ kind: 'cash', received: 79_733 }], 50)).toEqual({
      ok: true,
      value: { cash: 79_733, card: 0, check: 0, transfer: 0, change: 0, rounding: 0 },
    });
    // Short by more than a rounding: the missing coins are named.
    expect(settleTenders(79_733, [{ kind: 'cash', received: 79_650 }], 50)).toEqual({
      ok: false,
      error: { code: 'validation', message: `Faltan ${formatCop(50)} para cubrir el valor a pagar.` },
    });
    // Only the cash part is rounded; card and check are exact, and alone they cover the amount to the peso.
    expect(
      settleTenders(
        79_733,
        [
          { kind: 'card', amount: 50_000, voucher: 'A123' },
          { kind: 'cash', received: 30_000 },
        ],
        50,
      ),
    ).toEqual({
      ok: true,
      value: { cash: 29_700, card: 50_000, check: 0, transfer: 0, change: 300, rounding: 33 },
    });
    expect(settleTenders(79_733, [{ kind: 'card', amount: 79_700, voucher: 'A123' }], 50)).toMatchObject({
      ok: false,
      error: { message: `Faltan ${formatCop(33)} para cubrir el valor a pagar.` },
    });
    // Whatever is received, the rounding stays under one step and the change is a whole number of steps.
    for (const step of cashRoundingSteps) {
      for (const received of [80_000, 80_050, 80_267, 99_990, 100_000]) {
        const settled = settleTenders(79_733, [{ kind: 'cash', received }], step);
        if (!settled.ok) continue;
        expect(settled.value.rounding).toBeGreaterThanOrEqual(0);
        expect(settled.value.rounding).toBeLessThan(step);
        expect(settled.value.rounding).toBeLessThanOrEqual(maxCashRounding);
        expect(settled.value.cash + settled.value.rounding).toBe(79_733);
        expect(settled.value.cash + settled.value.change).toBe(received);
        if (settled.value.change > 0) expect(settled.value.change % step).toBe(0);
      }
    }
    expect(Object.is(roundUpToStep(-17, 50), 0)).toBe(true);
  });

  it('counts cash by bill and coin, $ 1.000 in both, and refuses a piece that does not exist', () => {
    expect(countedCash({ '100000': 2, '2000': 3, '50': 1 })).toBe(206_050);
    expect(countedCash({ '1000': 2, '1000-moneda': 3 })).toBe(5_000);
    expect(cashPieces.filter((piece) => piece.value === 1_000).map((piece) => piece.kind)).toEqual(['bill', 'coin']);
    expect(CashCount.safeParse({ '100000': 1 }).success).toBe(true);
    expect(CashCount.safeParse({ '30000': 1 }).success).toBe(false);
    expect(CashCount.safeParse({ '1000': -1 }).success).toBe(false);
  });
});
