import { z } from 'zod';
import type { Pesos } from '../domain/money';
import { CashCount } from './denominations';
import type { SessionTotals } from './session-totals';

/**
 * A blind close's arqueo: expected and counted per tender, and the difference. The counter's
 * close answer and the `cash.session.closed` event the server keeps carry the same figures.
 */
export const CloseFigures = z.object({
  expectedCash: z.number().int(),
  countedCash: z.number().int(),
  expectedCard: z.number().int(),
  countedCard: z.number().int(),
  expectedCheck: z.number().int(),
  countedCheck: z.number().int(),
  /** Counted minus expected, all tenders. */
  difference: z.number().int(),
});
export type CloseFigures = z.infer<typeof CloseFigures>;

/**
 * Expected against counted. The expected cash is the float plus the cash kept, which already
 * leaves out the roundings: a drawer counted in the coins that exist closes to zero.
 */
export function closeFigures(
  openingFloat: Pesos,
  totals: SessionTotals,
  counted: { readonly cash: Pesos; readonly card: Pesos; readonly check: Pesos },
): CloseFigures {
  const expectedCash = openingFloat + totals.cash;
  return {
    expectedCash,
    countedCash: counted.cash,
    expectedCard: totals.card,
    countedCard: counted.card,
    expectedCheck: totals.check,
    countedCheck: counted.check,
    difference: counted.cash - expectedCash + (counted.card - totals.card) + (counted.check - totals.check),
  };
}

const pesos = z.number().int();

/** A close as the cashier typed it: cash by bill and coin, card and check totals (`cash_sessions.counted`). */
export const CountedAtClose = z.object({ cash: CashCount, card: pesos, check: pesos });
export type CountedAtClose = z.infer<typeof CountedAtClose>;

/** What the records said the drawer should hold at the close, per tender (`cash_sessions.expected`). */
export const ExpectedAtClose = z.object({ cash: pesos, card: pesos, check: pesos });
export type ExpectedAtClose = z.infer<typeof ExpectedAtClose>;
