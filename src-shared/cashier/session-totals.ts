import type { Pesos } from '../domain/money';

/** A payment as the session's figures need it (`cashier_payments` has these columns). */
export interface TotalledPayment {
  readonly state: string;
  readonly amount: Pesos;
  readonly cash: Pesos;
  readonly card: Pesos;
  readonly checkAmount: Pesos;
}

/** What a cash session's payments add up to; the X and Z reports, the close and the screens read these. */
export interface SessionTotals {
  /** Valid payments. */
  readonly payments: number;
  readonly voided: number;
  /** The bills' values the valid payments settled. */
  readonly billed: Pesos;
  /** Cash kept (received less change), card and check of the valid payments. */
  readonly cash: Pesos;
  readonly card: Pesos;
  readonly check: Pesos;
  /** Pesos the change was rounded up by, in all: `billed − collected`. */
  readonly rounding: Pesos;
  /** The money the valid payments brought in: cash + card + check. */
  readonly collected: Pesos;
}

/** The tender sums of a session, computed in one pass (a voided payment counts only as voided). */
export function sessionTotals(payments: readonly TotalledPayment[]): SessionTotals {
  let count = 0;
  let billed = 0;
  let cash = 0;
  let card = 0;
  let check = 0;
  for (const payment of payments) {
    if (payment.state !== 'valid') continue;
    count += 1;
    billed += payment.amount;
    cash += payment.cash;
    card += payment.card;
    check += payment.checkAmount;
  }
  const collected = cash + card + check;
  return {
    payments: count,
    voided: payments.length - count,
    billed,
    cash,
    card,
    check,
    rounding: billed - collected,
    collected,
  };
}
