import { formatCop } from '../../src-shared/domain/money';

/** The cashier's Spanish sentences, in one place for the screens and the tests. */
export const cashierMessages = {
  noOpenSession: 'No hay una caja abierta en este equipo. Abra la caja con la base en efectivo.',
  alreadyOpen: (cashier: string): string => `Ya hay una caja abierta en este equipo (de ${cashier}). Ciérrela antes de abrir otra.`,
  notYourSession: (cashier: string): string => `La caja abierta es de ${cashier}: solo esa persona o un supervisor pueden usarla.`,
  unknownCode: (code: number): string => `No existe el código interno ${code} en los datos de este equipo.`,
  noBills: (code: number): string => `El código interno ${code} no tiene facturas para cobrar.`,
  billNotFound: 'Esa factura no está entre las de este código interno.',
  notConfigured: 'Esta entidad no tiene configurado el convenio del código de barras: digite el código interno.',
  amountTampered: (scanned: number, bill: number): string =>
    `El valor del código de barras (${formatCop(scanned)}) no coincide con el de la factura (${formatCop(bill)}). No cobre con este código: digite el código interno.`,
  noBillForScan: 'Ninguna factura de ese código interno tiene ese valor y esa fecha límite. Digite el código interno.',
  expired: (dueOn: string): string => `La factura venció el ${dueOn}: el convenio no permite recibirla por código de barras después de esa fecha.`,
  overdue: (dueOn: string): string => `Factura vencida el ${dueOn}.`,
  alreadyPaid: 'Esta factura ya está pagada: si la cobra, el valor queda como saldo a favor del suscriptor.',
  annulled: 'Esta factura está anulada: si la cobra, el valor queda como saldo a favor del suscriptor.',
  paymentNotFound: 'Ese pago no está en la caja abierta.',
  sessionNotFound: 'Esa caja no existe en este equipo.',
  alreadyVoided: 'Ese pago ya está anulado.',
  supervisorOnly: 'Para anular hace falta el usuario y la contraseña de un supervisor.',
  cannotCloseUnsynced: (n: number): string =>
    `Hay ${n} ${n === 1 ? 'registro' : 'registros'} de esta caja sin enviar al servidor central, que está disponible: espere a que se envíen (o toque «Sincronizar ahora») y cierre de nuevo.`,
  /** A payment the disk could not take: full (nothing was written), or failing (look before charging again). */
  notRecorded: {
    'disk-full':
      'El disco del equipo está lleno: el pago NO se registró y no se usó ningún número de recibo. ' +
      'No entregue recibo ni dé el pago por hecho: avise a soporte técnico para liberar espacio y cobre de nuevo.',
    'disk-error':
      'El equipo no pudo escribir en su disco (puede estar fallando) y el pago quizá no se registró. ' +
      'Revise la lista de pagos de la caja (F4) antes de cobrar de nuevo, y avise a soporte técnico.',
  },
  differenceNeedsSupervisor: (difference: number): string =>
    `La diferencia del arqueo (${formatCop(difference)}) supera la tolerancia: un supervisor debe aprobar el cierre con su usuario y contraseña.`,
} as const;
