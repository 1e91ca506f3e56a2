import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { modelDocuments, queuePrinting } from '../../../src-main/bills/bill-output-wiring';
import type { Store } from '../../../src-main/store/open-store';
import { answersFor } from '../../support/bill-answers';
import { billsHarness, type BillsHarness } from '../../support/bills-service-harness';
import { ReplicaFacts } from '../../support/replica-facts';
import { openReplicaStore, replicaNow } from '../../support/replica-store';
import { tempDir } from '../../support/temp-dir';

/** Current bill, payment history and previous bills of a validated session, from a real replica. */
let dir: ReturnType<typeof tempDir>;
let store: Store;
let facts: ReplicaFacts;
let h: BillsHarness;
const now = () => replicaNow;

beforeAll(async () => {
  dir = tempDir('bills-reading');
  store = await openReplicaStore(dir.path, { subscribers: 1_000 });
  facts = new ReplicaFacts(store.sqlite);
});
afterAll(() => {
  store.close();
  dir.remove();
});
beforeEach(() => {
  h = billsHarness(store, now, {
    documents: modelDocuments(() => Promise.reject(new Error('no PDF in these tests'))),
    printing: queuePrinting({ document: null, receipt: null }),
  });
});

function accessTo(code: number): string {
  const started = h.access.startValidation({ codigoInterno: code });
  if (!started.ok) throw new Error(started.error.message);
  const { challengeId, questions } = started.value;
  const answered = h.access.answerValidation({ challengeId, answers: answersFor(questions, facts.currentBill(code)) });
  if (!answered.ok || !answered.value.passed) throw new Error(`validation failed for ${code}`);
  return answered.value.accessId;
}

const valueOf = async <T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> => {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value;
};

describe('bills of a validated session', () => {
  it('shows the current bill (latest not annulled) with six periods of consumption, oldest first', async () => {
    for (const code of [...facts.codes().slice(0, 20), ...facts.codesWithAnnulledBill().slice(0, 5)]) {
      const current = await valueOf(h.bills.current({ accessId: accessTo(code) }));
      const expected = facts.currentBill(code);
      expect(current.bill).toMatchObject({ billNumber: expected.billNumber, period: expected.period, total: expected.total, state: expected.state });
      expect(current.subscriber.codigoInterno).toBe(code);
      const valid = facts.bills(code).filter((b) => b.state !== 'anulada').slice(0, 6).reverse();
      expect(current.consumption).toEqual(valid.map((b) => ({ period: b.period, consumptionM3: b.consumptionM3 })));
      expect(current.consumption.at(-1)?.period).toBe(expected.period);
      expect(current.bill.lineItems.reduce((sum, l) => sum + l.amount, 0) + current.bill.previousBalance).toBe(current.bill.total);
    }
  });

  it('says how fresh the replica is: "Datos actualizados al" the last pull', async () => {
    const accessId = accessTo(facts.codes()[0] ?? 0);
    expect((await valueOf(h.bills.current({ accessId }))).dataAsOf).toBeNull();
    h.meta.set({ lastPullAt: '2026-03-10T14:55:00.000Z' });
    expect((await valueOf(h.bills.payments({ accessId }))).dataAsOf).toBe('2026-03-10T14:55:00.000Z');
    h.meta.delete('lastPullAt');
  });

  it('lists the last 12 payments newest first', async () => {
    for (const code of facts.codesWithPayments(true).slice(0, 20)) {
      const { payments } = await valueOf(h.bills.payments({ accessId: accessTo(code) }));
      const expected = facts.payments(code).slice(0, 12);
      expect(payments).toEqual(expected);
      expect(payments.length).toBeLessThanOrEqual(12);
      const instants = payments.map((p) => Date.parse(p.paidAt));
      expect([...instants].sort((a, b) => b - a)).toEqual(instants);
    }
  });

  it('lists the five bills up to the last payment, annulled ones included, newest first', async () => {
    const codes = [...facts.codesWithPayments(true).slice(0, 20), ...facts.codesWithAnnulledBill().slice(0, 5)];
    for (const code of codes) {
      if (facts.payments(code).length === 0) continue;
      const { bills } = await valueOf(h.bills.previous({ accessId: accessTo(code) }));
      const lastPaidPeriod = facts.payments(code)[0]?.period ?? '';
      const expected = facts.bills(code).filter((b) => b.period <= lastPaidPeriod).slice(0, 5);
      expect(bills).toEqual(expected.map((b) => ({ billNumber: b.billNumber, period: b.period, state: b.state, total: b.total })));
      expect(bills[0]?.period).toBe(lastPaidPeriod);
    }
  });

  it('answers a code that never paid with the guide’s recommendation', async () => {
    const code = facts.codesWithPayments(false)[0];
    if (code === undefined) throw new Error('fixture has no code without payments');
    const result = await h.bills.previous({ accessId: accessTo(code) });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: expect.stringContaining('Es recomendable realizar la consulta de las últimas 5 facturas, a partir del periodo actual.'),
      },
    });
  });

  it('refuses a bill number that is not the current one or one of the five, without changing anything', async () => {
    // A code with a bill older than its five (the last payment settled the current bill).
    const code = facts.codesWithPayments(true).find((c) => {
      const lastPaid = facts.payments(c)[0]?.period ?? '';
      return facts.bills(c).filter((b) => b.period <= lastPaid).length > 5;
    });
    if (code === undefined) throw new Error('fixture has no code with a bill beyond the five');
    const accessId = accessTo(code);
    const tooOld = facts.bills(code).at(-1)?.billNumber ?? 0;
    const someoneElses = facts.currentBill(facts.codes().find((c) => c !== code) ?? 0).billNumber;
    const changes = () => store.sqlite.prepare('select (select count(*) from audit_log) + (select count(*) from print_jobs)').pluck().get();
    const before = changes();
    for (const billNumber of [tooOld, someoneElses, 1]) {
      expect(await h.bills.pdf({ accessId, billNumber })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await h.bills.print({ accessId, billNumber })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    expect(changes()).toBe(before);
  });

  it('refuses every read without a valid access id, and after the session ended', async () => {
    const accessId = accessTo(facts.codes()[2] ?? 0);
    const forged = 'x'.repeat(32);
    for (const id of [forged]) {
      for (const result of [await h.bills.current({ accessId: id }), await h.bills.payments({ accessId: id }), await h.bills.previous({ accessId: id })]) {
        expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect((await h.bills.current({ accessId })).ok).toBe(true);
    h.access.endSession();
    expect(await h.bills.current({ accessId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('says there is no printer when none is configured', async () => {
    const code = facts.codes()[1] ?? 0;
    const result = await h.bills.print({ accessId: accessTo(code), billNumber: facts.currentBill(code).billNumber });
    expect(result).toEqual({ ok: false, error: { code: 'printer-offline', message: 'No hay impresora configurada; puede ver y guardar el PDF.' } });
  });
});
