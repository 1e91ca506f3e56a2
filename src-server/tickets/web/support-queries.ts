import type { SqlExecutor } from '../../db/sql-executor';

/** The two reads the pages need that the ticket services do not offer. */

/**
 * The address a web draft's code was mailed to, while the draft still takes a code (not used,
 * not expired, tries left); null otherwise, and for a kiosk's draft. Only the code page asks: it
 * names the address so a citizen who mistyped it sees so.
 */
export async function pendingWebDraftEmail(
  exec: SqlExecutor,
  draftId: string,
  now: Date,
  codeTries: number,
): Promise<string | null> {
  if (!/^[0-9a-f-]{36}$/.test(draftId)) return null;
  const { rows } = await exec.query<{ email: string }>(
    `SELECT email FROM ticket_drafts
     WHERE id = $1 AND channel = 'web' AND ticket_id IS NULL AND expires_at > $2 AND tries < $3`,
    [draftId, now.toISOString(), codeTries],
  );
  return rows[0]?.email ?? null;
}

/** The address a ticket was created with: whose list a link to it opens. */
export async function ticketEmail(exec: SqlExecutor, ticketId: string): Promise<string | null> {
  const { rows } = await exec.query<{ email: string }>('SELECT email FROM tickets WHERE id = $1', [ticketId]);
  return rows[0]?.email ?? null;
}
