import type { SqlExecutor } from '../db/sql-executor';
import { isStaffRole, ticketRoles, type StaffRole } from './staff-roles';

/** The ticket a number names (the unique index on tickets.number), or null. */
export async function ticketIdByNumber(exec: SqlExecutor, number: string): Promise<string | null> {
  const { rows } = await exec.query<{ id: string }>('SELECT id FROM tickets WHERE number = $1', [number]);
  return rows[0]?.id ?? null;
}

/** A staff member a ticket may be assigned to. */
export interface TicketAgent {
  readonly username: string;
  readonly fullName: string;
  readonly role: StaffRole;
}

/** The active staff who work tickets: support agents first, then supervisors and admins, by name. */
export async function ticketAgents(exec: SqlExecutor): Promise<TicketAgent[]> {
  const roles = ticketRoles.map((_, i) => `$${i + 1}`).join(', ');
  const { rows } = await exec.query<{ username: string; full_name: string; role: string }>(
    `SELECT username, full_name, role FROM staff_users WHERE active AND role IN (${roles})
     ORDER BY role <> 'soporte', full_name, username`,
    [...ticketRoles],
  );
  return rows.flatMap((r) =>
    isStaffRole(r.role) ? [{ username: r.username, fullName: r.full_name, role: r.role }] : [],
  );
}

/** The device a ticket was filed at (a kiosk, or a counter for a citizen at the desk); null for the web page and phone tickets. */
export type TicketDevice = {
  readonly name: string;
  readonly mode: string;
};

export async function ticketDevice(exec: SqlExecutor, ticketId: string): Promise<TicketDevice | null> {
  const { rows } = await exec.query<TicketDevice>(
    'SELECT d.name, d.mode FROM tickets t JOIN devices d ON d.id = t.device_id WHERE t.id = $1',
    [ticketId],
  );
  return rows[0] ?? null;
}

/** A request waiting for its emailed code, as the agent on the phone sees it. */
export interface PendingDraft {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly subject: string;
  readonly category: string;
  readonly channel: 'kiosk' | 'web';
  readonly createdAt: Date;
  /** Whether the citizen can still type the mailed code (not expired, tries left). */
  readonly codeLive: boolean;
}

/**
 * Drafts with no ticket yet, created in the last day (confirmByPhone refuses older ones), newest
 * first; only those of `email` when the agent typed the address the caller dictates
 * (ticket_drafts_email_idx). Without an address this reads the drafts of the last day by
 * creation, which no index orders: docs/staff-console.md names the partial index that would.
 */
export async function pendingDrafts(
  exec: SqlExecutor,
  opts: { now: Date; email: string | null; codeTries: number; limit: number },
): Promise<PendingDraft[]> {
  const since = new Date(opts.now.getTime() - 24 * 3_600_000).toISOString();
  const params: unknown[] = [since, opts.now.toISOString(), opts.codeTries, opts.limit];
  const byEmail = opts.email === null ? '' : `AND email = $${params.push(opts.email)}`;
  const { rows } = await exec.query<{
    id: string;
    email: string;
    channel: 'kiosk' | 'web';
    created_at: Date | string;
    name: unknown;
    subject: unknown;
    category: unknown;
    live: boolean;
  }>(
    `SELECT id, email, channel, created_at, draft->'fields'->>'name' AS name, draft->'fields'->>'subject' AS subject,
            draft->'fields'->>'category' AS category, (expires_at > $2 AND tries < $3) AS live
     FROM ticket_drafts WHERE ticket_id IS NULL AND created_at > $1 ${byEmail}
     ORDER BY created_at DESC LIMIT $4`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    name: typeof r.name === 'string' ? r.name : '',
    email: r.email,
    subject: typeof r.subject === 'string' ? r.subject : '',
    category: typeof r.category === 'string' ? r.category : '',
    channel: r.channel,
    createdAt: new Date(r.created_at),
    codeLive: r.live === true,
  }));
}
