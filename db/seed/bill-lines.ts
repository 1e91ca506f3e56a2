/**
 * The line items of one monthly bill: acueducto (cargo fijo + consumo), alcantarillado (cargo
 * fijo + vertimiento), aseo, then either a subsidy (negative) or a contribution (positive).
 * Every amount is whole pesos; percentages round half up to the peso (money-cop.md).
 */
import type { BillLineItem } from '../server/schema';
import type { Estrato } from './places';
import type { Uso } from './rows';
import { consumoBasicoM3, contributionPercent, subsidyPercent, tariffFor } from './tariffs';

/** The `concept` codes this generator writes; bill renderers can switch on them. */
export const concepts = {
  acueductoCargoFijo: 'acueducto-cargo-fijo',
  acueductoConsumo: 'acueducto-consumo',
  alcantarilladoCargoFijo: 'alcantarillado-cargo-fijo',
  alcantarilladoVertimiento: 'alcantarillado-vertimiento',
  aseo: 'aseo',
  subsidio: 'subsidio',
  contribucion: 'contribucion',
} as const;

export interface BillCharges {
  readonly year: number;
  readonly estrato: Estrato;
  readonly uso: Uso;
  readonly consumptionM3: number;
}

/** `pct` % of `pesos`, rounded half up (both non-negative integers). */
export function percentOf(pesos: number, pct: number): number {
  return Math.floor((pesos * pct + 50) / 100);
}

/**
 * Bills with the same charges have identical line items, so they are built once and shared
 * (frozen). There are only a few thousand distinct combinations even at a million subscribers.
 */
const memo = new Map<number, readonly BillLineItem[]>();
const memoLimit = 200_000;
const usoCode: Readonly<Record<Uso, number>> = { residencial: 0, comercial: 1, industrial: 2, oficial: 3 };

export function lineItemsFor(charges: BillCharges): readonly BillLineItem[] {
  // A numeric key: building a string key per bill showed up in profiles at a million subscribers.
  const key = ((charges.year * 8 + charges.estrato) * 4 + usoCode[charges.uso]) * 1_000_000 + charges.consumptionM3;
  const known = memo.get(key);
  if (known) return known;
  const items = Object.freeze(buildLineItems(charges).map((item) => Object.freeze(item)));
  if (memo.size >= memoLimit) memo.clear();
  memo.set(key, items);
  return items;
}

function buildLineItems({ year, estrato, uso, consumptionM3: m3 }: BillCharges): BillLineItem[] {
  const t = tariffFor(year);
  const aseo = t.aseo[uso];
  const items: BillLineItem[] = [
    { concept: concepts.acueductoCargoFijo, label: 'Acueducto: cargo fijo', amount: t.acueductoCargoFijo },
    { concept: concepts.acueductoConsumo, label: `Acueducto: consumo ${m3} m³`, amount: m3 * t.acueductoPerM3 },
    {
      concept: concepts.alcantarilladoCargoFijo,
      label: 'Alcantarillado: cargo fijo',
      amount: t.alcantarilladoCargoFijo,
    },
    {
      concept: concepts.alcantarilladoVertimiento,
      label: `Alcantarillado: vertimiento ${m3} m³`,
      amount: m3 * t.alcantarilladoPerM3,
    },
    { concept: concepts.aseo, label: 'Aseo: recolección, barrido y disposición', amount: aseo },
  ];

  const subsidy = subsidyPercent(estrato, uso);
  if (subsidy > 0) {
    // Subsidies cover the cargos fijos and only the consumo básico (subsistence) m³.
    const basic = Math.min(m3, consumoBasicoM3);
    const subsidised =
      t.acueductoCargoFijo +
      basic * t.acueductoPerM3 +
      t.alcantarilladoCargoFijo +
      basic * t.alcantarilladoPerM3 +
      aseo;
    items.push({
      concept: concepts.subsidio,
      label: `Subsidio estrato ${estrato} (${subsidy} %)`,
      amount: -percentOf(subsidised, subsidy),
    });
  }

  const contribution = contributionPercent(estrato, uso);
  if (contribution > 0) {
    // Contributions apply to the whole charge of the three services.
    const charged = items.reduce((sum, item) => sum + item.amount, 0);
    items.push({
      concept: concepts.contribucion,
      label: `Contribución de solidaridad (${contribution} %)`,
      amount: percentOf(charged, contribution),
    });
  }
  return items;
}

export function sumLineItems(items: readonly BillLineItem[]): number {
  let sum = 0;
  for (const item of items) sum += item.amount;
  return sum;
}
