import { describe, expect, it } from 'vitest';
import { concepts, lineItemsFor, sumLineItems } from '../../../db/seed/bill-lines';
import type { Estrato } from '../../../db/seed/places';
import type { Uso } from '../../../db/seed/rows';
import { tariffFor } from '../../../db/seed/tariffs';
import { generateAll } from '../../support/seed-sample';

const amountOf = (items: ReturnType<typeof lineItemsFor>, concept: string) =>
  items.filter((i) => i.concept === concept).reduce((sum, i) => sum + i.amount, 0);

describe('bill line items (2025 tariff)', () => {
  it('bill acueducto, alcantarillado and aseo charges at the tariff', () => {
    const items = lineItemsFor({ year: 2025, estrato: 4, uso: 'residencial', consumptionM3: 10 });
    expect(items.map((i) => [i.concept, i.amount])).toEqual([
      [concepts.acueductoCargoFijo, 9_850],
      [concepts.acueductoConsumo, 24_800],
      [concepts.alcantarilladoCargoFijo, 5_320],
      [concepts.alcantarilladoVertimiento, 21_600],
      [concepts.aseo, 27_600],
    ]);
    expect(sumLineItems(items)).toBe(89_170);
  });

  it('subsidise estrato 2 homes by 40 % of cargos fijos, consumo and aseo', () => {
    const items = lineItemsFor({ year: 2025, estrato: 2, uso: 'residencial', consumptionM3: 10 });
    expect(amountOf(items, concepts.subsidio)).toBe(-35_668);
    expect(sumLineItems(items)).toBe(53_502);
    expect(amountOf(items, concepts.contribucion)).toBe(0);
  });

  it('subsidise only the consumo básico (13 m³) for estrato 1, at 70 %', () => {
    const items = lineItemsFor({ year: 2025, estrato: 1, uso: 'residencial', consumptionM3: 20 });
    // 9,850 + 13×2,480 + 5,320 + 13×2,160 + 27,600 = 103,090; 70 % = 72,163.
    expect(amountOf(items, concepts.subsidio)).toBe(-72_163);
    expect(sumLineItems(items)).toBe(135_570 - 72_163);
  });

  it('rounds half up to the peso (estrato 3, 15 %)', () => {
    const items = lineItemsFor({ year: 2025, estrato: 3, uso: 'residencial', consumptionM3: 1 });
    // 9,850 + 2,480 + 5,320 + 2,160 + 27,600 = 47,410; 15 % = 7,111.5 → 7,112.
    expect(amountOf(items, concepts.subsidio)).toBe(-7_112);
  });

  it.each<[Estrato, Uso, number]>([
    [5, 'residencial', 50],
    [6, 'residencial', 60],
    [2, 'comercial', 50],
    [3, 'industrial', 30],
  ])('charges a solidarity contribution to estrato %i %s (%i %%)', (estrato, uso, pct) => {
    const items = lineItemsFor({ year: 2025, estrato, uso, consumptionM3: 30 });
    const charges = sumLineItems(items.filter((i) => i.concept !== concepts.contribucion));
    expect(amountOf(items, concepts.contribucion)).toBe(Math.floor((charges * pct + 50) / 100));
    expect(amountOf(items, concepts.subsidio)).toBe(0);
  });

  it.each<[Estrato, Uso]>([
    [4, 'residencial'],
    [1, 'oficial'],
    [6, 'oficial'],
  ])('neither subsidises nor charges estrato %i %s', (estrato, uso) => {
    const items = lineItemsFor({ year: 2025, estrato, uso, consumptionM3: 12 });
    expect(items.some((i) => i.concept === concepts.subsidio || i.concept === concepts.contribucion)).toBe(false);
  });

  it('indexes tariffs every January', () => {
    expect(tariffFor(2026).acueductoCargoFijo).toBe(Math.round(9_850 * 1.052));
    expect(tariffFor(2024).aseo.residencial).toBe(Math.round(27_600 / 1.052));
  });
});

describe('subsidies and contributions in generated bills', () => {
  it('follow estrato and uso for every bill', () => {
    const { subscribers, bills } = generateAll({ subscribers: 1_500 });
    const bySubscriber = new Map(subscribers.map((s) => [s.codigoInterno, s]));
    let subsidised = 0;
    let contributing = 0;
    for (const b of bills) {
      const s = bySubscriber.get(b.codigoInterno);
      if (!s) throw new Error(`bill ${b.billNumber} without subscriber`);
      const subsidy = amountOf(b.lineItems, concepts.subsidio);
      const contribution = amountOf(b.lineItems, concepts.contribucion);
      const expectsSubsidy = s.uso === 'residencial' && s.estrato <= 3;
      const expectsContribution =
        s.uso === 'comercial' || s.uso === 'industrial' || (s.uso === 'residencial' && s.estrato >= 5);
      expect(subsidy < 0).toBe(expectsSubsidy);
      expect(contribution > 0).toBe(expectsContribution);
      if (expectsSubsidy) subsidised += 1;
      if (expectsContribution) contributing += 1;
    }
    expect(subsidised).toBeGreaterThan(bills.length / 2);
    expect(contributing).toBeGreaterThan(100);
  });
});
