import { describe, expect, it } from 'vitest';
import {
  formatDocument,
  loginDocumentCandidates,
  normalizeDocument,
} from '../../../src-shared/domain/identity-document';

describe('identity documents', () => {
  it('keeps only the digits of numeric documents and refuses letters with a Spanish message', () => {
    expect(normalizeDocument('CC', ' 1.020.304.050 ')).toEqual({ ok: true, value: '1020304050' });
    expect(normalizeDocument('CC', '10203O4050')).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        field: 'docNumber',
        message: 'El número de cédula de ciudadanía lleva solo números.',
      },
    });
    expect(normalizeDocument('CC', '12')).toMatchObject({
      ok: false,
      error: { message: 'El número de cédula de ciudadanía tiene entre 3 y 10 dígitos.' },
    });
    expect(normalizeDocument('TI', '12345678901234')).toMatchObject({ ok: false });
  });

  it('checks a NIT’s check digit (DIAN 800.197.268-4) and asks for it when missing', () => {
    expect(normalizeDocument('NIT', '800.197.268-4')).toEqual({ ok: true, value: '8001972684' });
    expect(normalizeDocument('NIT', '899999068-1')).toEqual({ ok: true, value: '8999990681' });
    expect(normalizeDocument('NIT', '800.197.268-5')).toMatchObject({
      ok: false,
      error: { message: 'El dígito de verificación no corresponde a ese NIT. Revíselo en el RUT.' },
    });
    expect(normalizeDocument('NIT', '800197268')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('dígito de verificación después del guion') },
    });
  });

  it('upper-cases passports and refuses symbols', () => {
    expect(normalizeDocument('PA', 'ab 123456')).toEqual({ ok: true, value: 'AB123456' });
    expect(normalizeDocument('PA', 'AB<12345>')).toMatchObject({ ok: false });
  });

  it('matches a NIT typed without its DV at login, and formats documents as citizens read them', () => {
    expect(loginDocumentCandidates('800.197.268')).toContain('8001972684');
    expect(loginDocumentCandidates('8001972684')).toContain('8001972684');
    expect(loginDocumentCandidates('<script>')).toEqual([]);
    expect(formatDocument('NIT', '8001972684')).toBe('NIT 800.197.268-4');
    expect(formatDocument('CC', '1020304050')).toBe('CC 1.020.304.050');
  });
});
