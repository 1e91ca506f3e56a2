import pg from 'pg';

/** A value a statement without parameters (COPY) may carry, written as an SQL literal. */
export type SqlLiteralValue = null | boolean | number | readonly string[];

/**
 * `value` as PostgreSQL literal text: NULL, true/false, a safe integer, or a text array whose
 * elements are quoted by node-postgres' `escapeLiteral` (quotes doubled, backslashes in an
 * E'' string). Nothing else is accepted: no fractions, no bare strings, no objects.
 */
export function sqlLiteral(value: SqlLiteralValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer literal: ${value}`);
    return String(value);
  }
  return value.length === 0 ? `'{}'` : `ARRAY[${value.map((item) => pg.escapeLiteral(item)).join(',')}]`;
}
