/**
 * Monthly water consumption in m³. Means by estrato and uso follow the usual Colombian pattern
 * (higher estratos and businesses use more); each connection has its own size (household or
 * business), months vary around it, and a few homes stand empty some months.
 */
import type { Estrato } from './places';
import type { Rng } from './random';
import type { Uso } from './rows';

const residentialMean: Readonly<Record<Estrato, number>> = { 1: 11, 2: 12, 3: 13, 4: 15, 5: 18, 6: 23 };
const nonResidentialMean: Readonly<Record<Exclude<Uso, 'residencial'>, number>> = {
  comercial: 22,
  industrial: 140,
  oficial: 55,
};

/** Dry months in the Tolima (December–January, July–August) use a little more water. */
const seasonal = [1.05, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.06, 1.0, 1.0, 1.0, 1.04] as const;

export interface ConsumptionModel {
  /** This connection's usual m³ per month. */
  readonly meanM3: number;
  readonly vacancyChance: number;
}

/**
 * e^x from additions and multiplications only (x/16 by Taylor series, then squared four
 * times). ECMAScript lets `Math.exp` differ between engines in the last bits, which would
 * break byte-identical output across runtimes; IEEE +, × and ÷ cannot. Accurate to ~1e-12
 * for |x| ≤ 2, far more than a consumption factor needs.
 */
export function portableExp(x: number): number {
  const y = x / 16;
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 12; n += 1) {
    term = (term * y) / n;
    sum += term;
  }
  for (let i = 0; i < 4; i += 1) sum *= sum;
  return sum;
}

export function consumptionModel(estrato: Estrato, uso: Uso, rng: Rng): ConsumptionModel {
  const mean = uso === 'residencial' ? residentialMean[estrato] : nonResidentialMean[uso];
  // Log-normal size factor: most near the mean, a long tail of large households and businesses.
  return { meanM3: mean * portableExp(0.35 * rng.normal()), vacancyChance: uso === 'residencial' ? 0.015 : 0.005 };
}

/** m³ billed in a period whose month (1–12) is `month`. */
export function monthlyConsumption(model: ConsumptionModel, month: number, rng: Rng): number {
  if (rng.chance(model.vacancyChance)) return 0;
  const factor = (seasonal[month - 1] ?? 1) * (1 + 0.12 * rng.normal());
  return Math.max(0, Math.round(model.meanM3 * factor));
}
