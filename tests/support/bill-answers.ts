import type { ValidationQuestion } from '../../src-shared/api/ops/bills';
import { formatCop } from '../../src-shared/domain/money';
import { spanishMonths } from './spanish-months';

/** What a citizen holding their last delivered bill can read on it. */
export interface HeldBill {
  readonly billNumber: number;
  readonly total: number;
  readonly currentReading: number;
  readonly consumptionM3: number;
  /** `YYYY-MM-DD`. */
  readonly dueOn: string;
  /** `YYYY-MM`: the questions name it («su factura de marzo de 2026»). */
  readonly period?: string;
  readonly previousReading?: number;
  /** «Promedio de los meses anteriores», null when the bill has no earlier months. */
  readonly averageM3?: number | null;
  /** «Medidor» in the bill's header. */
  readonly meterSerial?: string;
  /** The consumption chart's bars, m³ by period `YYYY-MM` (the months it has data for). */
  readonly chartM3?: Readonly<Record<string, number>>;
}

const grouped = new Intl.NumberFormat('es-CO', { useGrouping: 'always', maximumFractionDigits: 0 });
const months: readonly string[] = spanishMonths;
const monthYear = new Intl.DateTimeFormat('es-CO', { timeZone: 'UTC', month: 'long', year: 'numeric' });

/** «su factura de marzo de 2026»: the bill a question must name. */
export const heldBillWords = (period: string): string =>
  `su factura de ${monthYear.format(new Date(`${period}-15T00:00:00Z`))}`;

/**
 * The option a citizen reading the bill would pick, recognised by the question's wording and
 * written as the bill prints it. Formatted here independently of the service, so a test fails
 * if the service ever labels the right value differently from the bill, or asks about another
 * bill than the one in hand.
 */
export function rightLabel(prompt: string, bill: HeldBill): string {
  if (bill.period !== undefined && !prompt.includes(heldBillWords(bill.period))) {
    throw new Error(`the question «${prompt}» does not name ${heldBillWords(bill.period)}`);
  }
  if (/valor total/i.test(prompt)) return formatCop(bill.total);
  if (/lectura actual/i.test(prompt)) return grouped.format(bill.currentReading);
  if (/lectura anterior/i.test(prompt) && bill.previousReading !== undefined)
    return grouped.format(bill.previousReading);
  if (/metros cúbicos \(m³\) consumió según/i.test(prompt)) return `${bill.consumptionM3} m³`;
  if (/promedio de consumo/i.test(prompt) && bill.averageM3 !== undefined && bill.averageM3 !== null)
    return `${bill.averageM3} m³`;
  if (/número del medidor/i.test(prompt) && bill.meterSerial !== undefined) return bill.meterSerial;
  const chartMonth = new RegExp(`consumió en (${months.join('|')}) de (\\d{4}), según la gráfica`).exec(prompt);
  if (chartMonth !== null) {
    const period = `${chartMonth[2]}-${String(months.indexOf(chartMonth[1] ?? '') + 1).padStart(2, '0')}`;
    const m3 = bill.chartM3?.[period];
    if (m3 !== undefined) return `${m3} m³`;
  }
  throw new Error(`no rule for the question «${prompt}»`);
}

/** Answers to a challenge: all right, or one wrong at `wrongAt` (never saying which to anyone). */
export function answersFor(
  questions: readonly ValidationQuestion[],
  bill: HeldBill,
  wrongAt: number | null = null,
): { questionId: string; optionId: string }[] {
  return questions.map((q, i) => {
    const right = q.options.find((o) => o.label === rightLabel(q.prompt, bill));
    if (right === undefined) throw new Error(`no right option for «${q.prompt}»`);
    const wrong = q.options.find((o) => o.id !== right.id);
    return { questionId: q.id, optionId: (i === wrongAt ? wrong : right)?.id ?? '' };
  });
}
