/**
 * The three questions a citizen answers before seeing a subscriber's bills (guide 000 §4, docs/user-guides.md):
 * multiple choice about the subscriber's last bill, which they hold in their hand. Pure: the
 * randomness comes in, so tests can fix it. The right option stays on the Node side.
 */
import type { ValidationQuestion } from '../../src-shared/api/ops/bills';
import { formatCop } from '../../src-shared/domain/money';
import { numericDistractors, roundingStep } from './distractors';
import { shuffled, type RandomSource } from './random-source';

export const questionKinds = ['total', 'currentReading', 'consumption', 'billNumber', 'dueDate'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const questionsPerChallenge = 3;

/** What the questions are taken from: the subscriber's last (not annulled) bill. */
export interface QuestionBill {
  readonly billNumber: number;
  readonly total: number;
  readonly previousReading: number;
  readonly currentReading: number;
  readonly consumptionM3: number;
  /** `YYYY-MM-DD`. */
  readonly issuedOn: string;
  readonly dueOn: string;
  readonly suspensionOn: string;
}

export interface BuiltQuestion {
  readonly kind: QuestionKind;
  readonly question: ValidationQuestion;
  /** Never sent to the screen. */
  readonly correctOptionId: string;
}

export interface QuestionRandomness {
  /** Which questions are asked and in what order the options are shown. */
  readonly order: RandomSource;
  /** The wrong options of one kind of question; stable per bill so repeated asks agree. */
  distractors(kind: QuestionKind): RandomSource;
}

const prompts: Readonly<Record<QuestionKind, string>> = {
  total: '¿Cuál es el valor total a pagar de su última factura?',
  currentReading: '¿Cuál es la lectura actual del medidor en su última factura?',
  consumption: '¿Cuántos metros cúbicos (m³) consumió según su última factura?',
  billNumber: '¿Cuál es el número de su última factura?',
  dueDate: '¿Cuál es la fecha de pago oportuno de su última factura?',
};

const dayMs = 86_400_000;
const epochDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / dayMs;
const dateFormat = new Intl.DateTimeFormat('es-CO', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const groupedFormat = new Intl.NumberFormat('es-CO', { useGrouping: 'always', maximumFractionDigits: 0 });

/** The right value of a question and its wrong options, as numbers, and how both read. */
function valuesFor(kind: QuestionKind, bill: QuestionBill, random: RandomSource): { values: number[]; label: (v: number) => string } {
  switch (kind) {
    case 'total': {
      const v = bill.total;
      const step = roundingStep(v);
      const minGap = Math.max(step, Math.round(v * 0.04));
      const maxGap = Math.max(minGap + 6 * step, Math.round(v * 0.3));
      return { values: [v, ...numericDistractors(v, { min: 0, minGap, maxGap, step }, random)], label: formatCop };
    }
    case 'currentReading': {
      const v = bill.currentReading;
      const minGap = Math.max(2, Math.round(bill.consumptionM3 * 0.3));
      const maxGap = Math.max(minGap + 10, bill.consumptionM3 * 2, 25);
      const spread = { min: 0, minGap, maxGap, step: 1, avoid: [bill.previousReading] };
      return { values: [v, ...numericDistractors(v, spread, random)], label: (n) => groupedFormat.format(n) };
    }
    case 'consumption': {
      const v = bill.consumptionM3;
      const minGap = Math.max(1, Math.round(v * 0.15));
      const maxGap = Math.max(minGap + 6, Math.round(v * 0.6));
      return { values: [v, ...numericDistractors(v, { min: 0, minGap, maxGap, step: 1 }, random)], label: (n) => `${n} m³` };
    }
    case 'billNumber': {
      // Same period prefix and length: only the subscriber's slot changes.
      const v = bill.billNumber;
      const floor = Math.floor(v / 100_000_000) * 100_000_000 + 1;
      return { values: [v, ...numericDistractors(v, { min: floor, minGap: 3, maxGap: 90_000, step: 1 }, random)], label: String };
    }
    case 'dueDate': {
      // The issue and suspension dates are printed on the same bill: never offered as wrong.
      const v = epochDay(bill.dueOn);
      const spread = { min: 0, minGap: 1, maxGap: 12, step: 1, avoid: [epochDay(bill.issuedOn), epochDay(bill.suspensionOn)] };
      return { values: [v, ...numericDistractors(v, spread, random)], label: (day) => dateFormat.format(new Date(day * dayMs)) };
    }
  }
}

/** One question: the options in random order, ids `a`–`d` by position. */
export function buildQuestion(kind: QuestionKind, bill: QuestionBill, id: string, randomness: QuestionRandomness): BuiltQuestion {
  const { values, label } = valuesFor(kind, bill, randomness.distractors(kind));
  const right = values[0];
  const ordered = shuffled(values, randomness.order);
  const options = ordered.map((value, i) => ({ id: 'abcd'.charAt(i), label: label(value) }));
  const correct = ordered.indexOf(right ?? Number.NaN);
  return { kind, question: { id, prompt: prompts[kind], options }, correctOptionId: 'abcd'.charAt(correct) };
}

/** Three different kinds of question, chosen at random, ids `q1`–`q3`. */
export function buildQuestions(bill: QuestionBill, randomness: QuestionRandomness): BuiltQuestion[] {
  const kinds = shuffled(questionKinds, randomness.order).slice(0, questionsPerChallenge);
  return kinds.map((kind, i) => buildQuestion(kind, bill, `q${i + 1}`, randomness));
}
