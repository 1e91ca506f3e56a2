import { beforeAll, describe, expect, it } from 'vitest';
import { sumLineItems } from '../../../db/seed/bill-lines';
import { addDays, bogotaToday, periodsEndingAt } from '../../../db/seed/calendar';
import { barrios } from '../../../db/seed/places';
import type { BillRow } from '../../../db/seed/rows';
import { fixedNow, generateAll, groupBy, type Sample } from '../../support/seed-sample';

const subscriberCount = 3_000;
let sample: Sample;
let billsBySubscriber: Map<number, BillRow[]>;
const today = bogotaToday(fixedNow); // 2026-03-10
const periods = periodsEndingAt('2026-03', 12);

beforeAll(() => {
  sample = generateAll({ subscribers: subscriberCount });
  billsBySubscriber = groupBy(sample.bills, (b) => b.codigoInterno);
});

/** The bills that count: an annulled bill is replaced by its reissue in the same period. */
function validBills(codigo: number): BillRow[] {
  return (billsBySubscriber.get(codigo) ?? []).filter((b) => b.state !== 'anulada');
}

describe('demo subscribers', () => {
  it('have unique 6–7 digit códigos internos, unique meters and well-formed routes', () => {
    const codigos = sample.subscribers.map((s) => s.codigoInterno);
    expect(new Set(codigos).size).toBe(subscriberCount);
    expect(codigos.every((c) => c >= 100_000 && c <= 9_999_999)).toBe(true);
    expect(new Set(sample.subscribers.map((s) => s.meterSerial)).size).toBe(subscriberCount);
    expect(new Set(sample.subscribers.map((s) => s.codigoRuta)).size).toBe(subscriberCount);
    for (const s of sample.subscribers) expect(s.codigoRuta).toMatch(/^\d{2}-\d{3}-\d{4}$/);
  });

  it('have routes consistent with their barrio: the ciclo is the barrio’s comuna, one barrio per route', () => {
    const comunaOf = new Map(barrios.map((b) => [b.name, b.comuna]));
    for (const s of sample.subscribers) expect(Number(s.codigoRuta.slice(0, 2))).toBe(comunaOf.get(s.neighborhood));
    const barriosPerRoute = groupBy(sample.subscribers, (s) => s.codigoRuta.slice(0, 6));
    for (const members of barriosPerRoute.values()) expect(new Set(members.map((s) => s.neighborhood)).size).toBe(1);
  });

  it('have Colombian addresses and an estrato mix where estratos 2 and 3 dominate', () => {
    const address =
      /^(Calle \d+( Sur)? # \d+[A-D]?-\d+|Carrera \d+[A-D]? # \d+( Sur)?-\d+|Manzana \d+ Casa \d+)( Apto \d+| Local \d)?$/;
    expect(sample.subscribers.filter((s) => !address.test(s.address) || s.municipality !== 'Ibagué')).toEqual([]);
    const byEstrato = groupBy(sample.subscribers, (s): number => s.estrato);
    expect([...byEstrato.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const share = (e: number) => (byEstrato.get(e)?.length ?? 0) / subscriberCount;
    expect(share(2) + share(3)).toBeGreaterThan(0.55);
    expect(share(5) + share(6)).toBeLessThan(0.12);
    const byUso = groupBy(sample.subscribers, (s) => s.uso);
    expect((byUso.get('residencial')?.length ?? 0) / subscriberCount).toBeGreaterThan(0.8);
    expect(byUso.get('comercial')?.length).toBeGreaterThan(0);
    expect(byUso.get('oficial')?.length).toBeGreaterThan(0);
  });
});

describe('demo bills', () => {
  it('cover 12 consecutive periods per subscriber, ending at the current one', () => {
    for (const s of sample.subscribers) expect(validBills(s.codigoInterno).map((b) => b.period)).toEqual(periods);
  });

  it('have unique bill numbers, and each annulled bill is reissued in its period under a new number', () => {
    expect(new Set(sample.bills.map((b) => b.billNumber)).size).toBe(sample.bills.length);
    const annulled = sample.bills.filter((b) => b.state === 'anulada');
    expect(annulled.length).toBeGreaterThan(10);
    for (const a of annulled) {
      const reissue = validBills(a.codigoInterno).find((b) => b.period === a.period);
      expect(reissue?.billNumber).not.toBe(a.billNumber);
      expect(reissue && reissue.issuedOn > a.issuedOn).toBe(true);
    }
  });

  it('have consumption = current − previous reading, and continuous readings', () => {
    expect(sample.bills.filter((b) => b.consumptionM3 !== b.currentReading - b.previousReading)).toEqual([]);
    const gaps = sample.subscribers.filter((s) => {
      const bills = validBills(s.codigoInterno);
      return bills.some((b, k) => k > 0 && b.previousReading !== bills[k - 1]?.currentReading);
    });
    expect(gaps).toEqual([]);
  });

  it('have integer totals = line items + previous balance, the balance being the unpaid previous bill', () => {
    const wrong = sample.bills.filter(
      (b) =>
        !Number.isInteger(b.total) ||
        b.lineItems.some((item) => !Number.isInteger(item.amount)) ||
        b.total !== sumLineItems(b.lineItems) + b.previousBalance ||
        b.total <= 0,
    );
    expect(wrong).toEqual([]);
    let carried = 0;
    const badBalance: BillRow[] = [];
    for (const s of sample.subscribers) {
      const bills = validBills(s.codigoInterno);
      bills.forEach((b, k) => {
        const prev = bills[k - 1];
        const expected = prev === undefined || prev.state === 'pagada' ? 0 : prev.total;
        if (b.previousBalance !== expected) badBalance.push(b);
        if (b.previousBalance > 0) carried += 1;
      });
    }
    expect(badBalance).toEqual([]);
    expect(carried).toBeGreaterThan(100);
  });

  it('have issue, due and suspension dates in order, none issued after today', () => {
    const wrong = sample.bills.filter(
      (b) =>
        b.issuedOn > today ||
        !b.issuedOn.startsWith(b.period) ||
        b.dueOn !== addDays(b.issuedOn, 15) ||
        b.suspensionOn !== addDays(b.dueOn, 10),
    );
    expect(wrong).toEqual([]);
  });
});

describe('demo payments', () => {
  it('exist exactly for pagada bills, for their total, before today', () => {
    const paymentsByBill = groupBy(sample.payments, (p) => p.billNumber);
    const wrong = sample.bills.filter((b) => {
      const payments = paymentsByBill.get(b.billNumber) ?? [];
      if (payments.length !== (b.state === 'pagada' ? 1 : 0)) return true;
      const [p] = payments;
      if (!p) return false;
      const day = p.paidAt.slice(0, 10);
      return (
        p.amount !== b.total ||
        p.codigoInterno !== b.codigoInterno ||
        p.period !== b.period ||
        p.paidAt !== b.paidAt ||
        day >= today ||
        day < b.issuedOn
      );
    });
    expect(wrong).toEqual([]);
    expect(sample.payments.length).toBeGreaterThan(sample.bills.length * 0.6);
    expect(new Set(sample.payments.map((p) => p.id)).size).toBe(sample.payments.length);
  });

  it('use every channel, with references in each channel’s form, some after the due date', () => {
    const patterns = {
      banco: /^[A-Z]{3,4}-\d{10}$/,
      caja: /^RC-0[1-3]-\d{7}$/,
      'en-linea': /^PSE-\d{10}$/,
      corresponsal: /^CB-\d{8}$/,
    } as const;
    expect(sample.payments.filter((p) => !patterns[p.channel].test(p.reference))).toEqual([]);
    expect(new Set(sample.payments.map((p) => p.channel)).size).toBe(4);
    const billByNumber = new Map(sample.bills.map((b) => [b.billNumber, b]));
    const late = sample.payments.filter((p) => p.paidAt.slice(0, 10) > (billByNumber.get(p.billNumber)?.dueOn ?? ''));
    expect(late.length).toBeGreaterThan(sample.payments.length * 0.03);
    const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(sample.payments.filter((p) => !uuidV7.test(p.id))).toEqual([]);
  });

  it('leave states consistent: pendiente only for the current bill before its due date', () => {
    const wrong = sample.bills.filter(
      (b) =>
        (b.state === 'pendiente' && (b.period !== '2026-03' || today > b.dueOn)) ||
        (b.state === 'vencida' && b.period === '2026-03' && today <= b.dueOn) ||
        (b.paidAt === null) !== (b.state !== 'pagada'),
    );
    expect(wrong).toEqual([]);
    const states = new Set(sample.bills.map((b) => b.state));
    expect([...states].sort()).toEqual(['anulada', 'pagada', 'pendiente', 'vencida']);
  });
});
