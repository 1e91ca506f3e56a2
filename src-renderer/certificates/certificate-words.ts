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
  '¿No le alcanza el saldo? Recárguelo en «Prepago de servicios», en el inicio de este quiosco.';

export const trayAdvice = 'Retire sus certificados de la bandeja del dispensador.';
export const verifyAdvice =
  'Con el código de verificación, cualquier persona puede comprobar el certificado en la página de la Cámara de Comercio.';
export const unknownAdvice =
  'El dispensador dejó de responder y no sabemos si esta copia salió. Un funcionario revisará la bandeja; el valor queda reservado hasta entonces.';

export const copiesWords = (n: number): string => (n === 1 ? '1 copia' : `${n} copias`);
