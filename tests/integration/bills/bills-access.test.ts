import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { modelDocuments, queuePrinting } from '../../../src-main/bills/bill-output-wiring';
import type { Store } from '../../../src-main/store/open-store';
import type { ValidationQuestion } from '../../../src-shared/api/ops/bills';
import { answersFor } from '../../support/bill-answers';
import { billsHarness, type BillsHarness } from '../../support/bills-service-harness';
import { ReplicaFacts } from '../../support/replica-facts';
import { openReplicaStore, openTestStore, replicaNow } from '../../support/replica-store';
import { tempDir } from '../../support/temp-dir';

/**
 * Validation against a real replica filled from the demo generator: questions, answers,
 * lockout (persisted across reopening the store) and the audit trail.
 */
let dir: ReturnType<typeof tempDir>;
let store: Store;
let fixture: ReplicaFacts;
let clock: number;
let h: BillsHarness;

const output = {
  documents: modelDocuments(() => Promise.reject(new Error('no PDF in these tests'))),
  printing: queuePrinting({ document: null, receipt: null }),
};
const now = () => new Date(clock);
const count = (table: string): number => store.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;
const auditActions = (): string[] =>
  store.sqlite.prepare('select action from audit_log order by id').pluck().all() as string[];

beforeAll(async () => {
  dir = tempDir('bills-access');
  store = await openReplicaStore(dir.path, { subscribers: 400 });
  fixture = new ReplicaFacts(store.sqlite);
});
afterAll(() => {
  store.close();
  dir.remove();
});
beforeEach(() => {
  clock = replicaNow.getTime();
  h = billsHarness(store, now, output);
});
afterEach(() => {
  store.sqlite.exec('delete from audit_log; delete from bill_access_locks;');
});

function start(code: number): { challengeId: string; questions: ValidationQuestion[] } {
  const started = h.access.startValidation({ codigoInterno: code });
  if (!started.ok) throw new Error(`startValidation refused ${code}: ${started.error.message}`);
  return started.value;
}

const answers = (code: number, questions: readonly ValidationQuestion[], wrongAt: number | null = null) =>
  answersFor(questions, fixture.heldBill(code, now()), wrongAt);

function failOnce(code: number) {
  const { challengeId, questions } = start(code);
  const answered = h.access.answerValidation({ challengeId, answers: answers(code, questions, 1) });
  if (!answered.ok) throw new Error(answered.error.message);
  return answered.value;
}

