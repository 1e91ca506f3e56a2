import { v7 as uuidv7 } from 'uuid';
import { formatTicketNumber } from '../../src-shared/tickets/ticket-number';
import type { SqlExecutor } from '../db/sql-executor';
import { enqueueMail } from '../mail/mail-outbox';
import type { StoredAttachment } from './attachments';
import type { TicketContext, TicketOrigin } from './ticket-context';
import type { TicketDraft } from './ticket-drafts';

export interface CreatedTicket {
  readonly id: string;
  readonly number: string;
  readonly subject: string;
  readonly categoryLabel: string;
  readonly createdAt: string;
  readonly email: string;
}

/** Bogotá's year of a moment: a ticket created on 31 December at 8 p.m. belongs to that year. */
const bogotaYear = (at: Date): number => new Date(at.getTime() - 5 * 3_600_000).getUTCFullYear();

/**
 * The ticket, inside the caller's transaction: the year's next number, the row with its first
 * answer due by the category's service level, the «created» event (and the agent's phone check
 * when that is how it came), the attachments on that event, the draft marked used, and the
 * confirmation mail queued beside it.
 */
export async function createTicketFromDraft(
  tx: SqlExecutor,
  ctx: TicketContext,
  draftId: string,
  draft: TicketDraft,
  origin: TicketOrigin,
  byPhone: { readonly username: string; readonly note: string } | null,
): Promise<CreatedTicket> {
  const now = ctx.now();
  const { fields } = draft;
  const category = ctx.config.categories.find((c) => c.code === fields.category);
  // The category was checked when the draft was made; one removed since keeps its code and a day.
  const hours = category?.firstReplyHours ?? 24;
  const year = bogotaYear(now);
  const series = await tx.query<{ last_sequence: number }>(
    `INSERT INTO ticket_number_series (year, last_sequence) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_sequence = ticket_number_series.last_sequence + 1
     RETURNING last_sequence`,
    [year],
  );
  const number = formatTicketNumber(year, Number(series.rows[0]?.last_sequence));
  const id = uuidv7();
  await tx.query(
    `INSERT INTO tickets (id, number, name, email, phone, category, subject, description, state, channel, device_id,
       created_at, due_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'abierto', $9, $10, $11, $12, $11)`,
    [
      id,
      number,
      fields.name,
      fields.email,
      fields.phone,
      fields.category,
      fields.subject,
      fields.description,
      byPhone === null ? origin.channel : 'phone',
      origin.channel === 'kiosk' ? origin.deviceId : null,
      now.toISOString(),
      new Date(now.getTime() + hours * 3_600_000).toISOString(),
    ],
  );
  const created = uuidv7();
  await tx.query(
    `INSERT INTO ticket_events (id, ticket_id, at, kind, author_kind, author, body, internal, state_after)
     VALUES ($1, $2, $3, 'created', 'citizen', NULL, NULL, false, 'abierto')`,
    [created, id, now.toISOString()],
  );
  await insertAttachments(tx, id, created, draft.attachments);
  if (byPhone !== null)
    await tx.query(
      `INSERT INTO ticket_events (id, ticket_id, at, kind, author_kind, author, body, internal, state_after)
       VALUES ($1, $2, $3, 'verified-by-phone', 'agent', $4, $5, false, 'abierto')`,
      [uuidv7(), id, now.toISOString(), byPhone.username, byPhone.note],
    );
  await tx.query('UPDATE ticket_drafts SET ticket_id = $2 WHERE id = $1', [draftId, id]);
  const categoryLabel = category?.label ?? fields.category;
  await enqueueMail(tx, {
    kind: 'ticket-created',
    to: fields.email,
    fullName: fields.name,
    number,
    subject: fields.subject,
    category: categoryLabel,
  });
  return { id, number, subject: fields.subject, categoryLabel, createdAt: now.toISOString(), email: fields.email };
}

/** The files of one event of a ticket (its creation, or a message). */
export async function insertAttachments(
  tx: SqlExecutor,
  ticketId: string,
  eventId: string,
  attachments: readonly StoredAttachment[],
): Promise<void> {
  for (const a of attachments)
    await tx.query(
      `INSERT INTO ticket_attachments (id, ticket_id, event_id, sha256, content_type, size, display_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [uuidv7(), ticketId, eventId, a.sha256, a.contentType, a.size, a.displayName],
    );
}
