import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, isValidGln } from '../../../src-shared/domain/gs1-check-digit';
import {
  GS,
  parsePaymentBarcodeConfig,
  paymentElementString,
  type PaymentBarcodeConfig,
} from '../../../src-shared/domain/gs1-128';

const config: PaymentBarcodeConfig = { gln: '7709998000421', referenceLength: 12, amountAi: '3900', amountLength: 10 };

function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('GS1 mod-10 check digit', () => {
  it('accepts the GLNs seen on real Colombian bills and the example one', () => {
    for (const gln of [
      '7709998000421',
      '7709998888487',
      '7709998443433',
      '7709998776913',
      '7709998009530',
      '7709998105867',
    ]) {
      expect(isValidGln(gln)).toBe(true);
    }
  });

  it('computes the digit with weights 3,1,3… from the right', () => {
    expect(gs1CheckDigit('770999800042')).toBe(1);
    expect(gs1CheckDigit('770999800953')).toBe(0);
    // A GTIN-13 printed on Colombian products: 7702004003508.
    expect(gs1CheckDigit('770200400350')).toBe(8);
  });

  it('refuses a wrong check digit, other lengths and letters', () => {
    expect(isValidGln('7709998943619')).toBe(false); // the altered GLN of a public issue
    expect(isValidGln('7709998000422')).toBe(false);
    expect(isValidGln('770999800042')).toBe(false);
    expect(isValidGln('77099980004211')).toBe(false);
    expect(isValidGln('770999800042A')).toBe(false);
  });
});

describe('payment barcode configuration', () => {
  it('accepts a valid convenio', () => {
    expect(parsePaymentBarcodeConfig(config)).toEqual({ ok: true, value: config });
  });

  it('refuses a GLN with a bad check digit, in Spanish', () => {
    const result = parsePaymentBarcodeConfig({ ...config, gln: '7709998000422' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/dígito de verificación del GLN/);
      expect(result.error.field).toBe('gln');
    }
  });

  it('refuses lengths beyond what GS1 allows and unknown amount AIs', () => {
    expect(parsePaymentBarcodeConfig({ ...config, referenceLength: 26 }).ok).toBe(false);
    expect(parsePaymentBarcodeConfig({ ...config, amountLength: 16 }).ok).toBe(false);
    expect(parsePaymentBarcodeConfig({ ...config, amountAi: '3901' }).ok).toBe(false);
  });
});

describe('payment element string', () => {
  it('matches the domain document example: FNC1 after 8020 and 3900, none after 415 or 96', () => {
    const value = valueOf(
      paymentElementString(config, { reference: '12345678', amountPesos: 150_000, dueOn: '2026-01-31' }),
    );
    expect(value.data).toBe(`41577099980004218020000012345678${GS}39000000150000${GS}9620260131`);
    expect(value.hri).toBe('(415)7709998000421(8020)000012345678(3900)0000150000(96)20260131');
    expect(value.elements.map((e) => e.ai)).toEqual(['415', '8020', '3900', '96']);
  });

  it('counts data characters with the separators and warns beyond 48 without refusing', () => {
    const value = valueOf(paymentElementString(config, { reference: '1', amountPesos: 1, dueOn: '2026-01-31' }));
    expect(value.dataCharacters).toBe(16 + 16 + 1 + 14 + 1 + 10);
    expect(value.exceedsGs1Limit).toBe(true);
    const short = valueOf(
      paymentElementString(
        { ...config, referenceLength: 6, amountLength: 6 },
        { reference: '1', amountPesos: 1, dueOn: '2026-01-31' },
      ),
    );
    expect(short.dataCharacters).toBe(16 + 10 + 1 + 10 + 1 + 10);
    expect(short.exceedsGs1Limit).toBe(false);
  });

  it('pads to the configured lengths and multiplies by 100 for 3902', () => {
    const value = valueOf(
      paymentElementString(
        { ...config, referenceLength: 18, amountAi: '3902', amountLength: 14 },
        { reference: '990194900000084732', amountPesos: 1000, dueOn: '2022-10-31' },
      ),
    );
    expect(value.hri).toBe('(415)7709998000421(8020)990194900000084732(3902)00000000100000(96)20221031');
  });

  it('accepts a reference already zero-padded to the length', () => {
    const value = valueOf(
      paymentElementString(config, { reference: '000000000042', amountPesos: 5, dueOn: '2026-02-28' }),
    );
    expect(value.elements[1]?.value).toBe('000000000042');
  });

  it('refuses a reference or an amount that does not fit, instead of truncating', () => {
    const longRef = paymentElementString(config, { reference: '1234567890123', amountPesos: 1, dueOn: '2026-01-31' });
    expect(longRef).toEqual({
      ok: false,
      error: { code: 'validation', message: 'La referencia de pago tiene más de 12 dígitos.', field: 'reference' },
    });
    const bigAmount = paymentElementString(config, {
      reference: '1',
      amountPesos: 10_000_000_000,
      dueOn: '2026-01-31',
    });
    expect(bigAmount.ok).toBe(false);
    // 3902 needs two more digits for the same pesos.
    const cents = paymentElementString(
      { ...config, amountAi: '3902' },
      { reference: '1', amountPesos: 100_000_000, dueOn: '2026-01-31' },
    );
    expect(cents.ok).toBe(false);
    expect(
      valueOf(paymentElementString(config, { reference: '1', amountPesos: 9_999_999_999, dueOn: '2026-01-31' })).hri,
    ).toContain('(3900)9999999999');
  });

  it('refuses letters, zero or negative or fractional amounts, and impossible dates', () => {
    const base = { reference: '1', amountPesos: 1, dueOn: '2026-01-31' };
    expect(paymentElementString(config, { ...base, reference: '12A' }).ok).toBe(false);
    expect(paymentElementString(config, { ...base, reference: '' }).ok).toBe(false);
    expect(paymentElementString(config, { ...base, amountPesos: 0 }).ok).toBe(false);
    expect(paymentElementString(config, { ...base, amountPesos: -500 }).ok).toBe(false);
    expect(paymentElementString(config, { ...base, amountPesos: 10.5 }).ok).toBe(false);
    expect(paymentElementString(config, { ...base, dueOn: '2026-02-30' }).ok).toBe(false);
    expect(paymentElementString(config, { ...base, dueOn: '31/01/2026' }).ok).toBe(false);
  });
});
