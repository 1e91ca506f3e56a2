import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceMode } from '../../../src-shared/domain/device-mode';
import type { Store } from '../../../src-main/store/open-store';
import { ReplicaPolicy } from '../../../src-main/sync/replica-policy';
import { openTestStore } from '../../support/replica-store';
import { tempDir } from '../../support/temp-dir';

/**
 * A kiosk's replica holds no payment references (docs/trust-model.md). A store written under an
 * older rule, or by a counter, is cleared at start-up — once, not by scanning every payment on
 * every start of a kiosk that restarts after each power cut.
 */
describe('replica policy at start-up', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  function store(): Store {
    const dir = tempDir('replica-policy');
    const opened = openTestStore(dir.path);
    cleanups.push(() => {
      opened.close();
      dir.remove();
    });
    return opened;
  }

  const addPayment = (s: Store, id: string, reference: string) =>
    s.sqlite
      .prepare(
        "INSERT INTO payments (id, codigo_interno, bill_number, period, amount, paid_at, channel, reference) VALUES (?, 1, 1, '2026-11', 1000, '2026-11-20T15:00:00.000Z', 'banco', ?)",
      )
      .run(id, reference);
  const references = (s: Store) =>
    s.sqlite.prepare('SELECT count(*) FROM payments WHERE reference IS NOT NULL').pluck().get();

  it('clears a kiosk’s references once, and again after the store was a counter’s', () => {
    const s = store();
    let mode: DeviceMode = 'kiosk';
    const policy = new ReplicaPolicy(() => mode, randomBytes(32));
    addPayment(s, 'p1', 'BANCO-1');
    policy.enforce(s);
    expect(references(s)).toBe(0);

    // Marked: the next start does not scan the payments again (a row the feed writes goes
    // through adapt(), which drops the reference before it is stored).
    addPayment(s, 'p2', 'BANCO-2');
    policy.enforce(s);
    expect(references(s)).toBe(1);
    expect(policy.adapt('payments', { id: 'p3', reference: 'BANCO-3' })).toMatchObject({ reference: null });

    // A counter keeps references and loses the mark; a kiosk again clears them.
    mode = 'cashier';
    policy.enforce(s);
    expect(references(s)).toBe(1);
    mode = 'kiosk';
    policy.enforce(s);
    expect(references(s)).toBe(0);
  });
});
