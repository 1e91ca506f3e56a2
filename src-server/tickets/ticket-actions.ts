import { v7 as uuidv7 } from 'uuid';
import { err, ok, type Result } from '../../src-shared/api/result';
import {
  nextTicketState,
  refusedTicketAction,
  type TicketAction,
  type TicketState,
} from '../../src-shared/tickets/ticket-states';
import type { SqlExecutor } from '../db/sql-executor';
import { runInTransaction } from '../db/transaction';
import { enqueueMail } from '../mail/mail-outbox';
import type { AttachmentUpload, StoredAttachment } from './attachments';
import { insertAttachments } from './ticket-create';
import type { TicketContext } from './ticket-context';
import { issueTicketLink, ticketLinkPath } from './ticket-links';

interface LockedTicket extends Record<string, unknown> {
  id: string;
  number: string;
  name: string;
  email: string;
  subject: string;
  state: TicketState;
  assignee: string | null;
  first_reply_at: Date | string | null;
}

/** Who acts: the citizen (kiosk or page) or an agent of the console, by username. */
export type TicketActor = { readonly kind: 'citizen' } | { readonly kind: 'agent'; readonly username: string };

/** An action with what it carries. */
export type TicketMove =
  | {
      readonly action: 'assign';
      readonly assignee: string | null;
      /** Who the page showed holding it: when set, someone else taking it since refuses the move. */
      readonly expectedAssignee?: string | null;
    }
  | { readonly action: 'agent-message'; readonly body: string; readonly uploads?: readonly AttachmentUpload[] }
  | { readonly action: 'internal-note'; readonly body: string }
  | { readonly action: 'citizen-message'; readonly body: string; readonly uploads?: readonly AttachmentUpload[] }
  | { readonly action: 'propose-solution'; readonly body: string }
  | { readonly action: 'accept-solution'; readonly rating: number; readonly comment: string | null }
  | { readonly action: 'reject-solution'; readonly reason: string };

const eventKind: Record<TicketAction, string> = {
  assign: 'assigned',
  'agent-message': 'message',
  'internal-note': 'note',
  'citizen-message': 'message',
  'propose-solution': 'solution',
  'accept-solution': 'accepted',
  'reject-solution': 'rejected',
};

/**
 * One move on a ticket, by the state machine (src-shared/tickets/ticket-states.ts): the row is
 * locked, the move refused when the machine says no, otherwise the event (with its files) is
 * written, the ticket's state and times updated, and the other side mailed — all in one
 * transaction. The caller decided who may act on this ticket; the actor kind is checked here.
 */
