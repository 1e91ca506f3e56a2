/**
 * NIT check digit (dígito de verificación, DV) per DIAN: weights from the rightmost digit,
 * sum mod 11, DV = r for r in {0, 1}, else 11 − r. See docs/domain/identification-nit.md.
 */
const weights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71] as const;

/** Check digit of a NIT body (without its DV); dots, dashes and spaces are ignored. */
export function nitCheckDigit(body: string): number {
  const digits = body.replace(/[\s.-]/g, '');
  if (!/^\d{1,15}$/.test(digits)) throw new RangeError('A NIT body has 1 to 15 digits');
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = Number(digits[digits.length - 1 - i]);
    sum += digit * (weights[i] ?? 0);
  }
  const r = sum % 11;
  return r <= 1 ? r : 11 - r;
}

/** `800197268` → `800.197.268-4`. */
export function formatNit(body: string): string {
  const digits = body.replace(/[\s.-]/g, '');
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${grouped}-${nitCheckDigit(digits)}`;
}

/** True when `nit` (body and DV, any punctuation) carries the right check digit. */
export function isValidNit(nit: string): boolean {
  const match = /^([\d.\s]{1,20})-?\s*(\d)$/.exec(nit.trim());
  if (!match?.[1] || match[2] === undefined) return false;
  const body = match[1].replace(/[\s.]/g, '');
  if (body.length === 0 || body.length > 15) return false;
  return nitCheckDigit(body) === Number(match[2]);
}
