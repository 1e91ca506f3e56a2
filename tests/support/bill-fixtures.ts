import { demoEntity } from '../../db/seed/entity';
import type { BillRow, SubscriberRow } from '../../src-shared/domain/bill-rows';
import type { EntitySetting } from '../../src-shared/domain/entity-setting';

/**
 * One subscriber with six months of bills, shaped like the device replica's rows, for the bill
 * document tests and the PDF bench. The current bill (2026-03) is pending and carries the unpaid
 * (vencida) 2026-02 bill as its previous balance; 2026-01 was annulled and reissued.
 */
export const sampleEntity: EntitySetting = demoEntity;

export const sampleSubscriber: SubscriberRow = {
  codigoInterno: 104_233,
  codigoRuta: '03-117-0452',
  holderName: 'María Fernanda Ñáñez Peña',
  estrato: 2,
  uso: 'residencial',
  address: 'Carrera 4 No. 12-35, apto 201',
  neighborhood: 'Belén',
  municipality: 'Ibagué',
  meterSerial: 'MED-20318877',
};

interface MonthSpec {
  readonly period: string;
  readonly m3: number;
  readonly state: string;
  readonly billNumber: number;
  readonly paidAt?: string;
}

const months: readonly MonthSpec[] = [
  { period: '2025-10', m3: 14, state: 'pagada', billNumber: 20251000104233, paidAt: '2025-10-20T15:12:00.000Z' },
  { period: '2025-11', m3: 16, state: 'pagada', billNumber: 20251100104233, paidAt: '2025-11-19T13:40:00.000Z' },
  { period: '2025-12', m3: 19, state: 'pagada', billNumber: 20251200104233, paidAt: '2025-12-22T02:30:00.000Z' },
  { period: '2026-01', m3: 512, state: 'anulada', billNumber: 20260100104233 },
  { period: '2026-01', m3: 15, state: 'pagada', billNumber: 20260150104233, paidAt: '2026-01-23T16:00:00.000Z' },
  { period: '2026-02', m3: 13, state: 'vencida', billNumber: 20260200104233 },
  { period: '2026-03', m3: 17, state: 'pendiente', billNumber: 20260300104233 },
];

function billFor(spec: MonthSpec, reading: number, previousBalance: number): BillRow {
  const lineItems = [
    { concept: 'acueducto-cargo-fijo', label: 'Acueducto: cargo fijo', amount: 11_250 },
    { concept: 'acueducto-consumo', label: `Acueducto: consumo ${spec.m3} m³`, amount: spec.m3 * 2_380 },
    { concept: 'alcantarillado-cargo-fijo', label: 'Alcantarillado: cargo fijo', amount: 6_430 },
    {
      concept: 'alcantarillado-vertimiento',
      label: `Alcantarillado: vertimiento ${spec.m3} m³`,
      amount: spec.m3 * 1_910,
    },
    { concept: 'aseo', label: 'Aseo: recolección, barrido y disposición', amount: 18_900 },
    { concept: 'subsidio', label: 'Subsidio estrato 2 (40 %)', amount: -27_140 },
  ];
  const charges = lineItems.reduce((sum, item) => sum + item.amount, 0);
  const [year, month] = spec.period.split('-');
  return {
    billNumber: spec.billNumber,
    codigoInterno: sampleSubscriber.codigoInterno,
    period: spec.period,
    issuedOn: `${year}-${month}-05`,
    dueOn: `${year}-${month}-20`,
    suspensionOn: `${year}-${month}-28`,
    previousReading: reading,
    currentReading: reading + spec.m3,
    consumptionM3: spec.m3,
    lineItems,
    previousBalance,
    total: charges + previousBalance,
    state: spec.state,
    paidAt: spec.paidAt ?? null,
  };
}

function buildHistory(): BillRow[] {
  let reading = 10_482;
  let carried = 0;
  return months.map((spec) => {
    const bill = billFor(spec, reading, carried);
    if (spec.state !== 'anulada') {
      reading += spec.m3;
      // An unpaid bill's total is carried into the next one, as the seed does.
      carried = spec.state === 'pagada' ? 0 : bill.total;
    }
    return bill;
  });
}

/** Oldest first; the last one is the current bill. */
export const sampleHistory: readonly BillRow[] = buildHistory();

export function sampleBill(period: string, state?: string): BillRow {
  const found = [...sampleHistory]
    .reverse()
    .find((b) => b.period === period && (state === undefined || b.state === state));
  if (!found) throw new Error(`No sample bill for ${period}`);
  return found;
}

export const sampleCurrentBill: BillRow = sampleBill('2026-03');
