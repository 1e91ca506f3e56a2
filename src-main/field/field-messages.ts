import type { BillWarningCode } from '../../src-shared/cashier/bill-warning';
import { formatCop } from '../../src-shared/domain/money';

/** Beside a bill on the subscriber's screen (the counter's words speak of charging it anyway; the field never does). */
const settled: Partial<Record<BillWarningCode, string>> = {
  'paid-here': 'Ya se cobró en este equipo.',
  paid: 'Ya está pagada (según los datos de la última descarga).',
  annulled: 'Está anulada.',
};

/**
 * The field laptop's own Spanish (docs/field-mode.md); finding bills and recording payments
 * speak through src-main/payment-taking/payment-messages.ts, as at the counter.
 */
export const fieldMessages = {
  notInRoutes: (code: number): string =>
    `El código interno ${code} no está en sus rutas: este equipo no tiene sus datos. Si el suscriptor quiere pagar, indíquele la oficina o un banco.`,
  billNotInRoutes: 'Esa factura no está en sus rutas (no está entre las de este código interno en este equipo).',
  noDayOpen: 'Abra el día de recaudo de hoy antes de cobrar.',
  notYourDay: (collector: string): string =>
    `El día de recaudo abierto es de ${collector}: solo esa persona o un supervisor pueden cobrar en él.`,
  collectedHere: (receiptNumber: string): string => `Ya se cobró en este equipo (recibo ${receiptNumber}).`,
  notOwed: (why: string): string => `${why} No se puede cobrar de nuevo en terreno.`,
  settled,
  askPaidElsewhere: (risk: string): string =>
    `${risk} Si el suscriptor no la ha pagado, confírmelo y cobre; si la pagó, no cobre.`,
  aboveBill: (excess: number): string =>
    `El valor es ${formatCop(excess)} más que la factura: ese valor quedará como saldo a favor del suscriptor. Confírmelo para cobrar.`,
  paymentNotFound: 'Ese pago no está en este equipo.',
  notYourPayment: (collector: string): string =>
    `Ese pago lo cobró ${collector}: solo esa persona o un supervisor pueden marcarlo para anular.`,
  clockBehindDay: (openedAt: string): string =>
    `El reloj de este equipo marca una hora anterior a la apertura del día de recaudo abierto (${openedAt}). Corrija la fecha y la hora del equipo antes de abrir el día o cobrar; los pagos ya tomados están guardados.`,
  dayNotFound: 'Ese día de recaudo no está en este equipo.',
  alreadyVoided: 'Ese pago ya está anulado.',
  alreadyFlagged: 'Ese pago ya está marcado para anular en la oficina.',
} as const;
