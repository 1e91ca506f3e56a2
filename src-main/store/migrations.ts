import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** One generated migration of db/local/migrations, in the order drizzle-kit wrote it. */
export interface Migration {
  readonly index: number;
  readonly tag: string;
  readonly statements: readonly string[];
}

const Journal = z.object({
  entries: z.array(z.object({ idx: z.number().int(), tag: z.string() })),
});

/** Reads drizzle-kit's journal and SQL files; the files are committed and never edited. */
export function readMigrations(folder: string): Migration[] {
  const journal = Journal.parse(JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')));
  return journal.entries
    .toSorted((a, b) => a.idx - b.idx)
    .map((entry, position) => {
      if (entry.idx !== position) throw new Error(`Migration journal has a gap before ${entry.tag}`);
      const sql = readFileSync(path.join(folder, `${entry.tag}.sql`), 'utf8');
      const statements = sql
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      return { index: entry.idx, tag: entry.tag, statements };
    });
}
