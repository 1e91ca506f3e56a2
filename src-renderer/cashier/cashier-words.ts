import { pesos } from './cashier-format';

/** `1 pago`, `3 pagos`. */
export const paymentsCount = (n: number): string => (n === 1 ? '1 pago' : `${n} pagos`);

/** `1 recarga de prepago`, `3 recargas de prepago`. */
export const rechargesCount = (n: number): string => (n === 1 ? '1 recarga de prepago' : `${n} recargas de prepago`);

/** The line under the change when it was rounded up to a coin that exists. */
export const roundingLine = (rounding: number): string => `Redondeo a favor del usuario: ${pesos(rounding)}`;

/** What Enter (or F9) says on a bill that is not owed: it does not charge it. */
export const notOwedEnter =
  'Esta factura no se debe: Enter y F9 no la cobran. Si el usuario quiere pagarla de todos modos, el valor queda como saldo a favor: digite el efectivo y pulse F2. Esc: cancelar.';
