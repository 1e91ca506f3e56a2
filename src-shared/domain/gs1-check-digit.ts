/**
 * GS1 mod-10 check digit (GTIN, GLN): from the rightmost data digit leftwards the weights are
 * 3, 1, 3, 1…; the check digit is (10 − sum mod 10) mod 10 (docs/domain/gs1-128-recaudo.md).
 */

/** Check digit of the data digits of a GS1 key (without its check digit). */
export function gs1CheckDigit(dataDigits: string): number {
  if (!/^\d+$/.test(dataDigits)) throw new RangeError('A GS1 key has digits only');
  let sum = 0;
  for (let i = 0; i < dataDigits.length; i += 1) {
    const digit = Number(dataDigits[dataDigits.length - 1 - i]);
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True for 13 digits whose last one is the GS1 check digit of the other twelve. */
export function isValidGln(gln: string): boolean {
  if (!/^\d{13}$/.test(gln)) return false;
  return gs1CheckDigit(gln.slice(0, 12)) === Number(gln[12]);
}
