/**
 * Money is integer pesos (COP) everywhere; never floats (docs/domain/money-cop.md).
 * The formatter pins every option because ICU versions disagree on COP's fraction digits.
 */
const copFormat = new Intl.NumberFormat('es-CO', {
  style: 'currency',
  currency: 'COP',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
  useGrouping: 'always',
});

export type Pesos = number;

export function isPesos(value: number): value is Pesos {
  return Number.isSafeInteger(value);
}

/** `$ 1.250.500` (with a no-break space after `$`, as Intl writes it). */
export function formatCop(pesos: Pesos): string {
  if (!isPesos(pesos)) throw new RangeError('Amounts are whole pesos');
  return copFormat.format(pesos);
}

/** Reads an amount typed by a person: `1.250.500`, `$ 1.250.500` or `1250500`. Null if none. */
export function parseCop(text: string): Pesos | null {
  const digits = text.replace(/[^0-9]/g, '');
  if (digits.length === 0 || digits.length > 15) return null;
  return Number.parseInt(digits, 10);
}
