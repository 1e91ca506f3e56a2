import { billStates } from './bill-state';
import { err, ok, type Result } from '../api/result';
import type { BillRow, SubscriberRow } from './bill-rows';
import { bogotaDate, formatDateEs, periodLabel, periodsEndingAt, shortPeriodLabel } from './calendar-es';
import type { EntitySetting } from './entity-setting';
import { paymentElementString, type PaymentElementString } from './gs1-128';
import { formatCop, type Pesos } from './money';
import { formatNit } from './nit';
import { watermarkFor, type BillDocumentMode, type BillState } from './bill-watermark';

/**
 * Everything a bill document shows, ready to lay out: the full-page PDF (src-main/documents)
 * and the thermal slip (bill-slip.ts) are both drawn from this one model, so they cannot
 * disagree. Dates are already in the Colombian form (`15/03/2026`); amounts stay whole pesos
 * for the renderer to format with `formatCop`.
 *
 * The payment reference (AI 8020) is the código interno, zero-padded to the convenio's length:
 * it is what the citizen and the bank know the account by, it fits the usual 10–12 digits (bill
 * numbers here have 14), and amount plus due date tell which bill of the account was paid.
 */

export type { BillDocumentMode, BillState };
export type BillLineKind = 'charge' | 'subsidy' | 'contribution';

export interface BillDocumentLine {
  readonly label: string;
  readonly amount: Pesos;
  readonly kind: BillLineKind;
}

export interface ConsumptionBar {
  readonly period: string;
  /** `mar 26`. */
  readonly label: string;
  /** Null when there is no bill for that period (a new account, a gap in the replica). */
  readonly consumptionM3: number | null;
  readonly isBillPeriod: boolean;
}

/** Why a document has no barcode; the service logs `not-encodable` as a configuration fault. */
export type NoBarcodeReason = 'previous' | 'paid' | 'annulled' | 'nothing-to-pay' | 'not-configured' | 'not-encodable';

export type BillPaymentBlock =
  | { readonly kind: 'barcode'; readonly barcode: PaymentElementString }
  | { readonly kind: 'none'; readonly reason: NoBarcodeReason; readonly message: string };

export interface BillDocument {
  readonly mode: BillDocumentMode;
  readonly entity: {
    readonly name: string;
    /** With its check digit: `800.089.809-6`. */
    readonly nit: string;
    readonly city: string;
    readonly address: string;
    readonly phone: string;
    readonly website: string;
    readonly paymentPoints: readonly string[];
    readonly footer: readonly string[];
  };
  readonly subscriber: {
    readonly codigoInterno: string;
    readonly codigoRuta: string;
    readonly holderName: string;
    readonly address: string;
    /** Neighbourhood and municipality. */
    readonly place: string;
    readonly estrato: number;
    /** `Residencial`. */
    readonly uso: string;
    readonly meterSerial: string;
  };
  readonly bill: {
    readonly billNumber: string;
    readonly period: string;
    /** `Marzo de 2026`. */
    readonly periodLabel: string;
    readonly issuedOn: string;
    readonly dueOn: string;
    readonly suspensionOn: string;
    readonly previousReading: number;
    readonly currentReading: number;
    readonly consumptionM3: number;
    readonly lines: readonly BillDocumentLine[];
    /** Sum of the period's lines. */
    readonly periodCharges: Pesos;
    readonly previousBalance: Pesos;
    readonly total: Pesos;
    readonly state: BillState;
    /** `Pagada`. */
    readonly stateLabel: string;
    /** Bogotá day of the payment, `15/03/2026`, when paid. */
    readonly paidOn: string | null;
  };
  /** Six periods ending at the bill's, oldest first. */
  readonly consumption: readonly ConsumptionBar[];
  /** Average m³ of the earlier periods that have data, rounded; null if none. */
  readonly averageM3: number | null;
  readonly payment: BillPaymentBlock;
  readonly watermark: string | null;
  /** Short warnings printed near the total (overdue, suspension). */
  readonly notices: readonly string[];
}

export interface BillDocumentInput {
  readonly mode: BillDocumentMode;
  readonly entity: EntitySetting;
  readonly subscriber: SubscriberRow;
  readonly bill: BillRow;
  /** Other bills of the subscriber (any order, may include `bill`), for the consumption chart. */
  readonly history: readonly BillRow[];
}

export const chartPeriods = 6;

const stateLabels: Readonly<Record<BillState, string>> = {
  pagada: 'Pagada',
  pendiente: 'Pendiente de pago',
  vencida: 'Vencida',
  anulada: 'Anulada',
};

function isBillState(value: string): value is BillState {
  return (billStates as readonly string[]).includes(value);
}

