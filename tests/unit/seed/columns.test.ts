import { describe, expect, it } from 'vitest';
import { arrayLiteral, billTable, columnArrays, unnestInsertSql } from '../../../db/seed/columns';
import { generateAll } from '../../support/seed-sample';

describe('unnest parameters', () => {
  it('quote every string and escape backslashes and double quotes, as PostgreSQL array input needs', () => {
    expect(arrayLiteral([1, -2, 3])).toBe('{1,-2,3}');
    expect(arrayLiteral(['a', 'NULL', 'x,y', '{z}', ' sp '])).toBe('{"a","NULL","x,y","{z}"," sp "}');
    expect(arrayLiteral(['dice "hola"', 'C:\\ruta'])).toBe('{"dice \\"hola\\"","C:\\\\ruta"}');
    expect(arrayLiteral([null, true, false])).toBe('{NULL,t,f}');
    expect(arrayLiteral([])).toBe('{}');
    expect(() => arrayLiteral([Number.NaN])).toThrow(RangeError);
  });

  it('send each distinct line-item document once and reference it by 1-based position', () => {
    const { bills } = generateAll({ subscribers: 40 });
    const params = columnArrays(billTable, bills);
    expect(params).toHaveLength(billTable.columns.length + 1);
    const positions = (params[9] ?? '').slice(1, -1).split(',').map(Number);
    expect(positions).toHaveLength(bills.length);
    const distinct = new Set(bills.map((b) => JSON.stringify(b.lineItems))).size;
    expect(Math.max(...positions)).toBe(distinct);
    expect(distinct).toBeLessThan(bills.length);
    expect(unnestInsertSql(billTable)).toContain('($15::jsonb[])[c9]');
  });
});
