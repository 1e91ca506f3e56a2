import type { Pesos } from '../domain/money';

/** A payment as the session's figures need it (`cashier_payments` has these columns). */
export interface TotalledPayment {
  readonly state: string;
  readonly amount: Pesos;
  readonly cash: Pesos;
  readonly card: Pesos;
  readonly checkAmount: Pesos;
}

/**
 * A prepaid wallet recharge taken in the session (docs/counter-recharge.md): money in the drawer
 * like a payment's, never voided at the counter.
 */
export type TotalledRecharge = Omit<TotalledPayment, 'state'>;

/** What a cash session's payments and recharges add up to; the X and Z reports, the close and the screens read these. */
export interface SessionTotals {
  /** Valid payments. */
  readonly payments: number;
  readonly voided: number;
  /** The bills' values the valid payments settled. */
  readonly billed: Pesos;
  /** Prepaid wallet recharges taken, and the pesos they credit to wallets. */
  readonly recharges: number;
  readonly recharged: Pesos;
  /** Cash kept (received less change), card and check of the valid payments and the recharges. */
  readonly cash: Pesos;
  readonly card: Pesos;
  readonly check: Pesos;
  /** Pesos the change was rounded up by, in all: `billed + recharged − collected`. */
  readonly rounding: Pesos;
  /** The money the valid payments and the recharges brought in: cash + card + check. */
  readonly collected: Pesos;
}

/** The tender sums of a session, computed in one pass (a voided payment counts only as voided). */
export function sessionTotals(
  payments: readonly TotalledPayment[],
  recharges: readonly TotalledRecharge[] = [],
): SessionTotals {
  let count = 0;
  let billed = 0;
  let recharged = 0;
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
  for (const recharge of recharges) {
    recharged += recharge.amount;
    cash += recharge.cash;
    card += recharge.card;
    check += recharge.checkAmount;
  }
  const collected = cash + card + check;
  return {
    payments: count,
    voided: payments.length - count,
    billed,
    recharges: recharges.length,
    recharged,
    cash,
    card,
    check,
    rounding: billed + recharged - collected,
    collected,
  };
}
