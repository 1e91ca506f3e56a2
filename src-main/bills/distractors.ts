import type { RandomSource } from './random-source';

/** How far the wrong options of a numeric question may sit from the right value. */
export interface NumericSpread {
  /** Smallest value an option may take (0: never negative). */
  readonly min: number;
  /** Every wrong option differs from the right value by at least this… */
  readonly minGap: number;
  /** …and at most this. */
  readonly maxGap: number;
  /** Options differ from the right value by multiples of `step`, so they share its format (…00). */
  readonly step: number;
  /** Values never offered as wrong options, e.g. the previous reading, also printed on the bill. */
  readonly avoid?: readonly number[];
}

export const distractorCount = 3;

/**
 * Three distinct wrong values near `value`. The right value's rank among the four is drawn
 * uniformly (as far as `min` allows), so "the middle one" or "the largest" is never a tell.
 */
export function numericDistractors(value: number, spread: NumericSpread, random: RandomSource): number[] {
  const { min, step } = spread;
  const avoid = new Set(spread.avoid ?? []);
  const kMin = Math.max(1, Math.ceil(spread.minGap / step));
  const kMax = Math.floor(spread.maxGap / step);
  if (kMax - kMin + 1 < distractorCount + avoid.size) throw new RangeError('Spread too narrow for three distractors');

  const belowK = Math.min(kMax, Math.floor((value - min) / step));
  const candidatesBelow = countValid(value, -1, step, kMin, belowK, avoid);
  const candidatesAbove = countValid(value, 1, step, kMin, kMax, avoid);
  const ranks: number[] = [];
  for (let below = 0; below <= distractorCount; below += 1) {
    if (below <= candidatesBelow && distractorCount - below <= candidatesAbove) ranks.push(below);
  }
  const below = ranks[random.int(ranks.length)] ?? 0;

  const chosen = new Set<number>();
  const pick = (count: number, maxK: number, at: (k: number) => number): void => {
    let picked = 0;
    while (picked < count) {
      const candidate = at(kMin + random.int(maxK - kMin + 1));
      if (avoid.has(candidate) || chosen.has(candidate)) continue;
      chosen.add(candidate);
      picked += 1;
    }
  };
  pick(below, belowK, (k) => value - k * step);
  pick(distractorCount - below, kMax, (k) => value + k * step);
  return [...chosen];
}

/** How many of `value + sign·k·step`, k in [kFrom, kTo], are not avoided. */
function countValid(value: number, sign: 1 | -1, step: number, kFrom: number, kTo: number, avoid: ReadonlySet<number>): number {
  if (kTo < kFrom) return 0;
  let excluded = 0;
  for (const avoided of avoid) {
    const k = (sign * (avoided - value)) / step;
    if (Number.isInteger(k) && k >= kFrom && k <= kTo) excluded += 1;
  }
  return kTo - kFrom + 1 - excluded;
}

/** The coarsest of 1, 10, 100, 1000 that divides `value`: distractors keep its trailing zeros. */
export function roundingStep(value: number): number {
  if (value === 0) return 100;
  for (const step of [1000, 100, 10]) if (value % step === 0) return step;
  return 1;
}
