import { describe, expect, it } from 'vitest';
import { GS, paymentElementString } from '../../../src-shared/domain/gs1-128';
import { readVolanteScan, volanteBarcodeConfig } from '../../../src-shared/wallet/volante-barcode';

/** The volante's GS1-128 read back as a counter's scanner types it (docs/counter-recharge.md). */
const walletGln = '7709998000018';
const billGln = '7709998000421';

function volante(number: number, amount: number, dueOn = '2026-12-08', gln = walletGln) {
  const built = paymentElementString(volanteBarcodeConfig(gln), {
    reference: String(number),
    amountPesos: amount,
    dueOn,
  });
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

describe('readVolanteScan', () => {
  const expected = { liquidationNumber: 100_123, amount: 50_000, dueOn: '2026-12-08', gln: walletGln };

  it('reads the scanner’s forms: with GS, without GS (wedge), with ]C1, and the printed line', () => {
    const { data, hri } = volante(100_123, 50_000);
    for (const scan of [data, data.replaceAll(GS, ''), `]C1${data}`, `${GS}${data}\r\n`, hri]) {
      expect(readVolanteScan(scan, walletGln)).toEqual({ ok: true, value: expected });
      // Offline the counter does not know the wallet's GLN: any valid one in the volante's layout.
      expect(readVolanteScan(scan, null)).toEqual({ ok: true, value: expected });
    }
  });

  it('refuses another GLN when it knows its own, a bill’s barcode, a bad GLN check digit and plain text', () => {
    expect(readVolanteScan(volante(100_123, 50_000, '2026-12-08', billGln).data, walletGln).ok).toBe(false);
    const bill = paymentElementString(
      { gln: billGln, referenceLength: 12, amountAi: '3900', amountLength: 10 },
      { reference: '1234', amountPesos: 87_650, dueOn: '2026-12-08' },
    );
    if (!bill.ok) throw new Error(bill.error.message);
    expect(readVolanteScan(bill.value.data.replaceAll(GS, ''), null).ok).toBe(false);
    expect(readVolanteScan(volante(100_123, 50_000).data.replace(walletGln, '7709998000019'), null).ok).toBe(false);
    const refused = readVolanteScan('100123', null);
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
