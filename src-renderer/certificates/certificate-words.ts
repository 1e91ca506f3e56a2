/** «Certificados» on the kiosk, in the citizen's words (docs/certificates-kiosk.md). */

/** Without the central server nothing can be searched or bought. */
export const certificatesOfflineText = 'Comprar certificados necesita conexión con el servidor central.';

export const searchLead =
  'Busque la empresa, el comerciante o el establecimiento por su NIT, su número de matrícula o su nombre.';
export const searchHint = 'NIT con o sin dígito de verificación, matrícula solo con números, o parte del nombre.';
export const tooManyMatches =
  'Hay más resultados de los que caben aquí: escriba el nombre completo o el NIT para encontrarlo.';
export const noMatches =
  'No encontramos ninguna matrícula con esa búsqueda. Revise el número o escriba otra parte del nombre.';

/** Under the payment form: where the balance comes from. */
export const rechargeHint =
  '¿No le alcanza el saldo? Recárguelo en «Prepago de servicios», en el inicio de este kiosco.';

export const trayAdvice = 'Retire sus certificados de la bandeja del dispensador.';
export const trayAdviceOne = 'Retire su certificado de la bandeja del dispensador.';
export const verifyAdvice =
  'Con el código de verificación, cualquier persona puede comprobar el certificado en la página de la Cámara de Comercio.';
export const unknownAdvice =
  'El dispensador dejó de responder y no sabemos si esta copia salió; el valor queda reservado. Si no está en la bandeja, ' +
  'toque «Volver a entregar un certificado», arriba en la búsqueda de Certificados, y escriba este código: sale de nuevo sin otro cobro. ' +
  'También puede pedir a un funcionario que revise la bandeja.';

/** «Volver a entregar un certificado»: the entry on the search step and the step it opens. */
export const redispenseEntry = 'Volver a entregar un certificado';
/**
 * Where the citizen finds the code: the purchase's screen and its receipt show each copy's code;
 * no mail carries it (the only certificate mail is the refund's, and it names the receipt only).
 */
export const redispenseLead =
  'Si el dispensador no entregó su certificado, escriba el código de verificación de esa copia. Aparece en el recibo ' +
  'de la compra, junto a «Copia 1», «Copia 2»…, y en la pantalla al terminar la compra. ' +
  'Sale de nuevo sin otro cobro.';
export const redispenseHint = '10 letras y números. Las mayúsculas y las minúsculas cuentan: «A» no es «a».';
/** Without the central server a copy cannot be given back. */
export const redispenseOfflineText = 'Volver a entregar un certificado necesita conexión con el servidor central.';

export const copiesWords = (n: number): string => (n === 1 ? '1 copia' : `${n} copias`);
