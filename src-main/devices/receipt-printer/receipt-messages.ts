/** The Spanish sentences of the receipt printer, in one place for screens and tests. */
export const receiptMessages = {
  unreachable: 'La impresora de recibos no responde: revise que esté encendida y conectada, y reintente.',
  cutOff: 'La impresora de recibos se detuvo durante la impresión: revise el recibo antes de reimprimirlo.',
  paperRanOut: 'Se acabó el papel durante la impresión: cambie el rollo y reimprima el recibo.',
  unsupportedContent: 'Este tipo de documento no se puede enviar a la impresora de recibos.',
  notStored:
    'El disco del equipo está lleno (o falla) y el recibo no se pudo guardar para imprimirlo; lo registrado antes sigue registrado. ' +
    'Avise a soporte técnico para liberar espacio y reimprímalo.',
  notConfigured: 'Este equipo no tiene una impresora de recibos configurada.',
  badAddress:
    'La dirección de la impresora de recibos no es válida (use tcp://equipo:9100, printer:COLA, serial:///dev/rfcomm0 o COM5).',
  /** Staff's remedy for a portable printer on a device path that does not connect. */
  deviceOfflineRemedy: 'revise que esté encendida, con carga y emparejada con este equipo (Bluetooth)',
  deviceDenied:
    'Este equipo no tiene permiso para usar el puerto de la impresora de recibos: en Linux, agregue el usuario al grupo «dialout» y vuelva a iniciar sesión; luego reimprima el recibo.',
} as const;
