/**
 * The demo utility's tariff table: every price, subsidy and contribution rate in one place.
 * Figures are plausible for a Colombian mid-size city in 2025, not any utility's published
 * tariff. Amounts are whole pesos.
 *
 * Rules they follow (Colombian regulation, simplified):
 * - Acueducto and alcantarillado bill a monthly cargo fijo plus a price per m³ (CRA).
 * - Consumo básico (subsistence) is 13 m³/month for cities between 1,000 and 2,000 m above sea
 *   level (CRA Resolución 750 de 2016); Ibagué is at about 1,285 m.
 * - Subsidies for residential estratos 1–3 apply to the cargo fijo and the consumo básico only,
 *   at most 70 %, 40 % and 15 % (Ley 1450 de 2011, art. 125); this demo uses the maxima.
 * - Contribuciones de solidaridad: residential estrato 5 50 %, estrato 6 60 %, commercial 50 %,
 *   industrial 30 % of the whole charge (Decreto 1013 de 2005 floors). Estrato 4 residential and
 *   oficial connections pay cost, with neither.
 * - Tariffs are indexed every January; the demo uses a flat 5.2 % a year around 2025.
 */
import type { Estrato } from './places';
import type { Uso } from './rows';

export const consumoBasicoM3 = 13;

export interface Tariff {
  readonly acueductoCargoFijo: number;
  readonly acueductoPerM3: number;
  readonly alcantarilladoCargoFijo: number;
  readonly alcantarilladoPerM3: number;
  /** Aseo is billed per connection; non-residential producers pay more. */
  readonly aseo: Readonly<Record<Uso, number>>;
}

const baseYear = 2025;
const annualIndex = 1.052;

const base: Tariff = {
  acueductoCargoFijo: 9_850,
  acueductoPerM3: 2_480,
  alcantarilladoCargoFijo: 5_320,
  alcantarilladoPerM3: 2_160,
  aseo: { residencial: 27_600, comercial: 48_900, industrial: 96_300, oficial: 41_200 },
};

const byYear = new Map<number, Tariff>();

/** The tariff in force in `year` (indexed from 2025 and rounded to whole pesos). */
export function tariffFor(year: number): Tariff {
  const cached = byYear.get(year);
  if (cached) return cached;
  // Repeated multiplication, not `**`: exact IEEE steps give the same pesos on every engine.
  let factor = 1;
  for (let y = baseYear; y < year; y += 1) factor *= annualIndex;
  for (let y = year; y < baseYear; y += 1) factor /= annualIndex;
  const at = (pesos: number): number => Math.round(pesos * factor);
  const tariff: Tariff = {
    acueductoCargoFijo: at(base.acueductoCargoFijo),
    acueductoPerM3: at(base.acueductoPerM3),
    alcantarilladoCargoFijo: at(base.alcantarilladoCargoFijo),
    alcantarilladoPerM3: at(base.alcantarilladoPerM3),
    aseo: {
      residencial: at(base.aseo.residencial),
      comercial: at(base.aseo.comercial),
      industrial: at(base.aseo.industrial),
      oficial: at(base.aseo.oficial),
    },
  };
  byYear.set(year, tariff);
  return tariff;
}

/** Subsidy in percent, residential only (0 for every other case). */
export function subsidyPercent(estrato: Estrato, uso: Uso): number {
  if (uso !== 'residencial') return 0;
  switch (estrato) {
    case 1:
      return 70;
    case 2:
      return 40;
    case 3:
      return 15;
    default:
      return 0;
  }
}

/** Contribución de solidaridad in percent (0 when none applies). */
export function contributionPercent(estrato: Estrato, uso: Uso): number {
  switch (uso) {
    case 'comercial':
      return 50;
    case 'industrial':
      return 30;
    case 'oficial':
      return 0;
    case 'residencial':
      return estrato === 6 ? 60 : estrato === 5 ? 50 : 0;
  }
}
