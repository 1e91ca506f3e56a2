import { describe, expect, it } from 'vitest';
import { bindText } from '../../../src-server/db/row-bytes';

describe('a bound parameter in PostgreSQL text format', () => {
  it('writes NULL, booleans, numbers, text and text arrays, quoting and escaping every element', () => {
    expect(bindText(null)).toBeNull();
    expect(bindText(true)).toBe('true');
    expect(bindText(false)).toBe('false');
    expect(bindText(2_278_764)).toBe('2278764');
    expect(bindText("03'); DROP TABLE change_log; --")).toBe("03'); DROP TABLE change_log; --");
    expect(bindText([])).toBe('{}');
    expect(bindText(['03', '03-117'])).toBe('{"03","03-117"}');
    // A quote or a backslash inside an element is escaped: nothing ends the element early.
    expect(bindText(['a"b', 'c\\d', 'NULL', '', '{x,y}'])).toBe('{"a\\"b","c\\\\d","NULL","","{x,y}"}');
  });

  it('refuses a number PostgreSQL would not read back', () => {
    expect(() => bindText(Number.NaN)).toThrow(/not a number/);
    expect(() => bindText(Number.POSITIVE_INFINITY)).toThrow(/not a number/);
  });
});
