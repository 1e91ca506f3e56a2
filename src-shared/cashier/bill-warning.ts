import { z } from 'zod';

/**
 * Why taking a payment for a bill needs the cashier's attention, as a code the screens and
 * services decide on (the Spanish words travel beside it, for people only):
 * - `paid-here`: this device already took a valid payment for it, which the replica does not show yet;
 * - `paid`: the replica says it is paid (at a bank, another counter, in the field);
 * - `annulled`: the entity annulled it;
 * - `overdue`: past its due date, still owed.
 */
export const billWarningCodes = ['paid-here', 'paid', 'annulled', 'overdue'] as const;
export type BillWarningCode = (typeof billWarningCodes)[number];

export const BillWarning = z.object({
  code: z.enum(billWarningCodes),
  /** Spanish, for the cashier's screen. */
  message: z.string(),
});
export type BillWarning = z.infer<typeof BillWarning>;

/**
 * Whether the bill is owed: money taken for one that is not becomes saldo a favor on the
 * central server, so charging it needs the cashier's separate confirmation.
 */
export function isOwed(warning: { readonly code: BillWarningCode } | null): boolean {
  return warning === null || warning.code === 'overdue';
}
