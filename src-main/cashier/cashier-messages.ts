/**
 * The counter's own Spanish sentences (its sessions, voids and close), in one place for the
 * screens and the tests; finding bills and taking payments speak through
 * src-main/payment-taking/payment-messages.ts.
 */
export const cashierMessages = {
  noOpenSession: 'No hay una caja abierta en este equipo. Abra la caja con la base en efectivo.',
  alreadyOpen: (cashier: string): string =>
    `Ya hay una caja abierta en este equipo (de ${cashier}). Ciérrela antes de abrir otra.`,
  notYourSession: (cashier: string): string =>
    `La caja abierta es de ${cashier}: solo esa persona o un supervisor pueden usarla.`,
  paymentNotFound: 'Ese pago no está en la caja abierta.',
  sessionNotFound: 'Esa caja no existe en este equipo.',
  alreadyVoided: 'Ese pago ya está anulado.',
  /** A staff member who is not a supervisor typed their credentials where a supervisor's go. */
  supervisorOnly: {
    void: 'Para anular hace falta el usuario y la contraseña de un supervisor.',
    close: 'Para aprobar la diferencia del arqueo hace falta el usuario y la contraseña de un supervisor.',
  },
  cannotCloseUnsynced: (n: number): string =>
    `Hay ${n} ${n === 1 ? 'registro' : 'registros'} de esta caja sin enviar al servidor central, que está disponible: espere a que se envíen (o toque «Sincronizar ahora») y cierre de nuevo.`,
} as const;
