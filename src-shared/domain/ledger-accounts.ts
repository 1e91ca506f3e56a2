/**
 * The kinds of account the central server's double-entry ledger keeps (docs/ledger.md). Every
 * peso of the prepaid wallet moves between two of them, so the sum over all accounts is zero.
 *
 * - `wallet`: a citizen's prepaid balance, one per identification; never below zero.
 * - `gateway-clearing`: money an online gateway owes the entity until it settles.
 * - `bank-clearing`: one per bank, money collected with volantes until the bank transfers it.
 * - `cash-session`: one per counter's cash session, the cash a cashier took for recharges.
 * - `certificate-holds`: prices held from wallets for certificates on their way out of a
 *   dispenser, until each copy is delivered (→ revenue) or not (→ back to the wallet).
 * - `certificate-revenue`: what certificates bought from wallets earned.
 * - `refunds`: money returned to a wallet when a purchase could not be delivered.
 */
export const ledgerAccountKinds = [
  'wallet',
  'gateway-clearing',
  'bank-clearing',
  'cash-session',
  'certificate-holds',
  'certificate-revenue',
  'refunds',
] as const;
export type LedgerAccountKind = (typeof ledgerAccountKinds)[number];

/** Accounts whose balance may not go below zero: a wallet holds the citizen's money, never a debt. */
export const nonNegativeLedgerKinds: readonly LedgerAccountKind[] = ['wallet'];
