import { describe, expect, it } from 'vitest';
import { keyedRandom, type RandomSource } from '../../../src-main/bills/random-source';
import {
  buildQuestions,
  chooseKinds,
  labelOf,
  questionSlots,
  type QuestionFacts,
} from '../../../src-main/bills/validation-questions';

/** Four real-looking bills of one period: the subscriber's and three peers'. */
const rows: QuestionFacts[] = [
  {
    total: 96_906,
    consumptionM3: 15,
    averageM3: 14,
    currentReading: 1945,
    previousReading: 1930,
    meterSerial: 'IT-19-4827163',
    earlierM3: [14, 13, 15, 14, 16],
  },
  {
    total: 83_410,
    consumptionM3: 12,
    averageM3: 13,
    currentReading: 20_318,
    previousReading: 20_306,
    meterSerial: 'EL-12-0938475',
    earlierM3: [13, 12, 14, 13, 12],
  },
  {
    total: 118_200,
    consumptionM3: 21,
    averageM3: 19,
    currentReading: 7_702,
    previousReading: 7_681,
    meterSerial: 'ZN-08-2153171',
    earlierM3: [19, 18, 20, 19, 21],
  },
  {
    total: 101_557,
    consumptionM3: 17,
    averageM3: 16,
    currentReading: 33_090,
    previousReading: 33_073,
    meterSerial: 'AC-22-5439556',
    earlierM3: [16, 17, 15, 16, 15],
  },
];

const seeded = (label: string): RandomSource => keyedRandom(Buffer.from('tests'), label);
const build = (facts: readonly QuestionFacts[], right: number, label: string) => {
  const built = buildQuestions(facts, right, '2026-03', seeded(label));
  if (built === null) throw new Error('no questions');
  return built;
};

describe('validation questions', () => {
  it('asks three questions that name the bill in hand, with the right option as the bill prints it', () => {
    const built = build(rows, 0, 'names');
    expect(built.map((q) => q.question.id)).toEqual(['q1', 'q2', 'q3']);
    const expected: Record<string, string> = {
      currentReading: '1.945',
      total: '$\u00a096.906',
      meterSerial: 'IT-19-4827163',
    };
    for (const q of built) {
      expect(q.question.prompt).toContain('su factura de marzo de 2026');
      expect(q.question.options.find((o) => o.id === q.correctOptionId)?.label).toBe(expected[q.kind]);
    }
    expect(built.map((q) => q.kind).sort()).toEqual(['currentReading', 'meterSerial', 'total']);
  });

  it('offers only the four bills’ own figures: four distinct options, ids a–d, exactly one right', () => {
    for (let run = 0; run < 200; run += 1) {
      const right = run % 4;
      for (const q of build(rows, right, `opts${run}`)) {
        const labels = q.question.options.map((o) => o.label);
        expect(q.question.options.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd']);
        expect(new Set(labels).size).toBe(4);
        expect([...labels].sort()).toEqual(rows.map((row) => labelOf(q.kind, row)).sort());
        expect(q.question.options.filter((o) => o.id === q.correctOptionId).map((o) => o.label)).toEqual([
          labelOf(q.kind, rows[right] as QuestionFacts),
        ]);
      }
    }
  });

  it('puts the right option at every position about equally often, and the questions in any order', () => {
    const positions = new Map<string, number>();
    const firstKinds = new Set<string>();
    for (let run = 0; run < 2000; run += 1) {
      const built = build(rows, 2, `pos${run}`);
      for (const q of built) positions.set(q.correctOptionId, (positions.get(q.correctOptionId) ?? 0) + 1);
      firstKinds.add(built[0]?.kind ?? '');
    }
    expect([...positions.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    // 6000 questions: 1500 each expected; 1380 is more than four standard deviations below.
    for (const count of positions.values()) expect(count).toBeGreaterThan(1380);
    expect(firstKinds.size).toBe(3);
  });

  it('chooses the questions from the four bills alone, whichever of them is the subscriber’s', () => {
    const kinds = chooseKinds(rows);
    for (let right = 0; right < 4; right += 1) {
      expect(
        build(rows, right, `same${right}`)
          .map((q) => q.kind)
          .sort(),
      ).toEqual([...(kinds ?? [])].sort());
    }
  });

  it('never asks two figures that give each other away, nor anything a cycle shares', () => {
    const linked = new Set([
      'total',
      'consumption',
      'averageConsumption',
      'pastConsumption1',
      'pastConsumption2',
      'pastConsumption3',
      'pastConsumption4',
      'pastConsumption5',
    ]);
    for (let run = 0; run < 300; run += 1) {
      const varied = rows.map((row, i) => ({
        ...row,
        consumptionM3: (run + i * 3) % 7,
        total: 50_000 + ((run * (i + 1)) % 5),
      }));
      const kinds = chooseKinds(varied);
      if (kinds === null) continue;
      expect(kinds.filter((k) => linked.has(k)).length).toBeLessThanOrEqual(1);
      expect(kinds).not.toContain('dueDate');
      expect(kinds).not.toContain('billNumber');
    }
    expect(questionSlots.flat()).not.toContain('dueDate');
  });

  it('moves to another figure of the consumption when the first repeats among the four bills', () => {
    const sameTotal = rows.map((row, i) => ({ ...row, total: i < 2 ? 70_000 : row.total }));
    expect(chooseKinds(sameTotal)).toEqual(['currentReading', 'consumption', 'meterSerial']);
    const sameM3 = sameTotal.map((row, i) => ({ ...row, consumptionM3: i < 2 ? 12 : row.consumptionM3 }));
    expect(chooseKinds(sameM3)).toEqual(['currentReading', 'averageConsumption', 'meterSerial']);
    const noAverage = sameM3.map((row) => ({ ...row, averageM3: null }));
    expect(chooseKinds(noAverage)).toEqual(['currentReading', 'pastConsumption1', 'meterSerial']);
    const q = buildQuestions(noAverage, 0, '2026-03', seeded('chart'))?.find((b) => b.kind === 'pastConsumption1');
    expect(q?.question.prompt).toBe(
      '¿Cuántos metros cúbicos (m³) consumió en febrero de 2026, según la gráfica de consumo de su factura de marzo de 2026?',
    );
  });

  it('asks both meter readings only when every figure of the consumption repeats, and nothing when the readings repeat too', () => {
    const flat = rows.map((row, i) => ({
      ...row,
      total: 41_639,
      consumptionM3: 5,
      averageM3: 6,
      earlierM3: [6, 6, 5, 5, 6],
      currentReading: 1000 * (i + 1),
      previousReading: 1000 * (i + 1) - 5,
    }));
    expect(chooseKinds(flat)).toEqual(['currentReading', 'previousReading', 'meterSerial']);
    expect(chooseKinds(flat.map((row) => ({ ...row, currentReading: 7, previousReading: 2 })))).toBeNull();
    expect(chooseKinds(rows.map((row) => ({ ...row, meterSerial: 'IT-19-0000001' })))).toBeNull();
  });
});
