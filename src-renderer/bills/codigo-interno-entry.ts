/**
 * What a citizen types as código interno, checked before anything is asked of the service.
 * The keypad offers digits only; these messages cover what is left: nothing typed, too many
 * digits (a physical keyboard can still paste), and a code of only zeros.
 */
export const maxCodigoInternoDigits = 10;

export type CodigoInternoCheck =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

export function checkCodigoInterno(digits: string): CodigoInternoCheck {
  if (digits.length === 0) return { ok: false, message: 'Digite su código interno con el teclado numérico.' };
  if (!/^\d+$/.test(digits)) return { ok: false, message: 'El código interno solo tiene números.' };
  if (digits.length > maxCodigoInternoDigits) {
    return {
      ok: false,
      message: `El código interno tiene como máximo ${maxCodigoInternoDigits} números. Revíselo en su factura.`,
    };
  }
  const value = Number(digits);
  if (value === 0) return { ok: false, message: 'El código interno no puede ser cero. Revíselo en su factura.' };
  return { ok: true, value };
}
