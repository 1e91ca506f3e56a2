import { describe, expect, it } from 'vitest';
import { GS, type PaymentBarcodeConfig } from '../../../src-shared/domain/gs1-128';
import { parseScannedPayment } from '../../../src-shared/domain/gs1-128-scan';

const config: PaymentBarcodeConfig = { gln: '7709998000421', referenceLength: 12, amountAi: '3900', amountLength: 10 };
const expected = { gln: '7709998000421', reference: '000012345678', amountPesos: 150_000, dueOn: '2026-01-31' };
const withGs = `41577099980004218020000012345678${GS}39000000150000${GS}9620260131`;
const noSeparators = withGs.replaceAll(GS, '');

function message(result: ReturnType<typeof parseScannedPayment>): string {
  return result.ok ? 'ok' : result.error.message;
}

describe('parseScannedPayment', () => {
  it('reads GS-delimited data, with and without the ]C1 identifier and the Enter', () => {
    expect(parseScannedPayment(withGs, config)).toEqual({ ok: true, value: expected });
    expect(parseScannedPayment(`]C1${withGs}`, config)).toEqual({ ok: true, value: expected });
    expect(parseScannedPayment(`]C1${withGs}\r\n`, config)).toEqual({ ok: true, value: expected });
    // A scanner that sends the leading FNC1 as GS too, and one that puts an extra FNC1 after 415.
    expect(parseScannedPayment(`${GS}${withGs}`, config)).toEqual({ ok: true, value: expected });
    expect(parseScannedPayment(withGs.replace('0421', `0421${GS}`), config)).toEqual({ ok: true, value: expected });
  });

  it('falls back to the convenio positions when the scanner drops the separators', () => {
    expect(parseScannedPayment(noSeparators, config)).toEqual({ ok: true, value: expected });
    expect(parseScannedPayment(`]C1${noSeparators}\n`, config)).toEqual({ ok: true, value: expected });
    // Only one of the two separators survived.
    const oneGs = withGs.replace(`${GS}96`, '96');
    expect(parseScannedPayment(oneGs, config)).toEqual({ ok: true, value: expected });
  });

  it('reads the human-readable line typed from a bill', () => {
    expect(parseScannedPayment('(415)7709998000421(8020)000012345678(3900)0000150000(96)20260131', config)).toEqual({
      ok: true,
      value: expected,
    });
  });

  it('reads 3902 amounts as pesos and refuses centavos', () => {
    const c3902: PaymentBarcodeConfig = { ...config, amountAi: '3902', amountLength: 12 };
    const data = `41577099980004218020000012345678${GS}3902000015000000${GS}9620260131`;
    expect(parseScannedPayment(data, c3902)).toEqual({ ok: true, value: expected });
    expect(message(parseScannedPayment(data.replace('15000000', '15000050'), c3902))).toMatch(/centavos/);
  });

  it('refuses another entity’s GLN and a GLN with a wrong check digit', () => {
    expect(message(parseScannedPayment(withGs.replace('7709998000421', '7709998888487'), config))).toBe(
      'Este código de barras no es de una factura de esta entidad.',
    );
    expect(message(parseScannedPayment(noSeparators.replace('7709998000421', '7709998888487'), config))).toMatch(
      /no es de una factura/,
    );
    expect(message(parseScannedPayment(withGs.replace('7709998000421', '7709998000422'), config))).toMatch(
      /No se pudo leer/,
    );
  });

  it('refuses another amount AI than the convenio’s', () => {
    expect(message(parseScannedPayment(withGs.replace(`${GS}3900`, `${GS}3902`), config))).toMatch(
      /no es de una factura/,
    );
  });

  it('refuses tampered lengths instead of guessing', () => {
    // One digit more in the reference, with separators and without.
    const longRef = withGs.replace('8020', '80201');
    expect(parseScannedPayment(longRef, config).ok).toBe(false);
    expect(parseScannedPayment(longRef.replaceAll(GS, ''), config).ok).toBe(false);
    // One digit less in the amount.
    expect(parseScannedPayment(withGs.replace('39000000150000', '3900000150000'), config).ok).toBe(false);
    expect(parseScannedPayment(noSeparators.slice(0, -1), config).ok).toBe(false);
    // An AI literal moved: same length, but 8020 is not where the convenio puts it.
    const shifted = noSeparators.replace('8020000012345678', '0802000012345678');
    expect(parseScannedPayment(shifted, config).ok).toBe(false);
  });

  it('refuses an impossible due date, letters and garbage', () => {
    expect(parseScannedPayment(withGs.replace('9620260131', '9620260231'), config).ok).toBe(false);
    expect(parseScannedPayment(withGs.replace('000012345678', '0000123456AB'), config).ok).toBe(false);
    expect(parseScannedPayment('', config).ok).toBe(false);
    expect(parseScannedPayment('hola', config).ok).toBe(false);
    expect(parseScannedPayment('(415)7709998000421(8020)000012345678', config).ok).toBe(false);
    expect(message(parseScannedPayment('12345', config))).toMatch(/^No se pudo leer el código de barras/);
  });
});
