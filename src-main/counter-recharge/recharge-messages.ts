import { formatCop } from '../../src-shared/domain/money';

/**
 * The Spanish of a prepaid wallet recharge at the counter (docs/counter-recharge.md), in one
 * place for the screens and the tests.
 */
export const rechargeMessages = {
  offlineRecoveryCode:
    'Sin conexión con el servidor central no se puede consultar el código de recuperación. Escanee el código de barras del volante o digite el número de liquidación.',
  unreadable:
    'No es un volante de prepago, un número de liquidación ni un código de recuperación. Escanee el volante o digite el número que aparece en él.',
  /** What the cashier sees above the tenders when the liquidación needs attention. */
  warnings: {
    paid: 'Esta liquidación ya está pagada: el valor quedará como saldo a favor en el prepago del titular. Cóbrela solo si el ciudadano lo confirma.',
    expired: (on: string): string =>
      `Esta liquidación venció el ${on}: si la cobra, el valor se abona al prepago y la oficina lo revisa.`,
    annulled:
      'Esta liquidación está anulada: si la cobra, el valor se abona al prepago del titular y la oficina lo revisa.',
  },
  unconfirmed:
    'Esta liquidación ya está pagada, vencida o anulada y no se cobró: si el ciudadano quiere pagarla de todos modos, pulse F2.',
  /** How the counter knew the liquidación, shown beside it. */
  notes: {
    server: 'Liquidación encontrada en el servidor central.',
    barcode:
      'Sin conexión: número y valor leídos del código de barras del volante. Se abonará al prepago cuando el servidor central registre la recarga.',
    typed:
      'Sin conexión: digite el valor de la recarga tal como aparece en el volante. Se abonará al prepago cuando el servidor central registre la recarga.',
  },
  lookAgain:
    'Busque de nuevo la liquidación (escanee el volante o digite su número): la consulta al servidor central ya no está vigente.',
  amountDiffers: (typed: number, due: number): string =>
    `El valor de la recarga (${formatCop(typed)}) no es el de la liquidación (${formatCop(due)}).`,
  rechargeNotFound: 'Esa recarga no está en la caja abierta.',
  /** A recharge the disk could not take: nothing was written (full) or look before charging again (failing). */
  notRecorded: {
    'disk-full':
      'El disco del equipo está lleno: la recarga NO se registró y no se usó ningún número de recibo. No entregue recibo: avise a soporte técnico para liberar espacio y cobre de nuevo.',
    'disk-error':
      'El equipo no pudo escribir en su disco y la recarga quizá no se registró. Revise los pagos de la caja antes de cobrar de nuevo, y avise a soporte técnico.',
  },
} as const;
