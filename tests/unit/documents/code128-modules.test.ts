import { describe, expect, it } from 'vitest';
import { barRuns, BarcodeEncodingError, gs1128Modules } from '../../../src-node/pdf/code128-modules';
import { GS } from '../../../src-shared/domain/gs1-128';

// Code 128 patterns (ISO/IEC 15417): Start C = 105, FNC1 = 102, Stop with its termination bar.
const startC = '11010011100';
const fnc1 = '11110101110';
const stop = '1100011101011';

/** The symbol character values back from the modules (11 modules each, stop excluded). */
function symbolValues(modules: string, patterns: Map<string, number>): number[] {
  const body = modules.slice(0, -stop.length);
  return Array.from({ length: body.length / 11 }, (_, i) => patterns.get(body.slice(i * 11, i * 11 + 11)) ?? -1);
}

describe('gs1128Modules (jsbarcode, no DOM)', () => {
  const example = `41577099980004218020000012345678${GS}39000000150000${GS}9620260131`;

  it('starts with Start C and FNC1 and ends with the stop pattern', () => {
    const modules = gs1128Modules(example);
    expect(modules.startsWith(startC + fnc1)).toBe(true);
    expect(modules.endsWith(stop)).toBe(true);
  });

  it('gives the symbol values of the domain document: FNC1 only after 8020 and 3900, 376 modules', () => {
    const modules = gs1128Modules(example);
    expect(modules).toHaveLength(376);
    // Learn the 11-module patterns of the values we expect from the symbol itself, then check
    // that the sequence is exactly the documented one (docs/domain/gs1-128-recaudo.md).
    const expected = [
      105, 102, 41, 57, 70, 99, 98, 0, 4, 21, 80, 20, 0, 0, 12, 34, 56, 78, 102, 39, 0, 0, 0, 15, 0, 0, 102, 96, 20, 26,
      1, 31, 58,
    ];
    const patterns = new Map<string, number>();
    const body = modules.slice(0, -stop.length);
    expected.forEach((value, i) => {
      const pattern = body.slice(i * 11, i * 11 + 11);
      const known = patterns.get(pattern);
      if (known !== undefined) expect(known).toBe(value);
      patterns.set(pattern, value);
    });
    expect(symbolValues(modules, patterns)).toEqual(expected);
    // FNC1 after the start, after the reference and after the amount; nowhere else.
    const fnc1At = expected.flatMap((_, i) => (body.slice(i * 11, i * 11 + 11) === fnc1 ? [i] : []));
    expect(fnc1At).toEqual([1, 18, 26]);
    expect(patterns.size).toBe(new Set(expected).size);
  });

  it('refuses data Code 128 cannot carry', () => {
    expect(() => gs1128Modules('415ñ')).toThrow(BarcodeEncodingError);
  });
});

describe('barRuns', () => {
  it('merges adjacent bar modules into one rectangle each', () => {
    expect(barRuns('1101001110')).toEqual([
      [0, 2],
      [3, 1],
      [6, 3],
    ]);
    expect(barRuns('0000')).toEqual([]);
  });
});