describe('bills validation', () => {
  it('refuses an unknown código interno with the code in the message, and writes nothing', () => {
    const unknown = fixture.unknownCode();
    const result = h.access.startValidation({ codigoInterno: unknown });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining(`No encontramos el código interno ${unknown}`) },
    });
    expect(count('audit_log') + count('bill_access_locks') + count('outbox')).toBe(0);
  });

  it('asks three questions of four options and never sends which one is right', () => {
    const code = fixture.codes()[0] ?? 0;
    const { challengeId, questions } = start(code);
    expect(challengeId.length).toBeGreaterThanOrEqual(20);
    expect(questions).toHaveLength(3);
    for (const q of questions) {
      expect(q.options).toHaveLength(4);
      expect(Object.keys(q).sort()).toEqual(['id', 'options', 'prompt']);
      for (const option of q.options) expect(Object.keys(option).sort()).toEqual(['id', 'label']);
    }
  });

  it('grants access when all three answers are right, and audits the success', () => {
    const code = fixture.codes()[3] ?? 0;
    const { challengeId, questions } = start(code);
    const result = h.access.answerValidation({ challengeId, answers: answers(code, questions) });
    if (!result.ok || !result.value.passed) throw new Error('expected to pass');
    expect(result.value.accessId).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(result.value.subscriber.codigoInterno).toBe(code);
    expect(result.value.subscriber.holderName).toBe(fixture.holderName(code));
    expect(h.access.codeFor(result.value.accessId)).toBe(code);
    expect(auditActions()).toEqual(['bills.validation_passed']);
  });

  it('uses a challenge once: answering it again is refused', () => {
    const code = fixture.codes()[4] ?? 0;
    const { challengeId, questions } = start(code);
    expect(h.access.answerValidation({ challengeId, answers: answers(code, questions) }).ok).toBe(true);
    const again = h.access.answerValidation({ challengeId, answers: answers(code, questions) });
    expect(again).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses a challenge answered after ten minutes', () => {
    const code = fixture.codes()[5] ?? 0;
    const { challengeId, questions } = start(code);
    clock += 10 * 60_000;
    expect(h.access.answerValidation({ challengeId, answers: answers(code, questions) })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(count('audit_log')).toBe(0);
  });

  it('counts down the attempts without saying which answer was wrong, then locks for 15 minutes', () => {
    const code = fixture.codes()[6] ?? 0;
    const first = failOnce(code);
    expect(first).toEqual({ passed: false, attemptsLeft: 2, lockedUntil: null });
    expect(JSON.stringify(first)).not.toMatch(/q[123]/);
    expect(failOnce(code)).toEqual({ passed: false, attemptsLeft: 1, lockedUntil: null });
    expect(failOnce(code)).toEqual({
      passed: false,
      attemptsLeft: 0,
      lockedUntil: new Date(clock + 15 * 60_000).toISOString(),
    });

    const locked = h.access.startValidation({ codigoInterno: code });
    // 10:15 in Bogotá: the fixture clock is 10:00 there.
    expect(locked).toEqual({
      ok: false,
      error: { code: 'locked', message: expect.stringContaining('hasta las 10:15 (hora de Colombia)') },
    });
    expect(auditActions()).toEqual([
      'bills.validation_failed',
      'bills.validation_failed',
      'bills.validation_failed',
      'bills.validation_locked',
    ]);
    const details = store.sqlite.prepare('select details from audit_log').pluck().all() as string[];
    for (const text of details)
      expect(
        Object.keys(JSON.parse(text) as object).every((k) =>
          ['codigoInterno', 'attemptsLeft', 'lockedUntil'].includes(k),
        ),
      ).toBe(true);
    expect(details.join()).not.toContain(fixture.holderName(code));

    // Other codes are not affected.
    expect(h.access.startValidation({ codigoInterno: fixture.codes()[7] ?? 0 }).ok).toBe(true);
    clock += 15 * 60_000;
    expect(h.access.startValidation({ codigoInterno: code }).ok).toBe(true);
  });

  it('refuses right answers to a challenge issued before the code was locked', () => {
    const code = fixture.codes()[8] ?? 0;
    const early = start(code);
    for (let i = 0; i < 3; i += 1) failOnce(code);
    const late = h.access.answerValidation({ challengeId: early.challengeId, answers: answers(code, early.questions) });
    expect(late).toEqual({
      ok: true,
      value: { passed: false, attemptsLeft: 0, lockedUntil: new Date(clock + 15 * 60_000).toISOString() },
    });
  });

  it('keeps the lock when the kiosk is switched off and on', () => {
    const code = fixture.codes()[9] ?? 0;
    for (let i = 0; i < 3; i += 1) failOnce(code);
    store.close();
    store = openTestStore(dir.path);
    fixture = new ReplicaFacts(store.sqlite);
    h = billsHarness(store, now, output);
    expect(h.access.startValidation({ codigoInterno: code })).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('forgets every access and open challenge when the session ends, and access expires after 15 minutes', () => {
    const [a, b] = fixture.codes().slice(10, 12);
    const grant = (code: number) => {
      const { challengeId, questions } = start(code);
      const result = h.access.answerValidation({ challengeId, answers: answers(code, questions) });
      return result.ok && result.value.passed ? result.value.accessId : '';
    };
    const first = grant(a ?? 0);
    const pending = start(b ?? 0);
    h.access.endSession();
    expect(h.access.codeFor(first)).toBeNull();
    expect(
      h.access.answerValidation({ challengeId: pending.challengeId, answers: answers(b ?? 0, pending.questions) }).ok,
    ).toBe(false);

    const second = grant(a ?? 0);
    clock += 15 * 60_000 - 1;
    expect(h.access.codeFor(second)).toBe(a);
    clock += 1;
    expect(h.access.codeFor(second)).toBeNull();
  });
});
