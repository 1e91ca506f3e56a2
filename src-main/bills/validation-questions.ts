/**
 * The three questions a citizen answers before seeing a subscriber's bills (guide 000 §4,
 * docs/user-guides.md), about the bill they hold (held-bill.ts), named in each question. Every
 * option is a real bill: the right one is the subscriber's, the three others those of the peers
 * it is shown with (peer-blocks.ts), read as the bills print them. Pure: the rows and the
 * randomness come in. The right option stays on the Node side.
 *
 * Only facts of the subscriber's own are asked — nothing a cycle shares, like the dates, and
 * not the bill number, which runs in order with the código. And no two questions whose answers
 * give each other away: the total follows from the m³ by the public tariff, and the previous
 * reading from the current one and the m³, so a challenge asks one meter reading, one figure of
 * the consumption (its total, its m³, the average or a month of the chart) and the meter's serial.
 */
import type { ValidationQuestion } from '../../src-shared/api/ops/bills';
import { formatCop } from '../../src-shared/domain/money';
import { billName } from './held-bill';
import { shuffled, type RandomSource } from './random-source';

/** What one bill shows that a question may ask. */
export interface QuestionFacts {
  readonly total: number;
  readonly consumptionM3: number;
  /** «Promedio de los meses anteriores»; null when the bill has no earlier months. */
  readonly averageM3: number | null;
  readonly currentReading: number;
  readonly previousReading: number;
  readonly meterSerial: string;
  /** The consumption chart's earlier bars, one, two… five months before the bill's; null where it has none. */
  readonly earlierM3: readonly (number | null)[];
}

/** How many months back the consumption chart goes before the bill's own. */
export const chartMonthsBack = 5;
const pastKinds = [
  'pastConsumption1',
  'pastConsumption2',
  'pastConsumption3',
  'pastConsumption4',
  'pastConsumption5',
] as const;

export const questionKinds = [
  'currentReading',
  'previousReading',
  'total',
  'consumption',
  'averageConsumption',
  ...pastKinds,
  'meterSerial',
] as const;
export type QuestionKind = (typeof questionKinds)[number];
type PastKind = (typeof pastKinds)[number];
const monthsBack = (kind: PastKind): number => pastKinds.indexOf(kind) + 1;

/**
 * One question from each slot: the kinds of a slot give each other away, those of different
 * slots do not. Within a slot, the first kind whose four options read differently is asked.
 */
export const questionSlots: readonly (readonly QuestionKind[])[] = [
  ['currentReading', 'previousReading'],
  ['total', 'consumption', 'averageConsumption', ...pastKinds],
  ['meterSerial'],
];

export const questionsPerChallenge = questionSlots.length;

export interface BuiltQuestion {
  readonly kind: QuestionKind;
  readonly question: ValidationQuestion;
  /** Never sent to the screen. */
  readonly correctOptionId: string;
}

const grouped = new Intl.NumberFormat('es-CO', { useGrouping: 'always', maximumFractionDigits: 0 });

const monthYear = new Intl.DateTimeFormat('es-CO', { timeZone: 'UTC', month: 'long', year: 'numeric' });

/** `2026-11`, 2 → `septiembre de 2026`. */
function monthBefore(period: string, back: number): string {
  const [year, month] = period.split('-').map(Number);
  return monthYear.format(new Date(Date.UTC(year ?? 0, (month ?? 1) - 1 - back, 15)));
}

function prompt(kind: QuestionKind, period: string): string {
  const bill = billName(period);
  switch (kind) {
    case 'currentReading':
      return `¿Cuál es la lectura actual del medidor en ${bill}?`;
    case 'previousReading':
      return `¿Cuál es la lectura anterior del medidor en ${bill}?`;
    case 'total':
      return `¿Cuál es el valor total a pagar de ${bill}?`;
    case 'consumption':
      return `¿Cuántos metros cúbicos (m³) consumió según ${bill}?`;
    case 'averageConsumption':
      return `¿Cuál es el promedio de consumo de los meses anteriores en ${bill}?`;
    case 'meterSerial':
      return `¿Cuál es el número del medidor que aparece en ${bill}?`;
    default:
      return `¿Cuántos metros cúbicos (m³) consumió en ${monthBefore(period, monthsBack(kind))}, según la gráfica de consumo de ${bill}?`;
  }
}

/** An option as the bill prints it, or null when the bill does not show it. */
export function labelOf(kind: QuestionKind, facts: QuestionFacts): string | null {
  switch (kind) {
    case 'currentReading':
      return grouped.format(facts.currentReading);
    case 'previousReading':
      return grouped.format(facts.previousReading);
    case 'total':
      return formatCop(facts.total);
    case 'consumption':
      return `${facts.consumptionM3} m³`;
    case 'averageConsumption':
      return facts.averageM3 === null ? null : `${facts.averageM3} m³`;
    case 'meterSerial':
      return facts.meterSerial;
    default: {
      const m3 = facts.earlierM3[monthsBack(kind) - 1];
      return m3 === null || m3 === undefined ? null : `${m3} m³`;
    }
  }
}

/** The first kind of `slot` whose four options read differently, if any. */
function distinctKind(
  slot: readonly QuestionKind[],
  rows: readonly QuestionFacts[],
  except: readonly QuestionKind[] = [],
): QuestionKind | undefined {
  return slot.find((kind) => {
    if (except.includes(kind)) return false;
    const labels = rows.map((row) => labelOf(kind, row));
    return labels.every((label) => label !== null) && new Set(labels).size === rows.length;
  });
}

/**
 * The kinds asked of these rows, one per slot, or null when they cannot make three questions.
 * Decided by the rows alone — never by which one is right — so the members of a block, who are
 * shown the same rows, get the same questions.
 *
 * When every figure of the consumption repeats among the four (homes that use the same few m³
 * month after month; 0.4 % of the demo's challenges), both meter readings are asked instead.
 * Their difference is the consumption, so someone comparing them can pair them up: those
 * challenges are guessed one time in 16 rather than 64, still with three tries per lock.
 */
export function chooseKinds(rows: readonly QuestionFacts[]): QuestionKind[] | null {
  const [register, level, meter] = questionSlots.map((slot) => distinctKind(slot, rows));
  if (register === undefined || meter === undefined) return null;
  if (level !== undefined) return [register, level, meter];
  const otherReading = distinctKind(questionSlots[0] ?? [], rows, [register]);
  return otherReading === undefined ? null : [register, otherReading, meter];
}

/**
 * Three questions about `rows` (four bills of the same period, `rows[right]` the subscriber's),
 * in random order, ids `q1`–`q3`, each with the four options in random order, ids `a`–`d`.
 * Null when the rows cannot make three questions (chooseKinds).
 */
export function buildQuestions(
  rows: readonly QuestionFacts[],
  right: number,
  period: string,
  random: RandomSource,
): BuiltQuestion[] | null {
  const kinds = chooseKinds(rows);
  if (kinds === null || rows[right] === undefined) return null;
  return shuffled(kinds, random).map((kind, i) => {
    const order = shuffled(
      rows.map((_, index) => index),
      random,
    );
    const options = order.map((index, position) => ({
      id: 'abcd'.charAt(position),
      label: labelOf(kind, rows[index] as QuestionFacts) ?? '',
    }));
    return {
      kind,
      question: { id: `q${i + 1}`, prompt: prompt(kind, period), options },
      correctOptionId: 'abcd'.charAt(order.indexOf(right)),
    };
  });
}
