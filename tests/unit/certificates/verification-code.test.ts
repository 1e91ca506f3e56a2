import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  isVerifiable,
  isVerificationCode,
  lastVerificationDay,
  makeVerificationCode,
  readVerificationCode,
  symbolForByte,
  unknownVerificationCodeMessage,
  verificationCodeAlphabet,
  verificationCodeLength,
} from '../../../src-shared/certificates/verification-code';
import { binomialLowerTail, binomialUpperTail } from '../../support/binomial';

/** A byte source that hands out `bytes` in order, then fails: what the code asks for is visible. */
function scripted(bytes: readonly number[]) {
  let at = 0;
  const source = (n: number): Uint8Array => {
    if (at + n > bytes.length) throw new Error('the code asked for more bytes than scripted');
    const out = Uint8Array.from(bytes.slice(at, at + n));
    at += n;
    return out;
  };
  return { source, used: () => at };
}

describe('verification codes', () => {
  it('are 10 characters of the 62 letters and digits, as SII prints them', () => {
    expect(verificationCodeLength).toBe(10);
    expect(verificationCodeAlphabet).toHaveLength(62);
    expect(new Set(verificationCodeAlphabet).size).toBe(62);
    expect(verificationCodeAlphabet).toMatch(/^[A-Za-z0-9]+$/);
    for (let i = 0; i < 2_000; i += 1) {
      const code = makeVerificationCode(randomBytes);
      expect(code).toMatch(/^[A-Za-z0-9]{10}$/);
      expect(isVerificationCode(code)).toBe(true);
    }
  });

  it('map each byte below 248 to byte mod 62 and throw bytes 248–255 away (no modulo bias)', () => {
    // Every byte value once: each symbol stands for exactly four, and the last eight for none —
    // folded in, they would make A–H 25 % likelier than the rest.
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 256; byte += 1) {
      const symbol = symbolForByte(byte);
      if (byte >= 248) expect(symbol).toBeNull();
      else if (symbol !== null) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    expect(counts.size).toBe(62);
    expect(new Set(counts.values())).toEqual(new Set([4]));

    const tail = [248, 249, 250, 251, 252, 253, 254, 255];
    const accepted = [0, 61, 62, 123, 124, 185, 186, 247, 1, 63];
    const { source } = scripted([...tail, ...accepted, ...new Array(14).fill(0)]);
    expect(makeVerificationCode(source)).toBe('A9A9A9A9BB');
  });

  it('keep drawing until ten symbols are accepted, whatever the source throws away', () => {
    const { source, used } = scripted([...new Array(48).fill(250), ...new Array(16).fill(5)]);
    expect(makeVerificationCode(source)).toBe('FFFFFFFFFF');
    expect(used()).toBe(64);
  });

  it('spread evenly: no symbol, first or last of the alphabet, beyond chance in 62,000 characters', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 6_200; i += 1)
      for (const c of makeVerificationCode(randomBytes)) counts.set(c, (counts.get(c) ?? 0) + 1);
    const n = 62_000;
    const p = 1 / 62;
    for (const symbol of verificationCodeAlphabet) {
      const count = counts.get(symbol) ?? 0;
      // Bounds a fair draw crosses with probability below one in a million per symbol.
      expect(binomialUpperTail(n, p, count)).toBeGreaterThan(1e-6);
      expect(binomialLowerTail(n, p, count)).toBeGreaterThan(1e-6);
    }
  });

  it('do not repeat in 100,000 draws', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i += 1) seen.add(makeVerificationCode(randomBytes));
    expect(seen.size).toBe(100_000);
  });
});

describe('a typed verification code', () => {
  it('is trimmed and freed of spaces, its case kept', () => {
    expect(readVerificationCode('  NA6V1suvZm ')).toEqual({ ok: true, value: 'NA6V1suvZm' });
    expect(readVerificationCode('NA6V1 suvZm')).toEqual({ ok: true, value: 'NA6V1suvZm' });
    expect(readVerificationCode('na6v1SUVzM')).toEqual({ ok: true, value: 'na6v1SUVzM' });
  });

  it('is refused in Spanish when empty, too short or long, or with other characters', () => {
    const message = (typed: string) => {
      const read = readVerificationCode(typed);
      return read.ok ? null : read.error.message;
    };
    expect(message('')).toBe('Escriba el código de verificación que aparece en el certificado.');
    expect(message('NA6V1suvZ')).toContain('tiene 10 caracteres y usted escribió 9');
    expect(message('NA6V1suvZmm')).toContain('usted escribió 11');
    expect(message('NA6V1-suvZ')).toContain('solo letras sin tilde y números');
    expect(message('NÑ6V1suvZm')).toContain('sin ñ');
    expect(message('NA6V1suvZá')).toContain('sin tilde');
    expect(readVerificationCode('')).toMatchObject({ ok: false, error: { code: 'validation', field: 'code' } });
  });

  it('that matches nothing is told that capitals count', () => {
    expect(unknownVerificationCodeMessage).toContain('mayúsculas y las minúsculas cuentan');
  });

  it('as an address or a QR is taken only exactly', () => {
    expect(isVerificationCode('NA6V1suvZm')).toBe(true);
    expect(isVerificationCode(' NA6V1suvZm')).toBe(false);
    expect(isVerificationCode('NA6V1suvZm/')).toBe(false);
  });
});

describe('the verification window (60 calendar days from the day of issue, in Bogotá)', () => {
  it('ends on the 60th day after the issue day, whatever the hour of issue', () => {
    expect(lastVerificationDay(new Date('2026-01-01T05:00:00Z'))).toBe('2026-03-02'); // 00:00 Bogotá
    expect(lastVerificationDay(new Date('2026-01-02T04:59:59Z'))).toBe('2026-03-02'); // 23:59 Bogotá, same day
    expect(lastVerificationDay(new Date('2026-01-02T05:00:00Z'))).toBe('2026-03-03');
  });

  it('is open through the last day and closed from the next midnight in Bogotá', () => {
    const issued = new Date('2026-01-01T15:00:00Z');
    expect(isVerifiable(issued, issued)).toBe(true);
    expect(isVerifiable(issued, new Date('2026-03-03T04:59:59Z'))).toBe(true); // 2 March 23:59:59 Bogotá
    expect(isVerifiable(issued, new Date('2026-03-03T05:00:00Z'))).toBe(false);
  });
});
