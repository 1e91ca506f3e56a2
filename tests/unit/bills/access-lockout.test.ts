import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessLockout, lockMs, maxFailures } from '../../../src-main/bills/access-lockout';
import type { Store } from '../../../src-main/store/open-store';
import { openTestStore } from '../../support/replica-store';
import { tempDir } from '../../support/temp-dir';

let dir: ReturnType<typeof tempDir>;
let store: Store;
let clock: number;
const now = () => new Date(clock);

beforeEach(() => {
  dir = tempDir('lockout');
  store = openTestStore(dir.path);
  clock = Date.parse('2026-03-10T15:00:00Z');
});
afterEach(() => {
  store.close();
  dir.remove();
});

const audit = () =>
  store.sqlite.prepare('select action, actor, details from audit_log order by id').all() as {
    action: string;
    actor: string;
    details: string;
  }[];

describe('validation lockout', () => {
  it('locks after the third failure in a row for exactly 15 minutes', () => {
    const lockout = new AccessLockout(store, now);
    expect(lockout.recordFailure(123)).toEqual({ attemptsLeft: 2, lockedUntil: null });
    clock += 60_000;
    expect(lockout.recordFailure(123)).toEqual({ attemptsLeft: 1, lockedUntil: null });
    clock += 60_000;
    const third = lockout.recordFailure(123);
    expect(third.attemptsLeft).toBe(0);
    expect(third.lockedUntil?.toISOString()).toBe(new Date(clock + lockMs).toISOString());
    expect(maxFailures).toBe(3);

    clock += lockMs - 1;
    expect(lockout.lockedUntil(123)).not.toBeNull();
    expect(lockout.lockedUntil(456)).toBeNull();
    clock += 1;
    expect(lockout.lockedUntil(123)).toBeNull();
    // A lock that ran out starts a fresh count.
    expect(lockout.recordFailure(123)).toEqual({ attemptsLeft: 2, lockedUntil: null });
  });

  it('forgets failures older than the lock time, and resets on success', () => {
    const lockout = new AccessLockout(store, now);
    lockout.recordFailure(7);
    lockout.recordFailure(7);
    clock += lockMs;
    expect(lockout.recordFailure(7).attemptsLeft).toBe(2);
    lockout.recordSuccess(7);
    expect(lockout.recordFailure(7).attemptsLeft).toBe(2);
  });

  it('survives reopening the store', () => {
    const lockout = new AccessLockout(store, now);
    for (let i = 0; i < 3; i += 1) lockout.recordFailure(99);
    store.close();
    store = openTestStore(dir.path);
    const reopened = new AccessLockout(store, now);
    expect(reopened.lockedUntil(99)?.getTime()).toBe(clock + lockMs);
  });

  it('audits every attempt as the kiosk, with the código interno and no answers', () => {
    const lockout = new AccessLockout(store, now);
    lockout.recordFailure(5);
    lockout.recordSuccess(5);
    lockout.recordRefused(5, new Date(clock + 1000));
    const rows = audit();
    expect(rows.map((r) => r.action)).toEqual([
      'bills.validation_failed',
      'bills.validation_passed',
      'bills.validation_locked',
    ]);
    expect(rows.every((r) => r.actor === 'kiosk')).toBe(true);
    expect(JSON.parse(rows[0]?.details ?? '{}')).toEqual({ codigoInterno: 5, attemptsLeft: 2, lockedUntil: null });
    expect(store.sqlite.prepare('select count(*) from outbox').pluck().get()).toBe(0);
  });
});
