import { describe, expect, it } from 'vitest';
import { formatCop, parseCop } from '../../../src-shared/domain/money';

describe('pesos', () => {
  it('formats whole pesos es-CO with dots and no decimals', () => {
    expect(formatCop(100000)).toBe('$\u00a0100.000');
    expect(formatCop(1234)).toBe('$\u00a01.234');
    expect(formatCop(1250500)).toBe('$\u00a01.250.500');
    expect(formatCop(0)).toBe('$\u00a00');
  });

  it('refuses fractional amounts instead of rounding money silently', () => {
    expect(() => formatCop(10.5)).toThrow(RangeError);
  });

  it('reads amounts typed by people', () => {
    expect(parseCop('1.250.500')).toBe(1250500);
    expect(parseCop('$ 20.000')).toBe(20000);
    expect(parseCop('abc')).toBeNull();
    expect(parseCop('9'.repeat(16))).toBeNull();
  });
});
