import { z } from 'zod';
import { CounterTender } from '../../cashier/tenders';

/**
 * Fields the counter's operations share, bills' (cashier.ts) and prepaid recharges'
 * (counter-recharge.ts): one sign-in, one way of handing money over, one receipt printer.
 */

/** The cashier's sign-in on this device; every cashier operation names it. */
export const staffSession = z.string().min(16).max(64);

/** What the citizen hands over for one payment or recharge: up to four tenders. */
export const tenders = z.array(CounterTender).min(1).max(4);

/**
 * How a payment's or a recharge's money was settled (settleTenders, src-shared/cashier/tenders.ts),
 * spread into each record's view.
 */
export const settledMoney = {
  amount: z.number().int(),
  cash: z.number().int(),
  card: z.number().int(),
  check: z.number().int(),
  change: z.number().int(),
  /** Pesos of the amount the cash did not cover because the change was rounded up (given up by the entity). */
  rounding: z.number().int().nonnegative(),
};

/** The receipt a money operation printed. */
export const printed = z.object({
  /** The receipt's print job (print.job follows it); null when the device has no receipt printer. */
  jobId: z.string().nullable(),
  /** Spanish, when the receipt could not be queued or the printer reported a problem. */
  printerProblem: z.string().nullable(),
});
