import { describe, expect, it } from 'vitest';
import { createSessionStore } from '../../../src-renderer/session/create-session-store';
import {
  hasSessionState,
  registerSessionParticipant,
  resetSessionState,
  sessionParticipantNames,
} from '../../../src-renderer/session/session-registry';

describe('session registry', () => {
  it('clears every feature store made with createSessionStore when the session ends', () => {
    const bills = createSessionStore('test-bills', { codigoInterno: '', answers: [] as number[] }, (set) => ({
      type: (digits: string) => set({ codigoInterno: digits }),
      answer: (n: number) => set((s) => ({ answers: [...s.answers, n] })),
    }));
    const account = createSessionStore('test-account', { documento: '' }, (set) => ({
      type: (d: string) => set({ documento: d }),
    }));
    expect(sessionParticipantNames()).toEqual(expect.arrayContaining(['test-bills', 'test-account']));
    expect(hasSessionState()).toBe(false);

    bills.getState().type('1234567');
    bills.getState().answer(2);
    account.getState().type('1020304050');
    expect(hasSessionState()).toBe(true);

    resetSessionState();
    expect(bills.getState().codigoInterno).toBe('');
    expect(bills.getState().answers).toEqual([]);
    expect(account.getState().documento).toBe('');
    expect(hasSessionState()).toBe(false);
  });

  it('still clears the others when one reset fails, then reports the failure', () => {
    const survivor = createSessionStore('test-survivor', { text: '' }, (set) => ({
      type: (t: string) => set({ text: t }),
    }));
    const unregister = registerSessionParticipant({
      name: 'test-broken',
      reset: () => {
        throw new Error('reset roto');
      },
      hasState: () => false,
    });
    survivor.getState().type('dato personal');
    expect(() => resetSessionState()).toThrow('reset roto');
    expect(survivor.getState().text).toBe('');
    unregister();
  });

  it('refuses an action named like a data field, which would hold state forever and vanish on reset', () => {
    expect(() =>
      createSessionStore('test-clash', { created: null as string | null }, (set) => ({
        created: (value: string) => set({ created: value }),
      })),
    ).toThrow(/action "created" has a data field's name/);
    expect(hasSessionState()).toBe(false);
  });

  it('refuses two participants with the same name', () => {
    createSessionStore('test-twice', { a: 0 }, () => ({}));
    expect(() => createSessionStore('test-twice', { a: 0 }, () => ({}))).toThrow(/twice/);
  });
});
