import { describe, expect, it } from 'vitest';
import type { LiquidationValue, StatementValue } from '../../../src-shared/server-api/wallet-api';
import { checkHolder, holderInput, holderValues, emptyHolderValues } from '../../../src-renderer/wallet/holder-form';
import { useWalletStore } from '../../../src-renderer/wallet/wallet-store';
import {
  hasSessionState,
  resetSessionState,
  sessionParticipantNames,
} from '../../../src-renderer/session/session-registry';

const liquidation: LiquidationValue = {
  liquidationId: '0192f3a4-0000-7000-8000-000000000001',
  number: 100001,
  kind: 'prepago',
  amount: 100_000,
  state: 'pendiente',
  recoveryCode: 'XLrWX7',
  expiresAt: '2026-12-08T16:00:00.000Z',
  maskedHolderName: 'N***** A*******',
  payWays: [{ channel: 'counter', label: 'Pago en nuestras oficinas', description: '…' }],
};

const statement: StatementValue = {
  holder: {
    docType: 'CC',
    docNumber: '1000000002',
    name: 'APELLIDO1 NOMBRE1',
    personKind: 'natural',
    contact: { email: 'a@b.co', mobile: '3000000002', landline: null, address: 'Calle 1', municipality: 'Ibagué' },
  },
  balance: 170_000,
  kardex: [],
  pending: [liquidation],
};

/** The wallet's screens hold a visit's personal data, the clave included: the end of the visit must drop all of it. */
describe('wallet session store', () => {
  it('is a session participant, and ending the visit forgets the identification, the liquidación and the clave', () => {
    expect(sessionParticipantNames()).toContain('wallet');
    const wallet = useWalletStore.getState();
    wallet.open('statement');
    wallet.statementOpened({ docType: 'CC', docNumber: '1000000002', clave: 'Prepago.2026' }, statement);
    expect(hasSessionState()).toBe(true);
    // The identification kept for the next function never carries the clave.
    expect(useWalletStore.getState().identification).toEqual({ docType: 'CC', docNumber: '1000000002' });
    resetSessionState();
    const after = useWalletStore.getState();
    expect(after.statement).toBeNull();
    expect(after.identification).toBeNull();
    expect(after.view).toBe('menu');
    expect(hasSessionState()).toBe(false);
  });

  it('lets the statement and its clave go when the citizen leaves it for a pending liquidación or the menu', () => {
    const wallet = useWalletStore.getState();
    wallet.statementOpened({ docType: 'CC', docNumber: '1000000002', clave: 'Prepago.2026' }, statement);
    wallet.showPending(liquidation);
    expect(useWalletStore.getState()).toMatchObject({ view: 'recover', statement: null, liquidation });
    wallet.statementOpened({ docType: 'CC', docNumber: '1000000002', clave: 'Prepago.2026' }, statement);
    wallet.toMenu();
    expect(useWalletStore.getState()).toMatchObject({ view: 'menu', statement: null, liquidation: null });
    resetSessionState();
  });

  it('marks the liquidación on screen paid, with no ways left to pay it', () => {
    const wallet = useWalletStore.getState();
    wallet.showLiquidation(liquidation);
    wallet.liquidationPaid();
    expect(useWalletStore.getState().liquidation).toMatchObject({ state: 'pagada', payWays: [] });
    resetSessionState();
  });
});

describe('holder form', () => {
  it('tells the first mistake under its field, in the server schema’s words', () => {
    const typed = { ...emptyHolderValues, firstSurname: 'Gómez', firstName: 'Laura', email: 'laura@' };
    expect(checkHolder(holderInput('natural', typed))).toMatchObject({ code: 'validation', field: 'email' });
    expect(checkHolder(holderInput('juridica', typed))).toMatchObject({ field: 'businessName' });
  });

  it('accepts a whole persona natural and gives the typed text back to the form', () => {
    const typed = {
      ...emptyHolderValues,
      firstSurname: 'Gómez',
      firstName: 'Laura',
      email: 'laura@example.com',
      mobile: '310 555 7788',
      address: 'Carrera 3 No. 12-40',
      municipality: 'Ibagué',
    };
    const holder = holderInput('natural', typed);
    expect(checkHolder(holder)).toBeNull();
    expect(holderValues(holder)).toEqual(typed);
  });
});
