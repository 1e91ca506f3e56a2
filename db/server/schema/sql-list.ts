import { sql, type SQL } from 'drizzle-orm';

/**
 * `('a', 'b')` from a list of plain words defined in src-shared, for a check constraint: the
 * words are written once, and the constraint's SQL text stays what the migrations hold.
 */
export function sqlList(words: readonly string[]): SQL {
  for (const word of words) if (!/^[a-z-]+$/.test(word)) throw new Error(`not a plain word: ${word}`);
  return sql.raw(`(${words.map((word) => `'${word}'`).join(', ')})`);
}
