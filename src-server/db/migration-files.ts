import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** One generated migration as shipped with this version of the code. */
export interface MigrationFile {
  readonly idx: number;
  readonly tag: string;
  /** sha256 of the file with line endings normalised, so a Windows checkout hashes the same. */
  readonly sha256: string;
  readonly statements: readonly string[];
}

export const defaultServerMigrationsDir = fileURLToPath(new URL('../../db/server/migrations', import.meta.url));

/** drizzle-kit separates statements with this marker so each can run as one query. */
const BREAKPOINT = '--> statement-breakpoint';

const Journal = z.object({
  entries: z.array(z.object({ idx: z.number().int().min(0), tag: z.string().min(1), breakpoints: z.boolean() })),
});

/** Reads `meta/_journal.json` and every migration it lists, in order. */
export async function readMigrationFiles(dir: string): Promise<MigrationFile[]> {
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = Journal.parse(JSON.parse(await readFile(journalPath, 'utf8')));
  const files: MigrationFile[] = [];
  for (const [position, entry] of journal.entries.entries()) {
    // The journal is append-only; a gap or a reorder means someone edited it by hand.
    if (entry.idx !== position) {
      throw new Error(
        `${journalPath}: la entrada ${position} tiene idx ${entry.idx}; el diario de migraciones está dañado.`,
      );
    }
    const text = (await readFile(path.join(dir, `${entry.tag}.sql`), 'utf8')).replace(/\r\n/g, '\n');
    files.push({
      idx: entry.idx,
      tag: entry.tag,
      sha256: createHash('sha256').update(text).digest('hex'),
      statements: splitStatements(text, entry.breakpoints),
    });
  }
  return files;
}

function splitStatements(text: string, breakpoints: boolean): string[] {
  // Without breakpoints the file is one statement; drizzle-kit always writes them for pg.
  const parts = breakpoints ? text.split(BREAKPOINT) : [text];
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}
