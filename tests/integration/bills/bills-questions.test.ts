import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelDocuments, queuePrinting } from '../../../src-main/bills/bill-output-wiring';
import type { Store } from '../../../src-main/store/open-store';
import type { ValidationQuestion } from '../../../src-shared/api/ops/bills';
import { answersFor, heldBillWords, rightLabel } from '../../support/bill-answers';
import { billsHarness, type BillsHarness } from '../../support/bills-service-harness';
import { ReplicaFacts } from '../../support/replica-facts';
import { openReplicaStore, replicaNow } from '../../support/replica-store';
import { tempDir } from '../../support/temp-dir';

/**
 * Issue 12, item 6, on a real replica: the questions are about the last bill delivered to the
 * subscriber (not the one issued today), say which bill it is, and offer as wrong options the
 * real figures of other subscribers of the same cycle, estrato and uso.
 */
let dir: ReturnType<typeof tempDir>;
let store: Store;
let facts: ReplicaFacts;

const output = {
  documents: modelDocuments(() => Promise.reject(new Error('no PDF in these tests'))),
  printing: queuePrinting({ document: null, receipt: null }),
};
const kiosk = (options: { kiosk?: string; billDeliveryDays?: number; now?: Date } = {}): BillsHarness =>
  billsHarness(store, () => options.now ?? replicaNow, output, options);

function start(h: BillsHarness, code: number): { challengeId: string; questions: ValidationQuestion[] } {
  const started = h.access.startValidation({ codigoInterno: code });
  if (!started.ok) throw new Error(`startValidation refused ${code}: ${started.error.message}`);
  return started.value;
}

const sql = <T>(query: string, ...params: unknown[]): T[] => store.sqlite.prepare(query).all(...params) as T[];

/** A código with its current bill issued on the 6th (not delivered by the 10th) and one issued earlier. */
function codesByIssueDay(): { late: number; early: number } {
  const rows = sql<{ code: number; issued: string }>(
    `SELECT codigo_interno AS code, max(issued_on) AS issued FROM bills WHERE state <> 'anulada' GROUP BY codigo_interno ORDER BY codigo_interno`,
  );
  const late = rows.find((r) => r.issued === '2026-03-06')?.code;
  const early = rows.find((r) => r.issued <= '2026-03-05' && r.issued.startsWith('2026-03'))?.code;
  if (late === undefined || early === undefined) throw new Error('fixture: issue days 2–6 expected');
  return { late, early };
}

beforeAll(async () => {
  dir = tempDir('bills-questions');
  store = await openReplicaStore(dir.path, { subscribers: 3_000 });
  facts = new ReplicaFacts(store.sqlite);
});
afterAll(() => {
  store?.close();
  dir?.remove();
});

