import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { ticketStates } from '../../../src-shared/tickets/ticket-states';
import { devices } from './devices';
import { sqlList } from './sql-list';

/**
 * Support tickets (docs/tickets.md): the ticket, its history of events and messages, the files
 * attached to them (bytes on disk by sha256, src-server/tickets/attachments), the emailed codes
 * that must be typed before a ticket exists, and the links mailed to a citizen.
 */

/** Each year's last ticket sequence: `TK-2026-000123` is year 2026, sequence 123. */
export const ticketNumberSeries = pgTable('ticket_number_series', {
  year: integer('year').primaryKey(),
  lastSequence: integer('last_sequence').notNull(),
});

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey(),
    /** `TK-2026-000123`, what the citizen reads, types and keeps on the receipt. */
    number: text('number').notNull().unique(),
    name: text('name').notNull(),
    /** Lower case: the list of one's tickets is found by it. */
    email: text('email').notNull(),
    phone: text('phone').notNull(),
    category: text('category').notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    state: text('state').notNull(),
    /** Where it was created: the kiosk, the web page, or by an agent after a phone call. */
    channel: text('channel').notNull(),
    deviceId: uuid('device_id').references(() => devices.id),
    /** The agent working it (staff username), null while unassigned. */
    assignee: text('assignee'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** When a first answer is due, from the category's service level. */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    firstReplyAt: timestamp('first_reply_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
  },
  (t) => [
    check('tickets_state_check', sql`${t.state} in ${sqlList(ticketStates)}`),
    check('tickets_channel_check', sql`${t.channel} in ('kiosk', 'web', 'phone')`),
    check('tickets_rating_check', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check(
      'tickets_resolved_check',
      sql`(${t.state} = 'resuelto') = (${t.resolvedAt} is not null and ${t.rating} is not null)`,
    ),
    index('tickets_email_idx').on(t.email, t.createdAt),
    index('tickets_queue_idx').on(t.state, t.createdAt),
    index('tickets_assignee_idx').on(t.assignee, t.state),
    // «Más vencidos primero»: the unanswered by due time, without sorting them all.
    index('tickets_awaiting_reply_idx')
      .on(t.state, t.dueAt, t.id)
      .where(sql`${t.firstReplyAt} is null`),
  ],
);

/** Everything that happened to a ticket, in order: created, assigned, messages, notes, solution, answer. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    /** UUIDv7: its order is the history's order. */
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    /** `citizen`, `agent` or `system`; `author` is the agent's username. */
    authorKind: text('author_kind').notNull(),
    author: text('author'),
    body: text('body'),
    /** Agents' notes to each other: never shown or mailed to the citizen. */
    internal: boolean('internal').notNull().default(false),
    stateAfter: text('state_after').notNull(),
  },
  (t) => [
    check('ticket_events_author_check', sql`${t.authorKind} in ('citizen', 'agent', 'system')`),
    index('ticket_events_ticket_idx').on(t.ticketId, t.id),
  ],
);

/** A file attached to a ticket's creation or to one of its messages; the bytes live on disk by sha256. */
export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => ticketEvents.id),
    sha256: text('sha256').notNull(),
    /** Decided from the bytes, never from the name or what the sender declared. */
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** The sender's name for it, cleaned; shown only, never a path. */
    displayName: text('display_name').notNull(),
  },
  (t) => [index('ticket_attachments_ticket_idx').on(t.ticketId)],
);

/**
 * A ticket waiting for its emailed code (10 minutes, single use, 5 tries, resends spaced): the
 * draft holds what the citizen filled in and the attachments already stored. An agent may
 * confirm one after checking the citizen's identity by phone.
 */
export const ticketDrafts = pgTable(
  'ticket_drafts',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    codeSha256: text('code_sha256').notNull(),
    draft: jsonb('draft').notNull(),
    channel: text('channel').notNull(),
    deviceId: uuid('device_id').references(() => devices.id),
    tries: integer('tries').notNull().default(0),
    sends: integer('sends').notNull().default(1),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set once, when the ticket is created from it (by the code or by an agent). */
    ticketId: uuid('ticket_id').references(() => tickets.id),
  },
  (t) => [
    check('ticket_drafts_channel_check', sql`${t.channel} in ('kiosk', 'web')`),
    index('ticket_drafts_email_idx').on(t.email, t.createdAt),
    // The console's requests waiting for their code, newest first.
    index('ticket_drafts_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.ticketId} is null`),
  ],
);

/**
 * Links mailed to a citizen (the proposed solution's page): a random token stored only as its
 * sha256, for one ticket, until it expires — revocable, and nothing to forge without the
 * database.
 */
export const ticketLinks = pgTable(
  'ticket_links',
  {
    tokenSha256: text('token_sha256').primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('ticket_links_ticket_idx').on(t.ticketId)],
);
