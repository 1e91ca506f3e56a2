/** The prepaid wallet needs the central server; without it the citizen is told plainly. */
export const walletOffline =
  'El prepago necesita conexión con el servidor central y en este momento no la hay. ' +
  'Intente de nuevo en unos minutos; mientras tanto puede consultar e imprimir sus facturas con su código interno.';

/** A device never enrolled has no central server to ask. */
export const walletNotEnrolled =
  'Este equipo todavía no está inscrito en el servidor central: el prepago no está disponible. Avise al personal de la oficina.';

/** A kiosk with no printer: the volante can still be seen, and its number taken to a bank or an office. */
export const walletNoPrinter =
  'Este kiosco no tiene impresora. Anote el número de la liquidación y su código de recuperación: ' +
  'con ellos puede pagar en cualquiera de nuestras oficinas o recuperar la transacción en otro kiosco.';
