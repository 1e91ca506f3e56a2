/** The prepaid wallet needs the central server; without it the citizen is told plainly. */
export const walletOffline =
  'El prepago necesita conexión con el servidor central y en este momento no la hay. ' +
  'Intente de nuevo en unos minutos; mientras tanto puede consultar e imprimir sus facturas con su código interno.';
