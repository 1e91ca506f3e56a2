import type { SqlExecutor } from '../db/sql-executor';
import type { Logger } from '../logger';
import type { AttachmentStore } from './attachments';

const hour = 3_600_000;
const day = 24 * hour;

/** What one sweep removed. */
export interface TicketSweep {
  readonly links: number;
  readonly drafts: number;
  readonly files: number;
  readonly temporaryFiles: number;
}

/**
 * Keeps the tickets' leftovers from growing without end: expired links (a day after they
 * expired), drafts whose code was never typed (two days after they were made — the phone path
 * has one), files on disk no ticket or draft names any more (a refused submission's, a dropped
 * draft's; only files untouched for a day, so a draft being written keeps its file), and
 * temporary files a crash left mid-write. Every step is idempotent, so several server instances
 * may sweep at once.
 */
export async function sweepTickets(exec: SqlExecutor, store: AttachmentStore, now: Date): Promise<TicketSweep> {
  const links = await exec.query('DELETE FROM ticket_links WHERE expires_at <= $1 RETURNING 1', [
    new Date(now.getTime() - day).toISOString(),
  ]);
  const drafts = await exec.query(
    'DELETE FROM ticket_drafts WHERE ticket_id IS NULL AND created_at <= $1 RETURNING 1',
    [new Date(now.getTime() - 2 * day).toISOString()],
  );
  // Candidates first, references after: a file named by a row committed meanwhile is seen as named.
  const candidates = await store.filesOlderThan(day, now.getTime());
  let files = 0;
  if (candidates.length > 0) {
    const { rows } = await exec.query<{ sha256: string }>(
      `SELECT sha256 FROM ticket_attachments WHERE sha256 = ANY($1::text[])
       UNION SELECT a->>'sha256' FROM ticket_drafts, jsonb_array_elements(draft->'attachments') AS a
       WHERE a->>'sha256' = ANY($1::text[])`,
      [candidates],
    );
    const named = new Set(rows.map((r) => r.sha256));
    for (const sha256 of candidates) {
      if (named.has(sha256)) continue;
      await store.remove(sha256);
      files += 1;
    }
  }
  const temporaryFiles = await store.removeStaleTemporaryFiles(hour, now.getTime());
  return { links: links.rows.length, drafts: drafts.rows.length, files, temporaryFiles };
}

/** Sweeps every `everyMs` (an hour) in the background; `stop()` before the database closes. */
export function startTicketSweeper(
  exec: SqlExecutor,
  store: AttachmentStore,
  log: Logger,
  everyMs = hour,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const sweep = () => {
    running ??= sweepTickets(exec, store, new Date())
      .then((swept) => {
        if (swept.links + swept.drafts + swept.files + swept.temporaryFiles > 0)
          log.info(swept, 'ticket leftovers swept');
      })
      .catch((error: unknown) => log.warn({ err: error }, 'ticket sweep failed; will try again'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
