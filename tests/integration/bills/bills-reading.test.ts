import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { modelDocuments, queuePrinting } from '../../../src-main/bills/bill-output-wiring';
import type { Store } from '../../../src-main/store/open-store';
import type { BillDocument } from '../../../src-shared/domain/bill-document';
import { answersFor } from '../../support/bill-answers';
import { billsHarness, type BillsHarness } from '../../support/bills-service-harness';
import { ReplicaFacts, type FactBill } from '../../support/replica-facts';
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
  const answered = h.access.answerValidation({
    challengeId,
    answers: answersFor(questions, facts.heldBill(code, replicaNow)),
  });
  if (!answered.ok || !answered.value.passed) throw new Error(`validation failed for ${code}`);
  return answered.value.accessId;
}

/** Bills after the last payment other than the current one, newest first: what a debtor still owes. */
function unpaidBefore(code: number): FactBill[] {
  const lastPaidPeriod = facts.payments(code)[0]?.period ?? '';
  const current = facts.currentBill(code).billNumber;
  return facts.bills(code).filter((b) => b.period > lastPaidPeriod && b.billNumber !== current);
}

const valueOf = async <T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> => {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value;
};

describe('bills of a validated session', () => {
  it('shows the current bill (latest not annulled) with six periods of consumption, oldest first', async () => {
    for (const code of [...facts.codes().slice(0, 20), ...facts.codesWithAnnulledBill().slice(0, 5)]) {
      const current = await valueOf(h.bills.current({ accessId: accessTo(code) }));
      const expected = facts.currentBill(code);
      expect(current.bill).toMatchObject({
        billNumber: expected.billNumber,
        period: expected.period,
        total: expected.total,
        state: expected.state,
      });
      expect(current.subscriber.codigoInterno).toBe(code);
      const valid = facts
        .bills(code)
        .filter((b) => b.state !== 'anulada')
        .slice(0, 6)
        .reverse();
      expect(current.consumption).toEqual(valid.map((b) => ({ period: b.period, consumptionM3: b.consumptionM3 })));
      expect(current.consumption.at(-1)?.period).toBe(expected.period);
      expect(current.bill.lineItems.reduce((sum, l) => sum + l.amount, 0) + current.bill.previousBalance).toBe(
        current.bill.total,
      );
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
    // Subscribers up to date: nothing owed before the current bill.
    const upToDate = facts.codesWithPayments(true).filter((code) => unpaidBefore(code).length === 0);
    const codes = [
      ...upToDate.slice(0, 20),
      ...facts
        .codesWithAnnulledBill()
        .filter((c) => upToDate.includes(c))
        .slice(0, 5),
    ];
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) {
      const { bills } = await valueOf(h.bills.previous({ accessId: accessTo(code) }));
      const lastPaidPeriod = facts.payments(code)[0]?.period ?? '';
      const expected = facts
        .bills(code)
        .filter((b) => b.period <= lastPaidPeriod)
        .slice(0, 5);
      expect(bills).toEqual(
        expected.map((b) => ({ billNumber: b.billNumber, period: b.period, state: b.state, total: b.total })),
      );
      expect(bills[0]?.period).toBe(lastPaidPeriod);
    }
  });

  it('offers a debtor the bills it has not paid as well, newest first, then the five up to its last payment', async () => {
    const debtors = facts
      .codesWithPayments(true)
      .filter((code) => unpaidBefore(code).some((b) => b.state === 'vencida'));
    expect(debtors.length).toBeGreaterThan(5);
    for (const code of debtors.slice(0, 20)) {
      const { bills } = await valueOf(h.bills.previous({ accessId: accessTo(code) }));
      const lastPaidPeriod = facts.payments(code)[0]?.period ?? '';
      const expected = [
        ...unpaidBefore(code),
        ...facts
          .bills(code)
          .filter((b) => b.period <= lastPaidPeriod)
          .slice(0, 5),
      ];
      expect(bills).toEqual(
        expected.map((b) => ({ billNumber: b.billNumber, period: b.period, state: b.state, total: b.total })),
      );
      expect(bills.some((b) => b.state === 'vencida')).toBe(true);
      // The current bill is not among them: «Facturación servicios públicos» shows it, with its barcode.
      expect(bills.map((b) => b.billNumber)).not.toContain(facts.currentBill(code).billNumber);
    }
  });

  it('gives an unpaid earlier bill as an informative copy: no barcode, FACTURA VENCIDA', async () => {
    const drawn: BillDocument[] = [];
    const withDocuments = billsHarness(store, now, {
      documents: modelDocuments((document) => {
        drawn.push(document);
        return Promise.resolve(new Uint8Array([37, 80, 68, 70]));
      }),
      printing: queuePrinting({ document: null, receipt: null }),
    });
    const code = facts.codesWithPayments(false).find((c) => unpaidBefore(c).length > 0);
    if (code === undefined) throw new Error('fixture has no code that never paid');
    const started = withDocuments.access.startValidation({ codigoInterno: code });
    if (!started.ok) throw new Error(started.error.message);
    const answered = withDocuments.access.answerValidation({
      challengeId: started.value.challengeId,
      answers: answersFor(started.value.questions, facts.heldBill(code, replicaNow)),
    });
    if (!answered.ok || !answered.value.passed) throw new Error('validation failed');
    const { bills } = await valueOf(withDocuments.bills.previous({ accessId: answered.value.accessId }));
    // Never paid: every bill but the current one, all owed.
    expect(bills.map((b) => b.billNumber)).toEqual(unpaidBefore(code).map((b) => b.billNumber));
    const owed = bills.find((b) => b.state === 'vencida');
    if (owed === undefined) throw new Error('no overdue bill offered');
    await valueOf(withDocuments.bills.pdf({ accessId: answered.value.accessId, billNumber: owed.billNumber }));
    expect(drawn.at(-1)).toMatchObject({
      mode: 'previous',
      watermark: 'FACTURA VENCIDA',
      payment: { kind: 'none', reason: 'previous' },
    });
    expect(drawn.at(-1)?.bill.billNumber).toBe(String(owed.billNumber));
  });

  it('answers a code with no bill but the current one with the guide’s recommendation', async () => {
    const code = facts.unknownCode();
    const model = facts.codes()[0] ?? 0;
    store.sqlite
      .prepare(
        `INSERT INTO subscribers SELECT ?, codigo_ruta, 'Suscriptor Nuevo', estrato, uso, address, neighborhood, municipality, 'IT-26-0000007'
         FROM subscribers WHERE codigo_interno = ?`,
      )
      .run(code, model);
    store.sqlite
      .prepare(
        `INSERT INTO bills SELECT (SELECT max(bill_number) + 1 FROM bills), ?, period, issued_on, due_on, suspension_on, previous_reading,
           current_reading, consumption_m3, line_items, 0, total - previous_balance, 'vencida', NULL
         FROM bills WHERE codigo_interno = ? AND period = '2026-02' AND state <> 'anulada'`,
      )
      .run(code, model);
    const result = await h.bills.previous({ accessId: accessTo(code) });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: expect.stringContaining(
          'Es recomendable realizar la consulta de las últimas 5 facturas, a partir del periodo actual.',
        ),
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
    const changes = () =>
      store.sqlite.prepare('select (select count(*) from audit_log) + (select count(*) from print_jobs)').pluck().get();
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
      for (const result of [
        await h.bills.current({ accessId: id }),
        await h.bills.payments({ accessId: id }),
        await h.bills.previous({ accessId: id }),
      ]) {
        expect(result).toMatchObject({ ok: false, error: { code: 'session-ended' } });
      }
    }
    expect((await h.bills.current({ accessId })).ok).toBe(true);
    h.access.endSession();
    expect(await h.bills.current({ accessId })).toMatchObject({ ok: false, error: { code: 'session-ended' } });
  });

  it('says there is no printer when none is configured', async () => {
    const code = facts.codes()[1] ?? 0;
    const result = await h.bills.print({ accessId: accessTo(code), billNumber: facts.currentBill(code).billNumber });
    expect(result).toEqual({
      ok: false,
      error: { code: 'printer-offline', message: 'No hay impresora configurada; puede ver y guardar el PDF.' },
    });
  });
});