export async function moveTicket(
  ctx: TicketContext,
  ticketId: string,
  actor: TicketActor,
  move: TicketMove,
): Promise<Result<{ state: TicketState; eventId: string }>> {
  const citizenMoves: readonly TicketAction[] = ['citizen-message', 'accept-solution', 'reject-solution'];
  if ((actor.kind === 'citizen') !== citizenMoves.includes(move.action))
    return err('forbidden', 'Esa acción no le corresponde.');
  const checked = checkMove(move);
  if (!checked.ok) return checked;
  // Files are checked and stored before the transaction: a refused file changes nothing.
  let files: StoredAttachment[] = [];
  const uploads = 'uploads' in move ? (move.uploads ?? []) : [];
  if (uploads.length > 0) {
    const onTicket = await ctx.database.exec.query<{ n: string | number }>(
      'SELECT count(*) AS n FROM ticket_attachments WHERE ticket_id = $1',
      [ticketId],
    );
    const stored = await ctx.attachments.accept(uploads, Number(onTicket.rows[0]?.n ?? 0));
    if (!stored.ok) return stored;
    files = stored.value;
  }
  const now = ctx.now();
  const outcome = await runInTransaction(
    ctx.database.exec,
    async (tx): Promise<Result<{ state: TicketState; eventId: string }>> => {
      const { rows } = await tx.query<LockedTicket>('SELECT * FROM tickets WHERE id = $1 FOR UPDATE', [ticketId]);
      const ticket = rows[0];
      if (ticket === undefined) return err('not-found', 'No encontramos ese ticket.');
      const next = nextTicketState(ticket.state, move.action);
      if (next === null) return err('conflict', refusedTicketAction(ticket.state, move.action));
      if (move.action === 'assign' && move.expectedAssignee !== undefined && move.expectedAssignee !== ticket.assignee)
        return err(
          'conflict',
          ticket.assignee === null
            ? 'Mientras usted tenía abierta la página, el ticket quedó sin asignar. No se cambió nada: vuelva a elegir.'
            : `Mientras usted tenía abierta la página, ${ticket.assignee} tomó este ticket. No se cambió nada.`,
        );
      const eventId = uuidv7();
      await tx.query(
        `INSERT INTO ticket_events (id, ticket_id, at, kind, author_kind, author, body, internal, state_after)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          eventId,
          ticket.id,
          now.toISOString(),
          eventKind[move.action],
          actor.kind,
          actor.kind === 'agent' ? actor.username : null,
          eventBody(move),
          move.action === 'internal-note',
          next,
        ],
      );
      await insertAttachments(tx, ticket.id, eventId, files);
      const answers = actor.kind === 'agent' && (move.action === 'agent-message' || move.action === 'propose-solution');
      await tx.query(
        `UPDATE tickets SET state = $2, updated_at = $3,
           assignee = CASE WHEN $4::boolean THEN $5 WHEN $6::boolean AND assignee IS NULL THEN $9 ELSE assignee END,
           first_reply_at = CASE WHEN $6::boolean AND first_reply_at IS NULL THEN $3::timestamptz ELSE first_reply_at END,
           resolved_at = CASE WHEN $2 = 'resuelto' THEN $3::timestamptz ELSE resolved_at END,
           rating = COALESCE($7, rating), rating_comment = COALESCE($8, rating_comment)
         WHERE id = $1`,
        [
          ticket.id,
          next,
          now.toISOString(),
          move.action === 'assign',
          move.action === 'assign' ? move.assignee : null,
          answers,
          move.action === 'accept-solution' ? move.rating : null,
          move.action === 'accept-solution' ? move.comment : null,
          // An agent who answers an unassigned ticket has taken it.
          actor.kind === 'agent' ? actor.username : null,
        ],
      );
      await mailOtherSide(tx, ctx, ticket, move, now);
      return ok({ state: next, eventId });
    },
  );
  if (outcome.ok) {
    ctx.mail.wake();
    ctx.log.info({ ticket: ticketId, action: move.action, state: outcome.value.state }, 'ticket moved');
  }
  return outcome;
}

function checkMove(move: TicketMove): Result<null> {
  switch (move.action) {
    case 'accept-solution':
      if (!Number.isInteger(move.rating) || move.rating < 1 || move.rating > 5)
        return err('validation', 'Elija de 1 a 5 estrellas para calificar el servicio.');
      if (move.comment !== null && move.comment.length > 2000)
        return err('validation', 'El comentario es demasiado largo (máximo 2.000 caracteres).');
      return ok(null);
    case 'reject-solution':
      if (move.reason.trim().length < 5) return err('validation', 'Cuéntenos por qué rechaza la solución.');
      if (move.reason.length > 5000)
        return err('validation', 'El motivo es demasiado largo (máximo 5.000 caracteres).');
      return ok(null);
    case 'assign':
      return ok(null);
    default:
      if (move.body.trim().length < 2) return err('validation', 'Escriba el mensaje.');
      if (move.body.length > 5000) return err('validation', 'El mensaje es demasiado largo (máximo 5.000 caracteres).');
      return ok(null);
  }
}

function eventBody(move: TicketMove): string | null {
  switch (move.action) {
    case 'assign':
      return move.assignee;
    case 'accept-solution':
      return move.comment;
    case 'reject-solution':
      return move.reason.trim();
    default:
      return move.body.trim();
  }
}

/** Citizens hear of agents' answers and solutions; the support address of citizens' messages and rejections. */
async function mailOtherSide(
  tx: SqlExecutor,
  ctx: TicketContext,
  ticket: LockedTicket,
  move: TicketMove,
  now: Date,
): Promise<void> {
  const ref = { number: ticket.number, subject: ticket.subject };
  const citizen = { to: ticket.email, fullName: ticket.name, ...ref };
  const team =
    ctx.config.supportEmail === null ? null : { to: ctx.config.supportEmail, fullName: 'Equipo de soporte', ...ref };
  switch (move.action) {
    case 'agent-message':
      await enqueueMail(tx, { kind: 'ticket-message', ...citizen, fromCitizen: false, body: move.body.trim() });
      return;
    case 'propose-solution': {
      const token = await issueTicketLink(tx, ticket.id, now, ctx.config.linkDays * 24 * 3_600_000);
      const url = `${ctx.publicBaseUrl.replace(/\/+$/, '')}${ticketLinkPath}${token}`;
      await enqueueMail(tx, {
        kind: 'ticket-solution',
        ...citizen,
        solution: move.body.trim(),
        url,
        validDays: ctx.config.linkDays,
      });
      return;
    }
    case 'accept-solution':
      await enqueueMail(tx, { kind: 'ticket-resolved', ...citizen, rating: move.rating });
      return;
    case 'citizen-message':
      if (team !== null)
        await enqueueMail(tx, { kind: 'ticket-message', ...team, fromCitizen: true, body: move.body.trim() });
      return;
    case 'reject-solution':
      if (team !== null) await enqueueMail(tx, { kind: 'ticket-reopened', ...team, reason: move.reason.trim() });
      return;
    case 'assign':
    case 'internal-note':
      return;
  }
}
