import type { ValidationQuestion } from '../../src-shared/api/ops/bills';
import { formatCop } from '../../src-shared/domain/money';

/** What a citizen holding their last printed bill can read on it. */
export interface HeldBill {
  readonly billNumber: number;
  readonly total: number;
  readonly currentReading: number;
  readonly consumptionM3: number;
  /** `YYYY-MM-DD`. */
  readonly dueOn: string;
}

const grouped = new Intl.NumberFormat('es-CO', { useGrouping: 'always', maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat('es-CO', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * The option a citizen reading the bill would pick, recognised by the question's wording and
 * written as the bill prints it. Formatted here independently of the service, so a test fails
 * if the service ever labels the right value differently from the bill.
 */
export function rightLabel(prompt: string, bill: HeldBill): string {
  if (/valor total/i.test(prompt)) return formatCop(bill.total);
  if (/lectura actual/i.test(prompt)) return grouped.format(bill.currentReading);
  if (/metros cúbicos/i.test(prompt)) return `${bill.consumptionM3} m³`;
  if (/número de su última factura/i.test(prompt)) return String(bill.billNumber);
  if (/fecha de pago/i.test(prompt)) return longDate.format(new Date(`${bill.dueOn}T00:00:00Z`));
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
