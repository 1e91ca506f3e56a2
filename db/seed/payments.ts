/**
 * How and when a bill gets paid: the subscriber's habit (punctual, late, irregular, in
 * arrears), the channel (bank, office cashier, online PSE, corresponsal bancario) and a
 * reference in the form each channel gives.
 */
import { bogotaEpochMs, bogotaTimestamp, type IsoDate } from './calendar';
import type { Estrato } from './places';
import { WeightedTable, type Rng } from './random';
import type { PaymentChannel, PaymentRow } from './rows';
import { uuidV7 } from './uuid-v7';

export type PaymentHabit = 'puntual' | 'tardio' | 'irregular' | 'moroso';
/** What a subscriber does with one bill. */
export type PaymentTiming = 'on-time' | 'late' | 'unpaid';

const habits = new WeightedTable<PaymentHabit>([
  ['puntual', 60],
  ['tardio', 22],
  ['irregular', 13],
  ['moroso', 5],
]);

const timingByHabit: Readonly<Record<PaymentHabit, WeightedTable<PaymentTiming>>> = {
  puntual: new WeightedTable([
    ['on-time', 93],
    ['late', 6],
    ['unpaid', 1],
  ]),
  tardio: new WeightedTable([
    ['on-time', 35],
    ['late', 55],
    ['unpaid', 10],
  ]),
  irregular: new WeightedTable([
    ['on-time', 25],
    ['late', 25],
    ['unpaid', 50],
  ]),
  moroso: new WeightedTable([
    ['on-time', 5],
    ['late', 10],
    ['unpaid', 85],
  ]),
};

/** Higher estratos pay online more; lower ones at corresponsales and the office. */
const channelsLow = new WeightedTable<PaymentChannel>([
  ['banco', 25],
  ['caja', 25],
  ['en-linea', 15],
  ['corresponsal', 35],
]);
const channelsHigh = new WeightedTable<PaymentChannel>([
  ['banco', 25],
  ['caja', 10],
  ['en-linea', 55],
  ['corresponsal', 10],
]);

const bankCodes = ['BOG', 'BCO', 'DAV', 'AVV', 'BBVA', 'OCC', 'POP', 'AGR'] as const;

export function paymentHabit(rng: Rng): PaymentHabit {
  return habits.pick(rng);
}

export function paymentTiming(habit: PaymentHabit, rng: Rng): PaymentTiming {
  return timingByHabit[habit].pick(rng);
}

function referenceFor(channel: PaymentChannel, rng: Rng): string {
  switch (channel) {
    case 'banco':
      return `${rng.pick(bankCodes)}-${rng.digits(10)}`;
    case 'caja':
      // Recibo de caja: office number and its receipt series.
      return `RC-0${rng.int(1, 3)}-${rng.digits(7)}`;
    case 'en-linea':
      // PSE's CUS (código único de seguimiento).
      return `PSE-${rng.digits(10)}`;
    case 'corresponsal':
      return `CB-${rng.digits(8)}`;
  }
}

/** Seconds after midnight: offices and banks open 7:00–18:00, PSE all day. */
function timeOfDay(channel: PaymentChannel, rng: Rng): number {
  return channel === 'en-linea' ? rng.int(6 * 3600, 23 * 3600 + 3599) : rng.int(7 * 3600, 17 * 3600 + 3599);
}

export interface PaymentFor {
  readonly codigoInterno: number;
  readonly billNumber: number;
  readonly period: string;
  readonly amount: number;
  readonly estrato: Estrato;
}

/** The payment of `bill` on `date` (day number `day`, both given to avoid re-parsing). */
export function makePayment(bill: PaymentFor, date: IsoDate, day: number, rng: Rng): PaymentRow {
  const channel = (bill.estrato >= 4 ? channelsHigh : channelsLow).pick(rng);
  const second = timeOfDay(channel, rng);
  return {
    id: uuidV7(bogotaEpochMs(day, second), rng),
    codigoInterno: bill.codigoInterno,
    billNumber: bill.billNumber,
    period: bill.period,
    amount: bill.amount,
    paidAt: bogotaTimestamp(date, second),
    channel,
    reference: referenceFor(channel, rng),
  };
}
