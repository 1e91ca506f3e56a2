import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillLocalReplica } from '../../../db/seed/local-replica';
import type { AppCore } from '../../../src-main/app-core';
import { startWebHost, type WebHost } from '../../../src-main/hosts/web/web-host';
import { createRootLogger } from '../../../src-main/logger';
import type { ValidationQuestion } from '../../../src-shared/api/ops/bills';
import { tokenHeader } from '../../../src-shared/api/web-protocol';
import { answersFor } from '../../support/bill-answers';
import { ReplicaFacts } from '../../support/replica-facts';
import { replicaNow } from '../../support/replica-store';
import { tempDir } from '../../support/temp-dir';
import { startTestCore, testConfig } from '../../support/test-app';

/** A citizen's visit through the web host, as the kiosk screen makes it: real app core, real HTTP. */
let dir: ReturnType<typeof tempDir>;
let core: AppCore;
let host: WebHost;
let facts: ReplicaFacts;

beforeAll(async () => {
  dir = tempDir('bills-web');
  core = startTestCore(testConfig(dir.path));
  await fillLocalReplica(core.store.sqlite, { subscribers: 200, now: replicaNow });
  facts = new ReplicaFacts(core.store.sqlite);
  host = await startWebHost({
    port: 0,
    rendererDir: `${dir.path}/no-renderer`,
    dispatch: core.dispatch,
    log: createRootLogger('silent'),
  });
});
afterAll(async () => {
  await host.stop();
  await core.stop();
  dir.remove();
});

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } };

async function call<T>(op: string, input: unknown): Promise<Answer<T>> {
  const response = await fetch(`${host.origin}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [tokenHeader]: host.token },
    body: JSON.stringify(input),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer<T>;
}

async function validate(code: number): Promise<string> {
  const started = await call<{ challengeId: string; questions: ValidationQuestion[] }>('bills.startValidation', {
    codigoInterno: code,
  });
  if (!started.ok) throw new Error(started.error.message);
  // The app core runs on the real clock: the fixture's bills, months old, have all been delivered.
  const answers = answersFor(started.value.questions, facts.heldBill(code, new Date()));
  const answered = await call<{ passed: boolean; accessId?: string }>('bills.answerValidation', {
    challengeId: started.value.challengeId,
    answers,
  });
  if (!answered.ok || !answered.value.passed || answered.value.accessId === undefined)
    throw new Error('validation failed');
  return answered.value.accessId;
}

describe('bills through the web host', () => {
  it('validates, shows the current bill and the payments, and forgets the access when the session ends', async () => {
    const code = facts.codesWithPayments(true)[0] ?? 0;
    const accessId = await validate(code);
    const current = await call<{ bill: { billNumber: number } }>('bills.current', { accessId });
    expect(current.ok && current.value.bill.billNumber).toBe(facts.currentBill(code).billNumber);
    const payments = await call<{ payments: unknown[] }>('bills.payments', { accessId });
    expect(payments.ok && payments.value.payments.length).toBe(Math.min(12, facts.payments(code).length));

    expect((await call('kiosk.sessionEnded', { reason: 'idle', durationSeconds: 90 })).ok).toBe(true);
    expect(await call('bills.current', { accessId })).toMatchObject({ ok: false, error: { code: 'session-ended' } });
  });

  it('answers bad input with a Spanish message and changes nothing', async () => {
    const audit = () => core.store.sqlite.prepare('select count(*) from audit_log').pluck().get();
    const before = audit();
    for (const codigoInterno of ['12a45', -3, 1.5, 12_345_678_901]) {
      const result = await call('bills.startValidation', { codigoInterno });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'validation',
          field: 'codigoInterno',
          message: expect.stringMatching(/^El código interno tiene solo números/),
        },
      });
    }
    const unknown = await call('bills.startValidation', { codigoInterno: facts.unknownCode() });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/^No encontramos el código interno \d+/) },
    });
    expect(audit()).toBe(before);
  });
});
