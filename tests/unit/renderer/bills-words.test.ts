import { describe, expect, it } from 'vitest';
import {
  formatBogotaDay,
  formatCalendarDate,
  formatPeriod,
  formatPeriodShort,
} from '../../../src-renderer/bills/bill-words';
import { checkCodigoInterno } from '../../../src-renderer/bills/codigo-interno-entry';

describe('código interno entry', () => {
  it('accepts digits and reads them as a number', () => {
    expect(checkCodigoInterno('0012345')).toEqual({ ok: true, value: 12345 });
    expect(checkCodigoInterno('9999999999')).toEqual({ ok: true, value: 9_999_999_999 });
  });

  it('explains what is wrong in Spanish', () => {
    expect(checkCodigoInterno('')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Digite su código interno'),
    });
    expect(checkCodigoInterno('12345678901')).toMatchObject({
      ok: false,
      message: expect.stringContaining('como máximo 10 números'),
    });
    expect(checkCodigoInterno('12a4')).toMatchObject({
      ok: false,
      message: expect.stringContaining('solo tiene números'),
    });
    expect(checkCodigoInterno('000')).toMatchObject({
      ok: false,
      message: expect.stringContaining('no puede ser cero'),
    });
  });
});

describe('bill words', () => {
  it('writes periods and civil dates without moving them across time zones', () => {
    expect(formatPeriod('2026-03')).toBe('marzo de 2026');
    expect(formatPeriodShort('2026-01')).toBe('ene 2026');
    expect(formatCalendarDate('2026-03-01')).toBe('1 de marzo de 2026');
    expect(formatPeriod('bad')).toBe('bad');
  });

  it('shows a payment instant as the day it was in Bogotá', () => {
    // 02:00 UTC on the 1st is still the last day of February in Bogotá (UTC−5).
    expect(formatBogotaDay('2026-03-01T02:00:00.000Z')).toBe('28/02/2026');
  });
});
