import { z } from 'zod';
import { liquidationStates } from '../../wallet/liquidation';
import { counterOnly, counterStaff, defineOperation } from '../operation';
import { printed, settledMoney, staffSession, tenders } from './counter-fields';

/**
 * Prepaid wallet recharges at the counter (docs/counter-recharge.md, issue 13 item 4): the
 * cashier scans the volante's GS1-128 or types the liquidación number (or, online, its recovery
 * code), and takes the money with the same tenders, receipt series and cash session as a bill.
 * Online the central server shows the liquidación; offline the barcode says its number and
 * amount, or the cashier types them from the volante. The wallet is credited when the server
 * applies the recharge's event.
 */

/** How the counter knows the liquidación it is about to charge. */
export const RechargeSource = z.enum(['server', 'barcode', 'typed']);
export type RechargeSource = z.infer<typeof RechargeSource>;

/** Why taking a liquidación's payment needs the cashier's attention. */
export const LiquidationWarning = z.object({
  code: z.enum(['paid', 'expired', 'annulled']),
  /** Spanish, shown above the tenders. */
  message: z.string(),
});
export type LiquidationWarning = z.infer<typeof LiquidationWarning>;

/** A liquidación as the counter found it. */
export const CounterLiquidation = z.object({
  source: RechargeSource,
  number: z.number().int().positive(),
  /** Pesos to charge; null when the number was typed offline (the cashier types it from the volante). */
  amount: z.number().int().positive().nullable(),
  /** The central server's state; null offline. */
  state: z.enum(liquidationStates).nullable(),
  /** The holder as the server has them (`CC 1020304050`, name); null offline. */
  holder: z.object({ identification: z.string(), name: z.string() }).nullable(),
  /** `YYYY-MM-DD`, from the server or the barcode's AI 96; null when typed offline. */
  expiresOn: z.string().nullable(),
  /** Paid already, expired or annulled: `cashier.takeRecharge` then needs `confirmed`. */
  warning: LiquidationWarning.nullable(),
  /** Spanish: what the screen says about where the liquidación was read (offline especially). */
  note: z.string(),
  /** Change is rounded up to this many pesos, as for bills. */
  cashRoundingStep: z.number().int().positive(),
});
export type CounterLiquidation = z.infer<typeof CounterLiquidation>;

export const CounterRechargeView = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  liquidationNumber: z.number().int(),
  ...settledMoney,
  takenAt: z.string(),
  source: RechargeSource,
  /** Spanish, as printed: when the wallet is credited. */
  note: z.string(),
});
export type CounterRechargeView = z.infer<typeof CounterRechargeView>;

export const counterRechargeOps = {
  'cashier.findLiquidation': defineOperation({
    summary:
      'A liquidación to recharge a prepaid wallet with: asked of the central server by the volante’s barcode, its number or its recovery code; offline, read from the barcode, or a typed number whose amount the cashier types.',
    reach: 'local',
    modes: counterOnly,
    auth: counterStaff,
    input: z
      .object({
        staffSession,
        query: z
          .string()
          .trim()
          .min(1, 'Escanee el volante o digite el número de liquidación o el código de recuperación.')
          .max(200),
      })
      .strict(),
    output: CounterLiquidation,
  }),
  'cashier.takeRecharge': defineOperation({
    summary:
      'Takes a prepaid wallet recharge into the open cash session: tenders settled as for a bill, the record + outbox event + receipt number in one transaction, then the receipt printed. A paid, expired or annulled liquidación needs confirmed.',
    reach: 'local',
    modes: counterOnly,
    auth: counterStaff,
    input: z
      .object({
        staffSession,
        source: RechargeSource,
        number: z.number().int().positive().max(9_999_999_999),
        amount: z
          .number({ error: 'Digite el valor de la recarga como aparece en el volante.' })
          .int('El valor va en pesos enteros.')
          .positive('Digite el valor de la recarga como aparece en el volante.')
          .max(100_000_000, 'El valor de la recarga es demasiado alto: revíselo en el volante.'),
        tenders,
        /** The cashier confirmed, with a key of its own, charging a liquidación paid, expired or annulled. */
        confirmed: z.literal(true).optional(),
      })
      .strict(),
    output: z.object({ recharge: CounterRechargeView }).merge(printed),
  }),
};