describe('questions about the bill in hand', () => {
  it('asks about the last bill delivered, and names it: not one issued four days ago', () => {
    const h = kiosk();
    const { late, early } = codesByIssueDay();
    // The fixture's «today» is 10 March; bills take 5 days to arrive.
    for (const [code, month] of [
      [late, 'febrero'],
      [early, 'marzo'],
    ] as const) {
      const { questions, challengeId } = start(h, code);
      for (const q of questions) expect(q.prompt).toContain(`su factura de ${month} de 2026`);
      const held = facts.heldBill(code, replicaNow);
      expect(held.period).toBe(month === 'marzo' ? '2026-03' : '2026-02');
      expect(held.period < facts.currentBill(code).period || month === 'marzo').toBe(true);
      const answered = h.access.answerValidation({ challengeId, answers: answersFor(questions, held) });
      expect(answered).toMatchObject({ ok: true, value: { passed: true } });
      // The answers of the bill issued on the 6th, not yet delivered, do not pass.
      if (month === 'febrero') {
        const again = start(h, code);
        expect(() => answersFor(again.questions, facts.currentBill(code))).toThrow(/no right option|does not name/);
      }
    }
  });

  it('counts the delivery days the kiosk is configured with', () => {
    const { late } = codesByIssueDay();
    const sameDay = kiosk({ billDeliveryDays: 0 });
    for (const q of start(sameDay, late).questions) expect(q.prompt).toContain('su factura de marzo de 2026');
    const slow = kiosk({ billDeliveryDays: 12 });
    for (const q of start(slow, late).questions) expect(q.prompt).toContain('su factura de febrero de 2026');
  });

  it('asks only the subscriber’s own figures, never a date, a bill number or anything its cycle shares', () => {
    const h = kiosk();
    for (const code of facts.codes().slice(0, 300)) {
      for (const q of start(h, code).questions) {
        expect(q.prompt).not.toMatch(/fecha|número de su|vence|suspensión/i);
        expect(q.prompt).toMatch(
          /lectura actual|lectura anterior|valor total|metros cúbicos|promedio de consumo|número del medidor/,
        );
      }
    }
  });

  it('offers as wrong options real figures of other subscribers of the same cycle, estrato and uso', () => {
    const h = kiosk();
    // A large group: cycle, estrato and uso of the most common kind of home.
    const [group] = sql<{ cycle: string; estrato: number; uso: string }>(
      `SELECT substr(codigo_ruta, 1, 2) AS cycle, estrato, uso FROM subscribers GROUP BY 1, 2, 3 ORDER BY count(*) DESC LIMIT 1`,
    );
    if (group === undefined) throw new Error('fixture: no subscribers');
    const members = sql<{ code: number }>(
      'SELECT codigo_interno AS code FROM subscribers WHERE substr(codigo_ruta, 1, 2) = ? AND estrato = ? AND uso = ? ORDER BY 1',
      group.cycle,
      group.estrato,
      group.uso,
    ).map((r) => r.code);
    expect(members.length).toBeGreaterThan(40);
    // Every figure a member's questions may show, read straight from the replica.
    const shown = new Map<string, Set<string>>();
    const remember = (kind: string, label: string, code: number) =>
      shown.set(`${kind}|${label}`, (shown.get(`${kind}|${label}`) ?? new Set()).add(String(code)));
    for (const code of members) {
      const bill = facts.heldBill(code, replicaNow);
      for (const prompt of [
        'valor total',
        'lectura actual',
        'lectura anterior',
        'metros cúbicos (m³) consumió según',
        'promedio de consumo',
        'número del medidor',
      ]) {
        try {
          remember(prompt, rightLabel(`${prompt} ${heldBillWords(bill.period ?? '')}`, bill), code);
        } catch {
          // A bill without an average: that figure is never asked of it.
        }
      }
    }
    for (const code of members.slice(0, 40)) {
      for (const q of start(h, code).questions) {
        const kind = [
          'valor total',
          'lectura actual',
          'lectura anterior',
          'metros cúbicos (m³) consumió según',
          'promedio de consumo',
          'número del medidor',
        ].find((k) => q.prompt.includes(k));
        if (kind === undefined) continue; // a month of the chart
        const owners = q.options.map((o) => shown.get(`${kind}|${o.label}`));
        // Each option is the figure of some member of the group, and the four are four different homes.
        expect(owners.every((o) => o !== undefined)).toBe(true);
        expect(new Set(owners.map((o) => [...(o ?? [])].sort().join())).size).toBe(4);
      }
    }
  });

  it('shows the same four options for a código at another kiosk and after a restart', () => {
    const here = kiosk();
    const there = kiosk({ kiosk: 'kiosk-2' });
    for (const code of facts.codes().slice(100, 160)) {
      const a = start(here, code).questions;
      const b = start(there, code).questions;
      const sets = (qs: ValidationQuestion[]) =>
        new Map(
          qs.map((q) => [
            q.prompt,
            q.options
              .map((o) => o.label)
              .sort()
              .join('|'),
          ]),
        );
      expect(sets(b)).toEqual(sets(a));
    }
  });

  it('asks a subscriber the directory did not know yet, and refuses one whose first bill has not arrived', () => {
    const h = kiosk();
    const model = facts.codes()[0] ?? 0;
    start(h, model); // the peer directory is built now
    const fresh = facts.unknownCode();
    const copy = (code: number, issuedOn: string) => {
      store.sqlite
        .prepare(
          `INSERT INTO subscribers SELECT ?, codigo_ruta, 'Suscriptora Nueva', estrato, uso, address, neighborhood, municipality, 'IT-26-9999999'
           FROM subscribers WHERE codigo_interno = ?`,
        )
        .run(code, model);
      store.sqlite
        .prepare(
          `INSERT INTO bills SELECT (SELECT max(bill_number) + 1 FROM bills), ?, period, ?, due_on, suspension_on, previous_reading + 7,
             current_reading + 7, consumption_m3, line_items, 0, total - previous_balance, 'pendiente', NULL
           FROM bills WHERE codigo_interno = ? AND state <> 'anulada' ORDER BY period DESC LIMIT 1`,
        )
        .run(code, issuedOn, model);
    };
    copy(fresh, '2026-03-02');
    const { questions, challengeId } = start(h, fresh);
    expect(
      h.access.answerValidation({ challengeId, answers: answersFor(questions, facts.heldBill(fresh, replicaNow)) }),
    ).toMatchObject({
      ok: true,
      value: { passed: true },
    });

    const today = fresh + 8;
    copy(today, '2026-03-10');
    expect(h.access.startValidation({ codigoInterno: today })).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: expect.stringContaining(`la primera factura del código interno ${today} todavía no ha llegado`),
      },
    });
  });
});
