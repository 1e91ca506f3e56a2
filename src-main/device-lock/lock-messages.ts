/** What a locked device says (Spanish, shown as is to citizens, cashiers and staff). */
export const lockMessages = {
  /** Every refused operation: citizens and cashiers read it, staff know what to do. */
  refused:
    'Este dispositivo fue dado de baja en el servidor central y quedó bloqueado: no atiende trámites ni cobros. ' +
    'Avise al área de sistemas de la entidad.',
  notLocked: 'Este dispositivo no está bloqueado: sus registros se envían solos al servidor central.',
  nothingToExport: 'No hay registros sin enviar: el servidor central ya tiene todos los de este dispositivo.',
  notEnrolled: 'Este dispositivo nunca se inscribió en un servidor central: no hay registros que exportar para él.',
} as const;
