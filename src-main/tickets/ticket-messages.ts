/** The Spanish sentences of support tickets on the device's side, in one place for screens and tests. */
export const ticketMessages = {
  offline:
    'Los tickets de soporte necesitan conexión con el servidor central y en este momento no la hay. ' +
    'Intente de nuevo en unos minutos o pida ayuda al personal de la oficina.',
  notEnrolled:
    'Este equipo todavía no está inscrito en el servidor central: los tickets de soporte no están disponibles. Avise al personal de la oficina.',
  fileGone: 'Ese archivo ya no está en este kiosco. Adjúntelo de nuevo.',
  fileIncomplete: 'Un archivo no terminó de adjuntarse. Quítelo y adjúntelo de nuevo.',
  partOutOfOrder: 'El archivo no llegó completo. Adjúntelo de nuevo.',
  notPrintable: 'Ese número no es de un ticket creado en esta visita.',
  noPrinter:
    'Este kiosco no tiene impresora de recibos disponible. Anote el número del ticket: también le llegó en el correo de confirmación.',
} as const;
