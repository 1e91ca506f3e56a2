import { z } from 'zod';
import { err, ok, type Result } from '../api/result';
import { formatCop, type Pesos } from '../domain/money';

/**
 * How a payment at the counter is paid (docs/user-guides.md): cash (the cashier types what the citizen
 * handed over; the change is computed), card (voucher reference) and check (bank and number),
 * alone or mixed. Pure, so the screen shows the change as it is typed and the service checks
 * the same rule again.
 */
const amount = z.number().int().positive().max(100_000_000);

export const Tender = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cash'), received: amount }).strict(),
  z
    .object({ kind: z.literal('card'), amount, voucher: z.string().trim().regex(/^[A-Za-z0-9-]{4,20}$/, 'El número de voucher tiene de 4 a 20 letras o números.') })
    .strict(),
  z
    .object({
      kind: z.literal('check'),
      amount,
      bank: z.string().trim().min(2).max(60),
      number: z.string().trim().regex(/^\d{4,12}$/, 'El número del cheque tiene de 4 a 12 dígitos.'),
    })
    .strict(),
]);
export type Tender = z.infer<typeof Tender>;
export type TenderKind = Tender['kind'];

/** What each tender settled once the change is taken out of the cash. */
export interface SettledTenders {
  readonly cash: Pesos;
  readonly card: Pesos;
  readonly check: Pesos;
  /** Handed back in cash. */
  readonly change: Pesos;
}

/**
 * Cards and checks are for exact amounts: their sum may not pass the amount due. Cash covers
 * the rest and may pass it; the excess is the change, which must come out of the cash given.
 */
export function settleTenders(due: Pesos, tenders: readonly Tender[]): Result<SettledTenders> {
  if (tenders.length === 0) return err('validation', 'Indique cómo paga el usuario.');
  let card = 0;
  let check = 0;
  let received = 0;
  for (const tender of tenders) {
    if (tender.kind === 'cash') received += tender.received;
    else if (tender.kind === 'card') card += tender.amount;
    else check += tender.amount;
  }
  if (card + check > due) return err('validation', `Tarjeta y cheque suman ${formatCop(card + check)}, más que el valor a pagar (${formatCop(due)}).`);
  const cashDue = due - card - check;
  if (received < cashDue) return err('validation', `Faltan ${formatCop(cashDue - received)} para cubrir el valor a pagar.`);
  return ok({ cash: cashDue, card, check, change: received - cashDue });
}

/** Colombian money the cashier counts at close (arqueo): bills, then coins. */
export const denominations = [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50] as const;
export type Denomination = (typeof denominations)[number];

/** Pieces counted per denomination; a denomination not counted may be left out. */
export const CashCount = z.partialRecord(z.enum(denominations.map(String) as [string, ...string[]]), z.number().int().min(0).max(100_000));
export type CashCount = z.infer<typeof CashCount>;

export function countedCash(count: CashCount): Pesos {
  return Object.entries(count).reduce((sum, [denomination, pieces]) => sum + Number(denomination) * (pieces ?? 0), 0);
}
