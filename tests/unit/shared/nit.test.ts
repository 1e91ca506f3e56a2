import { describe, expect, it } from 'vitest';
import { formatNit, isValidNit, nitCheckDigit } from '../../../src-shared/domain/nit';

describe('NIT check digit (DIAN)', () => {
  // Worked examples of docs/domain/identification-nit.md and its sources, including r = 0 and a 10-digit body.
  it.each([
    ['800197268', 4],
    ['899999068', 1],
    ['890903938', 8],
    ['860034313', 7],
    ['213123432', 1],
    ['900649119', 9],
    ['79123456', 0],
    ['1020304050', 8],
  ])('%s → %i', (body, dv) => {
    expect(nitCheckDigit(body)).toBe(dv);
  });

  it('ignores dots, dashes and spaces in the body', () => {
    expect(nitCheckDigit('800.197.268')).toBe(4);
  });

  it('formats with thousands dots and the DV after a dash', () => {
    expect(formatNit('800197268')).toBe('800.197.268-4');
    expect(formatNit('79123456')).toBe('79.123.456-0');
  });

  it('validates a full NIT and rejects a wrong DV or non-digits', () => {
    expect(isValidNit('800.197.268-4')).toBe(true);
    expect(isValidNit('8001972684')).toBe(true);
    expect(isValidNit('800.197.268-5')).toBe(false);
    expect(isValidNit('80O.197.268-4')).toBe(false);
    expect(isValidNit('')).toBe(false);
  });

  it('refuses bodies that are not 1 to 15 digits', () => {
    expect(() => nitCheckDigit('1234567890123456')).toThrow(RangeError);
    expect(() => nitCheckDigit('12a')).toThrow(RangeError);
  });
});
