import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../../src-main/devices/receipt-printer/escpos-encoder';
import { paymentReceipt } from '../../../src-shared/cashier/receipt-layout';
import { blankLinesBeforeCut, decodeEscpos, lineHeightMm } from '../../support/escpos-decoder';

const facts = {
  entity: { name: 'Empresa Ibaguereña de Acueducto', nit: '800089809', city: 'Ibagué' },
  deviceName: 'Caja 1',
  cashierName: 'MARTHA OYOLA',
  receiptNumber: 'CAJA1-000001',
  takenAt: '03/12/2026 10:00',
  codigoInterno: 100001,
  holderName: 'ANA PÉREZ',
  billNumber: 20261100000001,
  periodLabel: 'Noviembre de 2026',
  amount: 52_300,
  cash: 52_300,
  cashReceived: 60_000,
  card: 0,
  cardVouchers: [],
  check: 0,
  checks: [],
  change: 7_700,
  rounding: 0,
  warning: null,
  voided: false,
};

/**
 * Issue 12 item 3: about 50 mm of blank paper came out before every cut (three ESC d 4 feeds).
 * A receipt ends just past its last line: the printer is told to feed to its own cutter and cut.
 */
describe('the end of a receipt', () => {
  it('feeds no blank lines of its own before the cut, and lets the printer feed to its cutter', async () => {
    for (const paper of [80, 58] as const) {
      const events = decodeEscpos(await encodeReceipt(paymentReceipt(facts, false), { type: 'epson', paper }));
      const blank = blankLinesBeforeCut(events);
      expect(blank * lineHeightMm, `${paper} mm roll: blank paper before the cut, in mm`).toBeLessThanOrEqual(
        lineHeightMm,
      );
      expect(events.find((e) => e.kind === 'cut')).toMatchObject({ partial: true, toCutter: true, extraDots: 0 });
    }
  });

  it('cuts a STAR roll after feeding to its cutter, with no vertical tabs before', async () => {
    const bytes = await encodeReceipt(paymentReceipt(facts, false), { type: 'star', paper: 80 });
    const cut = bytes.lastIndexOf(Buffer.from([0x1b, 0x64, 0x03]));
    expect(cut).toBeGreaterThan(0);
    // STAR line mode's ESC d 3: feed to the cutting position, then partial cut. No VT (0x0B) before it.
    expect(bytes.subarray(Math.max(0, cut - 3), cut).includes(0x0b)).toBe(false);
  });
});
