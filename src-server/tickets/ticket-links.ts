import { createHash, randomBytes } from 'node:crypto';
import type { SqlExecutor } from '../db/sql-executor';

const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Where a ticket's page with a token lives on the server (the mailed link). */
export const ticketLinkPath = '/soporte/ticket/';

/**
 * A link to one ticket's page for a citizen without an account: 32 random bytes, stored only as
 * their sha256, good until `expiresAt`. The mailed solution link is one; so is the page a web
 * lookup opens.
 */
export async function issueTicketLink(tx: SqlExecutor, ticketId: string, now: Date, validMs: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.query('INSERT INTO ticket_links (token_sha256, ticket_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    tokenHash(token),
    ticketId,
    now.toISOString(),
    new Date(now.getTime() + validMs).toISOString(),
  ]);
  return token;
}

/** The ticket a live token opens; null for an unknown, expired or malformed one (the same answer). */
export async function ticketOfLink(exec: SqlExecutor, token: string, now: Date): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const { rows } = await exec.query<{ ticket_id: string }>(
    'SELECT ticket_id FROM ticket_links WHERE token_sha256 = $1 AND expires_at > $2',
    [tokenHash(token), now.toISOString()],
  );
  return rows[0]?.ticket_id ?? null;
}
