import { describe, expect, it } from 'vitest';
import { numericDistractors, roundingStep } from '../../../src-main/bills/distractors';
import { keyedRandom, type RandomSource } from '../../../src-main/bills/random-source';
import {
  buildQuestion,
  buildQuestions,
  questionKinds,
  type QuestionBill,
  type QuestionKind,
  type QuestionRandomness,
} from '../../../src-main/bills/validation-questions';

const bill: QuestionBill = {
  billNumber: 20260300012345,
  total: 96_906,
  previousReading: 1930,
  currentReading: 1945,
  consumptionM3: 15,
  issuedOn: '2026-03-06',
  dueOn: '2026-03-21',
  suspensionOn: '2026-03-31',
};

const seeded = (label: string): RandomSource => keyedRandom(Buffer.from('tests'), label);
const randomness = (label: string): QuestionRandomness => ({
  order: seeded(`order:${label}`),
  distractors: (kind) => seeded(`distractors:${label}:${kind}`),
});

/** The numeric value behind an option label of each kind. */
const valueOf = (kind: QuestionKind, label: string): number => {
  if (kind === 'dueDate') {
    const months = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
    const [day, , month, , year] = label.split(' ');
    return Date.UTC(Number(year), months.indexOf(month ?? ''), Number(day)) / 86_400_000;
  }
  return Number(label.replace(/[^0-9-]/g, ''));
};

describe('validation questions', () => {
  it.each(questionKinds)('%s: four distinct options, the right one exactly once, none negative', (kind) => {
    for (let run = 0; run < 200; run += 1) {
      const q = buildQuestion(kind, { ...bill, total: 1_000 + run * 977, consumptionM3: run % 40 }, 'q1', randomness(`${kind}${run}`));
      const labels = q.question.options.map((o) => o.label);
      expect(new Set(labels).size).toBe(4);
      expect(q.question.options.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd']);
      const right = q.question.options.filter((o) => o.id === q.correctOptionId);
      expect(right).toHaveLength(1);
      for (const label of labels) expect(valueOf(kind, label)).toBeGreaterThanOrEqual(0);
    }
  });

  it('labels the right answer as the bill shows it', () => {
    const expected: Record<QuestionKind, string> = {
      total: '$\u00a096.906',
      currentReading: '1.945',
      consumption: '15 m³',
      billNumber: '20260300012345',
      dueDate: '21 de marzo de 2026',
    };
    for (const kind of questionKinds) {
      const q = buildQuestion(kind, bill, 'q1', randomness(kind));
      expect(q.question.options.find((o) => o.id === q.correctOptionId)?.label).toBe(expected[kind]);
    }
  });

  it('keeps distractors plausible: near the right value and in its format', () => {
    for (let run = 0; run < 300; run += 1) {
      const total = 20_000 + run * 1_300; // multiples of 100 every so often
      const q = buildQuestion('total', { ...bill, total }, 'q1', randomness(`near${run}`));
      for (const option of q.question.options) {
        const value = valueOf('total', option.label);
        expect(Math.abs(value - total)).toBeLessThanOrEqual(Math.max(total * 0.3, 7 * roundingStep(total) + total * 0.04) + 1);
        expect(Math.abs((value - total) % roundingStep(total))).toBe(0);
        if (option.id !== q.correctOptionId) expect(Math.abs(value - total)).toBeGreaterThanOrEqual(Math.round(total * 0.04));
      }
      const number = buildQuestion('billNumber', bill, 'q1', randomness(`nr${run}`));
      for (const option of number.question.options) {
        expect(option.label).toHaveLength(14);
        expect(option.label.startsWith('202603')).toBe(true);
      }
    }
  });

  it('never offers the previous reading, or the issue and suspension dates, as a wrong option', () => {
    for (let run = 0; run < 300; run += 1) {
      const reading = buildQuestion('currentReading', { ...bill, previousReading: 1943, consumptionM3: 2 }, 'q1', randomness(`r${run}`));
      expect(reading.question.options.map((o) => o.label)).not.toContain('1.943');
      const due = buildQuestion('dueDate', { ...bill, issuedOn: '2026-03-20', suspensionOn: '2026-03-22' }, 'q1', randomness(`d${run}`));
      const labels = due.question.options.map((o) => o.label);
      expect(labels).not.toContain('20 de marzo de 2026');
      expect(labels).not.toContain('22 de marzo de 2026');
    }
  });

  it('puts the right option at every position about equally often (order randomised)', () => {
    const positions = new Map<string, number>();
    for (let run = 0; run < 2000; run += 1) {
      const q = buildQuestion('consumption', bill, 'q1', { order: seeded(`pos${run}`), distractors: () => seeded('same') });
      positions.set(q.correctOptionId, (positions.get(q.correctOptionId) ?? 0) + 1);
    }
    expect([...positions.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    for (const count of positions.values()) expect(count).toBeGreaterThan(400);
  });

  it('gives no tell by rank: the right value is the smallest, largest or in between about equally often', () => {
    const ranks = new Map<number, number>();
    for (let run = 0; run < 2000; run += 1) {
      const values = numericDistractors(10_000, { min: 0, minGap: 400, maxGap: 3_000, step: 1 }, seeded(`rank${run}`));
      const below = values.filter((v) => v < 10_000).length;
      ranks.set(below, (ranks.get(below) ?? 0) + 1);
    }
    expect([...ranks.keys()].sort()).toEqual([0, 1, 2, 3]);
    for (const count of ranks.values()) expect(count).toBeGreaterThan(400);
  });

  it('stays non-negative when the right value is zero or tiny', () => {
    for (let run = 0; run < 200; run += 1) {
      const values = numericDistractors(0, { min: 0, minGap: 1, maxGap: 7, step: 1 }, seeded(`zero${run}`));
      expect(values.every((v) => v > 0)).toBe(true);
      expect(new Set(values).size).toBe(3);
    }
  });

  it('shows the same wrong options when asked again for the same bill, so comparing asks reveals nothing', () => {
    const first = buildQuestion('total', bill, 'q1', { order: seeded('o1'), distractors: () => seeded('code:bill:total') });
    const again = buildQuestion('total', bill, 'q1', { order: seeded('o2'), distractors: () => seeded('code:bill:total') });
    const labels = (q: typeof first) => q.question.options.map((o) => o.label).sort();
    expect(labels(again)).toEqual(labels(first));
  });

  it('asks three different kinds of question with ids q1–q3', () => {
    const kindsSeen = new Set<string>();
    for (let run = 0; run < 50; run += 1) {
      const built = buildQuestions(bill, randomness(`set${run}`));
      expect(built.map((q) => q.question.id)).toEqual(['q1', 'q2', 'q3']);
      expect(new Set(built.map((q) => q.kind)).size).toBe(3);
      for (const q of built) kindsSeen.add(q.kind);
    }
    expect(kindsSeen.size).toBe(questionKinds.length);
  });
});
