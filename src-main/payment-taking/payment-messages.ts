import { formatCop } from '../../src-shared/domain/money';

/**
 * The Spanish of taking a payment (finding the bill, the tenders, the record), in one place for
 * the screens and the tests. Any staff screen that takes money shows these: they name no key.
 */
export const paymentMessages = {
  unknownCode: (code: number): string => `No existe el código interno ${code} en los datos de este equipo.`,
  noBills: (code: number): string => `El código interno ${code} no tiene facturas para cobrar.`,
  billNotFound: 'Esa factura no está entre las de este código interno.',
  notConfigured: 'Esta entidad no tiene configurado el convenio del código de barras: digite el código interno.',
  amountTampered: (scanned: number, bill: number): string =>
    `El valor del código de barras (${formatCop(scanned)}) no coincide con el de la factura (${formatCop(bill)}). No cobre con este código: digite el código interno.`,
  noBillForScan: 'Ninguna factura de ese código interno tiene ese valor y esa fecha límite. Digite el código interno.',
  expired: (dueOn: string): string =>
    `La factura venció el ${dueOn}: el convenio no permite recibirla por código de barras después de esa fecha.`,
  /** What the staff member sees beside a bill (codes in src-shared/cashier/bill-warning.ts). */
  warnings: {
    overdue: (dueOn: string): string => `Factura vencida el ${dueOn}.`,
    paid: 'Esta factura ya está pagada: si la cobra, el valor queda como saldo a favor del suscriptor.',
    paidHere: (receiptNumber: string): string =>
      `Esta factura ya está pagada en esta caja (recibo ${receiptNumber}): si la cobra, el valor queda como saldo a favor del suscriptor.`,
    annulled: 'Esta factura está anulada: si la cobra, el valor queda como saldo a favor del suscriptor.',
  },
  /** Printed on the citizen's receipt of a bill that was not owed. */
  receiptNotes: {
    paid: 'Esta factura ya estaba pagada: este valor queda como saldo a favor del suscriptor.',
    annulled: 'Esta factura está anulada: este valor queda como saldo a favor del suscriptor.',
    above: (excess: number): string =>
      `Pagó ${formatCop(excess)} más que el valor de la factura: ese valor queda como saldo a favor del suscriptor.`,
  },
  belowBill: (total: number): string =>
    `El valor a pagar no puede ser menor que el de la factura (${formatCop(total)}): no se reciben pagos parciales.`,
  notOwedUnconfirmed:
    'Esta factura no se debe (ya está pagada o anulada) y no se cobró: el valor quedaría como saldo a favor del suscriptor, y eso se confirma aparte.',
  /** A payment the disk could not take: full (nothing was written), or failing (look before charging again). */
  notRecorded: {
    'disk-full':
      'El disco del equipo está lleno: el pago NO se registró y no se usó ningún número de recibo. ' +
      'No entregue recibo ni dé el pago por hecho: avise a soporte técnico para liberar espacio y cobre de nuevo.',
    'disk-error':
      'El equipo no pudo escribir en su disco (puede estar fallando) y el pago quizá no se registró. ' +
      'Revise la lista de pagos de la caja antes de cobrar de nuevo, y avise a soporte técnico.',
  },
} as const;
