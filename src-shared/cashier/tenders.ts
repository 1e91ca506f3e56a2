import { z } from 'zod';
import { err, ok, type Result } from '../api/result';
import { formatCop, type Pesos } from '../domain/money';
import { roundUpToStep } from './cash-rounding';

/**
 * How a payment at the counter is paid (docs/user-guides.md): cash (the cashier types what the citizen
 * handed over; the change is computed), card (voucher reference) and check (bank and number),
 * alone or mixed. Pure, so the screen shows the change as it is typed and the service checks
 * the same rule again.
 */
const amount = z.number().int().positive().max(100_000_000);

const cashTender = z.object({ kind: z.literal('cash'), received: amount }).strict();
const cardTender = z
  .object({
    kind: z.literal('card'),
    amount,
    voucher: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,20}$/, 'El número de voucher tiene de 4 a 20 letras o números.'),
  })
  .strict();
const checkTender = z
  .object({
    kind: z.literal('check'),
    amount,
    bank: z.string().trim().min(2).max(60),
    number: z
      .string()
      .trim()
      .regex(/^\d{4,12}$/, 'El número del cheque tiene de 4 a 12 dígitos.'),
  })
  .strict();
/**
 * A bank transfer or a wallet app payment (Nequi, Daviplata…) the field collector saw arrive on
 * the subscriber's phone: exact like a card, and never without the app's reference.
 */
const transferTender = z
  .object({
    kind: z.literal('transfer'),
    amount,
    /** The bank or wallet app, as the collector reads it (`Nequi`, `Bancolombia`). */
    via: z.string().trim().min(2, 'Escriba el banco o la aplicación de la transferencia.').max(40),
    reference: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,30}$/, 'La referencia de la transferencia tiene de 4 a 30 letras o números.'),
  })
  .strict();

/** What the counter accepts: cash, card and check (no transfers at a counter). */
export const CounterTender = z.discriminatedUnion('kind', [cashTender, cardTender, checkTender]);
export type CounterTender = z.infer<typeof CounterTender>;
/** What a field collector accepts: cash and transfers (docs/field-mode.md). */
export const FieldTender = z.discriminatedUnion('kind', [cashTender, transferTender]);
export type FieldTender = z.infer<typeof FieldTender>;
/** Any tender a stored payment may hold (the counter's and the field's). */
export const Tender = z.discriminatedUnion('kind', [cashTender, cardTender, checkTender, transferTender]);
export type Tender = z.infer<typeof Tender>;
export type TenderKind = Tender['kind'];

/** What each tender settled once the change is taken out of the cash. */
export interface SettledTenders {
  /** The cash kept: what was received less the change. */
  readonly cash: Pesos;
  readonly card: Pesos;
  readonly check: Pesos;
  /** Bank or wallet app transfers (a field collector's; exact, like a card). */
  readonly transfer: Pesos;
  /** Handed back in cash: a multiple of the rounding step, unless no change is due. */
  readonly change: Pesos;
  /**
   * Pesos of the amount due the cash does not cover because change is rounded up to what can be
   * handed over (cash-rounding.ts): under one step, given up by the entity, never owed by the citizen.
   */
  readonly rounding: Pesos;
}

/**
 * Cards, checks and transfers are for exact amounts: their sum may not pass the amount due. Cash covers
 * the rest and may pass it; the excess is the change, which must come out of the cash given.
 * With a rounding step above 1, the change is rounded up to the step (the citizen never gets
 * less than the sum says), so the cash kept may fall short of the cash due by less than a step;
 * without any cash tendered, card and check must cover the amount to the peso.
 */
export function settleTenders(due: Pesos, tenders: readonly Tender[], roundingStep = 1): Result<SettledTenders> {
  if (tenders.length === 0) return err('validation', 'Indique cómo paga el usuario.');
  let card = 0;
  let check = 0;
  let transfer = 0;
  let received = 0;
  for (const tender of tenders) {
    if (tender.kind === 'cash') received += tender.received;
    else if (tender.kind === 'card') card += tender.amount;
    else if (tender.kind === 'check') check += tender.amount;
    else transfer += tender.amount;
  }
  if (transfer > 0 && card + check + transfer > due)
    return err(
      'validation',
      `La transferencia (${formatCop(card + check + transfer)}) es más que el valor a pagar (${formatCop(due)}): escriba el valor exacto.`,
    );
  if (card + check > due)
    return err(
      'validation',
      `Tarjeta y cheque suman ${formatCop(card + check)}, más que el valor a pagar (${formatCop(due)}).`,
    );
  const cashDue = due - card - check - transfer;
  const change = received === 0 ? received - cashDue : roundUpToStep(received - cashDue, roundingStep);
  if (change < 0) return err('validation', `Faltan ${formatCop(-change)} para cubrir el valor a pagar.`);
  const cash = received - change;
  return ok({ cash, card, check, transfer, change, rounding: cashDue - cash });
}
