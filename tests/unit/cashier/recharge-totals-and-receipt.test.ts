import { describe, expect, it } from 'vitest';
import { closeFigures } from '../../../src-shared/cashier/close-figures';
import {
  offlineRechargeNote,
  onlineRechargeNote,
  rechargeReceipt,
  type RechargeReceiptFacts,
} from '../../../src-shared/cashier/recharge-receipt';
import { sessionTotals } from '../../../src-shared/cashier/session-totals';

/** Recharges in a session's figures, and what a recharge's receipt says (docs/counter-recharge.md). */
describe('a session with prepaid recharges', () => {
  it('counts their money in the tenders, apart from the bills, so the close balances', () => {
    const totals = sessionTotals(
      [
        { state: 'valid', amount: 19_733, cash: 19_700, card: 0, checkAmount: 0 },
        { state: 'voided', amount: 10_000, cash: 10_000, card: 0, checkAmount: 0 },
      ],
      [
        { amount: 50_000, cash: 40_000, card: 10_000, checkAmount: 0 },
        { amount: 20_000, cash: 20_000, card: 0, checkAmount: 0 },
      ],
    );
    expect(totals).toEqual({
      payments: 1,
      voided: 1,
      billed: 19_733,
      recharges: 2,
      recharged: 70_000,
      cash: 79_700,
      card: 10_000,
      check: 0,
      rounding: 33,
      collected: 89_700,
    });
    expect(closeFigures(100_000, totals, { cash: 179_700, card: 10_000, check: 0 }).difference).toBe(0);
  });
});

describe('rechargeReceipt', () => {
  const facts: RechargeReceiptFacts = {
    entity: { name: 'Acueducto', nit: '800089809', city: 'Ibagué' },
    deviceName: 'Caja 1',
    cashierName: 'Cajero Uno',
    receiptNumber: 'CAJA1-000007',
    takenAt: '03/12/2026 10:00',
    liquidationNumber: 100_123,
    holder: { identification: 'CC 1020304050', name: 'Rojas Ana' },
    confirmedOnline: true,
    amount: 50_000,
    cash: 50_000,
    cashReceived: 60_000,
    card: 0,
    cardVouchers: [],
    check: 0,
    checks: [],
    change: 10_000,
    rounding: 0,
  };
  const texts = (model: ReturnType<typeof rechargeReceipt>) =>
    model.lines.flatMap((l) => (l.kind === 'text' ? [l.text] : l.kind === 'pair' ? [`${l.left}: ${l.right}`] : []));

  it('says online that the server confirmed it, and opens the drawer for cash', () => {
    const model = rechargeReceipt(facts, false);
    expect(texts(model)).toEqual(
      expect.arrayContaining([
        'RECARGA DE PREPAGO',
        'Liquidación Nº: 100123',
        'Identificación: CC 1020304050',
        onlineRechargeNote,
      ]),
    );
    expect(model.openDrawer).toBe(true);
  });

  it('says offline when the wallet is credited; a copy names no holder and never opens the drawer', () => {
    const model = rechargeReceipt({ ...facts, holder: null, confirmedOnline: false }, true);
    expect(texts(model)).toEqual(expect.arrayContaining(['*** COPIA ***', offlineRechargeNote]));
    expect(texts(model).some((t) => t.startsWith('Identificación'))).toBe(false);
    expect(model.openDrawer).toBe(false);
  });
});
