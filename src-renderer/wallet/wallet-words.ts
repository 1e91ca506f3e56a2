/**
 * The prepaid wallet's words on the kiosk, taken from the guide (001 §7–11) where it has them,
 * so a citizen who knows the chamber's web portal recognises every step.
 */

/** What every wallet function says without the central server: the wallet is money and lives there. */
export const walletOfflineText =
  'El prepago necesita conexión con el servidor central. Intente más tarde o acérquese a una caja.';

/** Guide §8: who is identified, and the NIT with its check digit. */
export const identificationLead =
  'Por favor indique primero que todo el número de identificación de la persona que recargará o comprará un prepago.';
export const nitHint =
  'Si el prepago se compra a nombre de una empresa, indique el NIT incluyendo el dígito de verificación.';

/** Under the number where the guide's longer sentence is not needed. */
export const numberHint = 'Con o sin puntos. Un NIT, con su dígito de verificación.';

/** Guide §10, under the liquidación's figures. */
export const recoveryCodeExplanation =
  'Su transacción está identificada internamente en nuestro sistema con el siguiente código, por favor téngalo en cuenta en caso de ser necesario. Este código le permitirá retomar su trámite en el momento en que lo requiera.';

/** Guide §10: the recibo de caja is issued with the client's data. */
export const clientDataAdvice =
  'Sea muy exacto en la información a digitar pues el recibo de caja será expedido de acuerdo con estos datos.';

/** Guide §11: the three ways, in its words. */
export const payWaysLead =
  'La entidad ha dispuesto para usted la posibilidad de realizar el pago de las siguientes formas:';
export const onlineCredited =
  'Si realiza el pago en línea, el cupo adquirido será cargado de forma automática y el sistema le enviará al correo reportado la clave para el uso del cupo prepago adquirido.';
