import type { Pesos } from '../domain/money';

/**
 * Cash is settled to what can be handed over (docs/domain/money-cop.md, «Cash at the counter»):
 * the smallest coin in circulation is $ 50, so change to the peso ($ 19.733) cannot be given.
 * The change is rounded **up** to the step, never down: the citizen never gets less change than
 * the sum says (the Superintendencia de Industria y Comercio's rule on «vueltas»). The pesos the
 * entity gives up that way are the payment's rounding; the bill is still paid in full.
 */

/** The steps `cashier.cashRoundingStep` may take: 1 (no rounding) or a coin in circulation. */
export const cashRoundingSteps = [1, 50, 100, 200, 500, 1000] as const;
export type CashRoundingStep = (typeof cashRoundingSteps)[number];
export const defaultCashRoundingStep: CashRoundingStep = 50;

/** The most a payment's rounding can be: one peso less than the largest step. */
export const maxCashRounding: Pesos = Math.max(...cashRoundingSteps) - 1;

export const isCashRoundingStep = (value: number): value is CashRoundingStep =>
  (cashRoundingSteps as readonly number[]).includes(value);

/** `amount` rounded up to a multiple of `step` (negative amounts toward zero). */
export function roundUpToStep(amount: Pesos, step: number): Pesos {
  const rounded = Math.ceil(amount / step) * step;
  // Math.ceil(-0.3) is -0: no negative zero reaches a receipt.
  return rounded === 0 ? 0 : rounded;
}

/** `amount` rounded down to a multiple of `step`. */
export function roundDownToStep(amount: Pesos, step: number): Pesos {
  return Math.floor(amount / step) * step;
}

/**
 * The least cash that settles `cashDue` (what the counter offers to type): the cash due rounded
 * down to the step, or the cash due itself when that would be nothing.
 */
export function leastCashFor(cashDue: Pesos, step: number): Pesos {
  const least = roundDownToStep(cashDue, step);
  return least > 0 ? least : cashDue;
}
