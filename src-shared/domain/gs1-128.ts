import { z } from 'zod';
import { err, ok, type Result } from '../api/result';
import { isValidGln } from './gs1-check-digit';
import { isPesos, type Pesos } from './money';

/**
 * The payment barcode of a bill (GS1-128 "recaudo", docs/domain/gs1-128-recaudo.md): four
 * Application Identifiers in this order, the same in every Colombian example —
 *
 *   (415) GLN of the biller, 13 digits, fixed length: no FNC1 after it
 *   (8020) payment reference, zero-padded to the convenio's length, then FNC1
 *   (3900|3902) amount, zero-padded to the convenio's length, then FNC1
 *   (96) due date AAAAMMDD, last: no FNC1
 *
 * Lengths and the amount AI are agreed per convenio with the collecting banks, so they come
 * from the entity's configuration. The leading FNC1 that makes Code 128 a GS1-128 symbol is
 * the encoder's business (jsbarcode's `ean128`); here a separator FNC1 is written as ASCII GS,
 * which is also how a GS1 scanner transmits it.
 */

/** ASCII GS (0x1D): a separator FNC1 in element strings, as scanners transmit it. */
export const GS = '\x1D';

/** GS1 General Specifications: at most 48 data characters in one GS1-128 symbol. */
export const gs1MaxDataCharacters = 48;

export const amountAis = ['3900', '3902'] as const;
export type AmountAi = (typeof amountAis)[number];

/** Per-convenio barcode parameters, part of the entity setting. */
export const PaymentBarcodeConfig = z
  .object({
    /** The biller's GLN (AI 415), 13 digits with a valid GS1 check digit. */
    gln: z
      .string()
      .regex(/^\d{13}$/, 'El GLN del código de barras tiene 13 dígitos.')
      .refine(isValidGln, 'El dígito de verificación del GLN no es válido: revise el GLN asignado por GS1 Colombia.'),
    /** Digits of the AI 8020 reference; GS1 allows up to 25. */
    referenceLength: z.number().int().min(1).max(25),
    /** 3900 = whole pesos; 3902 = two implied decimals (only if the convenio asks for it). */
    amountAi: z.enum(amountAis),
    /** Digits of the amount; GS1 allows up to 15. */
    amountLength: z.number().int().min(1).max(15),
  })
  .strict();
export type PaymentBarcodeConfig = z.infer<typeof PaymentBarcodeConfig>;

export interface PaymentBarcodeInput {
  /** Digits only; zero-padded on the left to the configured length. */
  readonly reference: string;
  readonly amountPesos: Pesos;
  /** `YYYY-MM-DD`. */
  readonly dueOn: string;
}

export interface Gs1Element {
  readonly ai: string;
  readonly value: string;
}

export interface PaymentElementString {
  readonly elements: readonly Gs1Element[];
  /** AIs and data with GS where a separator FNC1 goes (the leading FNC1 is implied). */
  readonly data: string;
  /** Human-readable line printed under the bars: `(415)…(8020)…(3900)…(96)AAAAMMDD`. */
  readonly hri: string;
  /** Data characters as GS1 counts them: AIs, data and separator FNC1s. */
  readonly dataCharacters: number;
  /**
   * Over GS1's 48 characters. Colombian bills usually are (≈58 with a 12-digit reference and a
   * 10-digit amount) and banks read them anyway, so this is a warning, not a refusal.
   */
  readonly exceedsGs1Limit: boolean;
}

/** Parses an entity's barcode configuration; a bad GLN gets a Spanish message. */
export function parsePaymentBarcodeConfig(value: unknown): Result<PaymentBarcodeConfig> {
  const parsed = PaymentBarcodeConfig.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const first = parsed.error.issues[0];
  return err(
    'validation',
    first?.message ?? 'La configuración del código de barras no es válida.',
    first?.path.join('.'),
  );
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The value of the amount AI: whole pesos, or pesos × 100 for 3902. */
export function amountDigits(amountPesos: Pesos, ai: AmountAi): string {
  return String(ai === '3902' ? amountPesos * 100 : amountPesos);
}

/**
 * The GS1 element string of a bill's payment barcode. Refuses (in Spanish) a reference or an
 * amount that does not fit the convenio's length: truncating either would pay the wrong bill.
 */
export function paymentElementString(
  config: PaymentBarcodeConfig,
  input: PaymentBarcodeInput,
): Result<PaymentElementString> {
  if (!/^\d+$/.test(input.reference)) {
    return err('validation', 'La referencia de pago solo puede tener dígitos.', 'reference');
  }
  const reference = input.reference.replace(/^0+(?=\d)/, '');
  if (reference.length > config.referenceLength) {
    return err('validation', `La referencia de pago tiene más de ${config.referenceLength} dígitos.`, 'reference');
  }
  if (!isPesos(input.amountPesos) || input.amountPesos <= 0) {
    return err('validation', 'El valor a pagar debe ser un número entero de pesos mayor que cero.', 'amountPesos');
  }
  const amount = amountDigits(input.amountPesos, config.amountAi);
  if (amount.length > config.amountLength) {
    return err(
      'validation',
      `El valor a pagar no cabe en los ${config.amountLength} dígitos del convenio.`,
      'amountPesos',
    );
  }
  if (!isIsoDate(input.dueOn)) {
    return err('validation', 'La fecha límite de pago no es una fecha válida.', 'dueOn');
  }

  const elements: Gs1Element[] = [
    { ai: '415', value: config.gln },
    { ai: '8020', value: reference.padStart(config.referenceLength, '0') },
    { ai: config.amountAi, value: amount.padStart(config.amountLength, '0') },
    { ai: '96', value: input.dueOn.replaceAll('-', '') },
  ];
  const [gln, ref, amt, due] = elements.map((e) => `${e.ai}${e.value}`);
  // 415 is predefined-length, so 8020 follows it directly; 8020 and 390n are variable.
  const data = `${gln}${ref}${GS}${amt}${GS}${due}`;
  const hri = elements.map((e) => `(${e.ai})${e.value}`).join('');
  return ok({
    elements,
    data,
    hri,
    dataCharacters: data.length,
    exceedsGs1Limit: data.length > gs1MaxDataCharacters,
  });
}
