/** The Spanish sentences of «Certificados» on the kiosk's side, in one place for screens and tests. */
export const certificateMessages = {
  offline:
    'Comprar certificados necesita conexión con el servidor central y en este momento no la hay. Intente de nuevo en unos minutos.',
  notEnrolled:
    'Este equipo todavía no está inscrito en el servidor central: la compra de certificados no está disponible. Avise al personal de la oficina.',
  notFound: 'No encontramos esa compra en este kiosco.',
  unanswered:
    'No pudimos confirmar la compra con el servidor central. Si el valor se descontó de su prepago, se le devolverá; ' +
    'consulte su saldo en unos minutos o pregunte a un funcionario.',
  notStored:
    'Este kiosco no pudo guardar la compra antes de entregarla, así que no se cobró nada. Avise a un funcionario.',
  notSent: 'El certificado no llegó al dispensador porque la aplicación se cerró; su valor se devuelve al prepago.',
  redispenseOffline:
    'Volver a entregar un certificado necesita conexión con el servidor central y en este momento no la hay. ' +
    'Intente de nuevo en unos minutos o pregunte a un funcionario.',
  redispenseUnderWay: 'Ese certificado se está entregando en este momento: espere a que salga del dispensador.',
  redispenseDelivered: 'Ese certificado ya se entregó: no se vuelve a imprimir.',
  redispenseNotOut:
    'Ese certificado no salió del dispensador y su valor se devuelve al prepago: ese código ya no tiene validez.',
  redispenseNotStored:
    'Este kiosco no pudo guardar la entrega del certificado y no lo imprimió. Intente de nuevo o avise a un funcionario.',
} as const;
