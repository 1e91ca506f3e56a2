import { describe, expect, it } from 'vitest';
import { useBillsStore } from '../../../src-renderer/bills/bills-store';
import { hasSessionState, resetSessionState } from '../../../src-renderer/session/session-registry';

const subscriber = {
  codigoInterno: 123456,
  codigoRuta: '05-117-0040',
  holderName: 'Ana Peña',
  address: 'Calle 42 # 5-31',
  estrato: 3,
  uso: 'residencial',
};

describe('bills flow store', () => {
  it('forgets the code, answers and access when the visit ends', () => {
    const store = useBillsStore;
    store.getState().setDigits('123456');
    const visit = store.getState().beginRequest();
    store.getState().finishRequest(visit, { access: { accessId: 'a'.repeat(24), subscriber } });
    store.getState().chooseBill(202601000001);
    expect(hasSessionState()).toBe(true);

    resetSessionState();
    const state = store.getState();
    expect(state.digits).toBe('');
    expect(state.access).toBeNull();
    expect(state.chosenBillNumber).toBeNull();
    expect(state.busy).toBe(false);
    expect(hasSessionState()).toBe(false);
  });

  it('drops an answer that arrives after the visit ended, so it cannot reach the next citizen', () => {
    const store = useBillsStore;
    store.getState().setDigits('123456');
    const visit = store.getState().beginRequest();
    resetSessionState();
    store.getState().finishRequest(visit, { access: { accessId: 'b'.repeat(24), subscriber } });
    expect(store.getState().access).toBeNull();
    expect(hasSessionState()).toBe(false);

    // A request of the new visit is applied.
    const next = store.getState().beginRequest();
    expect(next).not.toBe(visit);
    store.getState().finishRequest(next, { step: 'questions' });
    expect(store.getState().step).toBe('questions');
    resetSessionState();
  });

  it('"Otro código" starts over inside the same visit', () => {
    const store = useBillsStore;
    store.getState().setDigits('99');
    const visit = store.getState().beginRequest();
    store.getState().finishRequest(visit, { step: 'locked', lockedUntil: '2026-03-10T15:15:00.000Z' });
    store.getState().startOver();
    expect(store.getState()).toMatchObject({ step: 'code', digits: '', lockedUntil: null, access: null });
    // Still the same visit: a late answer of it would be applied, not of an earlier one.
    expect(store.getState().visit).toBe(visit);
    resetSessionState();
  });
});