export function buildBillDocument(input: BillDocumentInput): Result<BillDocument> {
  const { mode, entity, subscriber, bill } = input;
  if (bill.codigoInterno !== subscriber.codigoInterno) {
    return err('internal', 'La factura no corresponde al código interno consultado.');
  }
  if (!isBillState(bill.state)) return err('internal', 'La factura tiene un estado que esta versión no conoce.');
  const state = bill.state;
  const consumption = consumptionBars(bill, input.history);

  return ok({
    mode,
    entity: {
      name: entity.name,
      nit: formatNit(entity.nit),
      city: entity.city,
      address: entity.address,
      phone: entity.phone,
      website: entity.website,
      paymentPoints: entity.paymentPoints,
      footer: entity.footer,
    },
    subscriber: {
      codigoInterno: String(subscriber.codigoInterno),
      codigoRuta: subscriber.codigoRuta,
      holderName: subscriber.holderName,
      address: subscriber.address,
      place: [subscriber.neighborhood, subscriber.municipality].filter((part) => part.length > 0).join(', '),
      estrato: subscriber.estrato,
      uso: subscriber.uso.charAt(0).toUpperCase() + subscriber.uso.slice(1),
      meterSerial: subscriber.meterSerial,
    },
    bill: {
      billNumber: String(bill.billNumber),
      period: bill.period,
      periodLabel: periodLabel(bill.period),
      issuedOn: formatDateEs(bill.issuedOn),
      dueOn: formatDateEs(bill.dueOn),
      suspensionOn: formatDateEs(bill.suspensionOn),
      previousReading: bill.previousReading,
      currentReading: bill.currentReading,
      consumptionM3: bill.consumptionM3,
      lines: bill.lineItems.map((item) => ({
        label: item.label,
        amount: item.amount,
        kind: lineKind(item.concept, item.amount),
      })),
      periodCharges: bill.lineItems.reduce((sum, item) => sum + item.amount, 0),
      previousBalance: bill.previousBalance,
      total: bill.total,
      state,
      stateLabel: stateLabels[state],
      paidOn: bill.paidAt === null ? null : formatDateEs(bogotaDate(bill.paidAt)),
    },
    consumption,
    averageM3: averageOfEarlier(consumption),
    payment: paymentBlock(mode, state, entity, bill),
    watermark: watermarkFor(mode, state),
    notices: notices(mode, state, bill),
  });
}

function lineKind(concept: string, amount: number): BillLineKind {
  if (concept === 'subsidio' || (concept !== 'contribucion' && amount < 0)) return 'subsidy';
  if (concept === 'contribucion') return 'contribution';
  return 'charge';
}

/** What the consumption chart needs of a bill. */
export type ChartBill = Pick<BillRow, 'billNumber' | 'codigoInterno' | 'period' | 'state' | 'consumptionM3'>;

/**
 * «Promedio de los meses anteriores» as the bill prints it: the mean of the chart's earlier
 * periods that have data, rounded; null if none. The validation questions ask it too.
 */
export function earlierAverageM3(bill: ChartBill, history: readonly ChartBill[]): number | null {
  return averageOfEarlier(consumptionBars(bill, history));
}

function averageOfEarlier(bars: readonly ConsumptionBar[]): number | null {
  const earlier = bars.slice(0, -1).flatMap((bar) => (bar.consumptionM3 === null ? [] : [bar.consumptionM3]));
  return earlier.length === 0 ? null : Math.round(earlier.reduce((a, b) => a + b, 0) / earlier.length);
}

/** The bill's own consumption for its period; other periods from bills that were not annulled. */
export function consumptionBars(bill: ChartBill, history: readonly ChartBill[]): ConsumptionBar[] {
  const byPeriod = new Map<string, ChartBill>();
  for (const row of history) {
    if (row.codigoInterno !== bill.codigoInterno || row.state === 'anulada') continue;
    const known = byPeriod.get(row.period);
    // A reissued bill has the higher number; it is the one that counts.
    if (!known || row.billNumber > known.billNumber) byPeriod.set(row.period, row);
  }
  byPeriod.set(bill.period, bill);
  return periodsEndingAt(bill.period, chartPeriods).map((period) => ({
    period,
    label: shortPeriodLabel(period),
    consumptionM3: byPeriod.get(period)?.consumptionM3 ?? null,
    isBillPeriod: period === bill.period,
  }));
}

function paymentBlock(
  mode: BillDocumentMode,
  state: BillState,
  entity: EntitySetting,
  bill: BillRow,
): BillPaymentBlock {
  const none = (reason: NoBarcodeReason, message: string): BillPaymentBlock => ({ kind: 'none', reason, message });
  if (mode === 'previous') {
    return none('previous', 'Copia informativa, sin código de barras. Para pagar, imprima la factura actual.');
  }
  if (state === 'pagada') return none('paid', 'Esta factura ya está pagada. No la pague de nuevo.');
  if (state === 'anulada') return none('annulled', 'Esta factura fue anulada. No la pague.');
  if (bill.total <= 0) {
    return none(
      'nothing-to-pay',
      bill.total < 0
        ? `No tiene valor a pagar: su saldo a favor es ${formatCop(-bill.total)}.`
        : 'Esta factura no tiene valor a pagar.',
    );
  }
  const offices = 'Pague en las cajas de la empresa con su código interno.';
  if (!entity.paymentBarcode) return none('not-configured', offices);
  const barcode = paymentElementString(entity.paymentBarcode, {
    reference: String(bill.codigoInterno),
    amountPesos: bill.total,
    dueOn: bill.dueOn,
  });
  return barcode.ok ? { kind: 'barcode', barcode: barcode.value } : none('not-encodable', offices);
}

function notices(mode: BillDocumentMode, state: BillState, bill: BillRow): string[] {
  if (mode === 'previous' || state === 'pagada' || state === 'anulada' || bill.total <= 0) return [];
  const suspension = `Evite la suspensión del servicio: pague antes del ${formatDateEs(bill.suspensionOn)}.`;
  if (state === 'vencida') {
    return ['Factura vencida. Si el banco no la recibe, páguela en las cajas de la empresa.', suspension];
  }
  return bill.previousBalance > 0 ? [suspension] : [];
}
