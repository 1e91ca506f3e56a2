import type { TicketState } from '../../src-shared/tickets/ticket-states';
import type { SqlExecutor } from '../db/sql-executor';

/** A ticket as lists show it. */
export interface TicketSummary {
  readonly id: string;
  readonly number: string;
  readonly subject: string;
  readonly category: string;
  readonly state: TicketState;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A ticket whole: what the citizen filled in, where it stands, its history and files. */
export interface TicketDetail extends TicketSummary {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly description: string;
  readonly channel: string;
  readonly assignee: string | null;
  readonly dueAt: string;
  readonly firstReplyAt: string | null;
  readonly resolvedAt: string | null;
  readonly rating: number | null;
  readonly ratingComment: string | null;
  readonly events: readonly TicketEventView[];
}

export interface TicketEventView {
  readonly id: string;
  readonly at: string;
  readonly kind: string;
  readonly authorKind: 'citizen' | 'agent' | 'system';
  readonly author: string | null;
  readonly body: string | null;
  readonly internal: boolean;
  readonly stateAfter: TicketState;
  readonly attachments: readonly TicketAttachmentView[];
}

export interface TicketAttachmentView {
  readonly id: string;
  readonly displayName: string;
  readonly contentType: string;
  readonly size: number;
}

type Row = Record<string, unknown>;
const iso = (v: unknown): string => new Date(v as string).toISOString();
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

function summary(r: Row): TicketSummary {
  return {
    id: r.id as string,
    number: r.number as string,
    subject: r.subject as string,
    category: r.category as string,
    state: r.state as TicketState,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** Every ticket of an address, newest first (a citizen's «Ver mi lista de tickets»). */
export async function ticketsOfEmail(exec: SqlExecutor, email: string, limit = 200): Promise<TicketSummary[]> {
  const { rows } = await exec.query<Row>(
    `SELECT id, number, subject, category, state, created_at, updated_at FROM tickets
     WHERE email = $1 ORDER BY created_at DESC LIMIT $2`,
    [email, limit],
  );
  return rows.map(summary);
}

/** The ticket with `number` when it belongs to `email`; null otherwise (the same for both). */
export async function ticketIdFor(exec: SqlExecutor, number: string, email: string): Promise<string | null> {
  const { rows } = await exec.query<{ id: string }>('SELECT id FROM tickets WHERE number = $1 AND email = $2', [
    number,
    email,
  ]);
  return rows[0]?.id ?? null;
}

/** One ticket whole; `withInternal` adds agents' notes (the console only). */
export async function ticketDetail(exec: SqlExecutor, id: string, withInternal: boolean): Promise<TicketDetail | null> {
  const { rows } = await exec.query<Row>('SELECT * FROM tickets WHERE id = $1', [id]);
  const r = rows[0];
  if (r === undefined) return null;
  const events = await exec.query<Row>(
    `SELECT id, at, kind, author_kind, author, body, internal, state_after FROM ticket_events
     WHERE ticket_id = $1 ${withInternal ? '' : 'AND NOT internal'} ORDER BY id`,
    [id],
  );
  const files = await exec.query<Row>(
    'SELECT id, event_id, display_name, content_type, size FROM ticket_attachments WHERE ticket_id = $1 ORDER BY id',
    [id],
  );
  return {
    ...summary(r),
    name: r.name as string,
    email: r.email as string,
    phone: r.phone as string,
    description: r.description as string,
    channel: r.channel as string,
    assignee: (r.assignee as string | null) ?? null,
    dueAt: iso(r.due_at),
    firstReplyAt: isoOrNull(r.first_reply_at),
    resolvedAt: isoOrNull(r.resolved_at),
    rating: r.rating === null ? null : Number(r.rating),
    ratingComment: (r.rating_comment as string | null) ?? null,
    events: events.rows.map((e) => ({
      id: e.id as string,
      at: iso(e.at),
      kind: e.kind as string,
      authorKind: e.author_kind as TicketEventView['authorKind'],
      author: (e.author as string | null) ?? null,
      body: (e.body as string | null) ?? null,
      internal: e.internal === true,
      stateAfter: e.state_after as TicketState,
      attachments: files.rows
        .filter((f) => f.event_id === e.id)
        .map((f) => ({
          id: f.id as string,
          displayName: f.display_name as string,
          contentType: f.content_type as string,
          size: Number(f.size),
        })),
    })),
  };
}

/** One attachment of a ticket, when it is on that ticket and its event is one the viewer may see. */
export async function attachmentOf(
  exec: SqlExecutor,
  ticketId: string,
  attachmentId: string,
  withInternal: boolean,
): Promise<{ sha256: string; contentType: string; displayName: string } | null> {
  if (!/^[0-9a-f-]{36}$/.test(attachmentId)) return null;
  const { rows } = await exec.query<{ sha256: string; content_type: string; display_name: string }>(
    `SELECT a.sha256, a.content_type, a.display_name FROM ticket_attachments a JOIN ticket_events e ON e.id = a.event_id
     WHERE a.id = $1 AND a.ticket_id = $2 ${withInternal ? '' : 'AND NOT e.internal'}`,
    [attachmentId, ticketId],
  );
  const row = rows[0];
  return row === undefined
    ? null
    : { sha256: row.sha256, contentType: row.content_type, displayName: row.display_name };
}
