import { safeFileName } from '../../src-shared/api/document';
import { err, ok, type Result } from '../../src-shared/api/result';
import type {
  TicketAttachmentValue,
  TicketCategoriesValue,
  TicketDetailValue,
  TicketEventItem,
  TicketFileUpload,
  TicketListValue,
  TicketPair,
} from '../../src-shared/server-api/tickets-api';
import { ticketDeviceModes } from '../../src-shared/tickets/ticket-devices';
import { readTicketNumber } from '../../src-shared/tickets/ticket-number';
import type { TicketState } from '../../src-shared/tickets/ticket-states';
import type { AuthenticatedDevice } from '../devices/auth';
import { cleanDisplayName, sniffType, type AttachmentType, type AttachmentUpload } from './attachments';
import { moveTicket } from './ticket-actions';
import { openCitizenTickets } from './ticket-access';
import { noSuchTickets, type TicketContext, type TicketOrigin } from './ticket-context';
import { attachmentOf, ticketDetail, ticketIdFor, ticketsOfEmail, type TicketDetail } from './ticket-queries';

/**
 * Support tickets for enrolled devices (docs/tickets-kiosk.md): what the device routes
 * (http/routes/tickets.ts) call. Nothing a device says about itself is believed: its mode comes
 * from the server's record of it, a draft answers only the device that started it
 * (ticket-drafts.ts), and every call about existing tickets checks the citizen's ticket number
 * and email again, throttled (ticket-access.ts).
 */

/** The device may serve tickets (ticketDeviceModes); its drafts are bound to its id. */
export function ticketDevice(device: AuthenticatedDevice): Result<TicketOrigin> {
  return ticketDeviceModes.includes(device.mode)
    ? ok({ channel: 'kiosk', deviceId: device.id })
    : err(
        'forbidden',
        'Este equipo no atiende tickets de soporte. El ciudadano puede crearlos en un kiosco, en una caja de la oficina o en la página de soporte.',
      );
}

/** The form's categories, the support line, and the attachment limits the device must keep to. */
export function ticketCategories(ctx: TicketContext): TicketCategoriesValue {
  const { maxCount, maxBytes, allowedTypes } = ctx.attachments.config;
  return {
    categories: ctx.config.categories.map(({ code, label }) => ({ code, label })),
    supportPhone: ctx.config.supportPhone,
    files: { maxCount, maxBytes, types: [...allowedTypes] },
  };
}

/** The device's files as the attachment module takes them; the bytes are checked there, not here. */
export const uploadsOf = (files: readonly TicketFileUpload[]): AttachmentUpload[] =>
  files.map((file) => ({ name: file.name, bytes: Buffer.from(file.base64, 'base64') }));

const labelOf = (ctx: TicketContext, code: string): string =>
  ctx.config.categories.find((c) => c.code === code)?.label ?? code;

/** The pair opens its email: one throttled check, the same answer for every miss. */
async function openPair(ctx: TicketContext, pair: TicketPair, origin: TicketOrigin): Promise<Result<string>> {
  const opened = await openCitizenTickets(ctx, pair.number, pair.email, origin, '');
  return opened.ok ? ok(opened.value.email) : opened;
}

/** The pair's email, and one of its tickets by number; another address's ticket is as unknown as none. */
async function openTicket(
  ctx: TicketContext,
  pair: TicketPair,
  typed: string,
  origin: TicketOrigin,
): Promise<Result<string>> {
  const email = await openPair(ctx, pair, origin);
  if (!email.ok) return email;
  const number = readTicketNumber(typed);
  const id = number === null ? null : await ticketIdFor(ctx.database.exec, number.text, email.value);
  return id === null ? err('not-found', noSuchTickets) : ok(id);
}

/** «Ver mi lista de tickets». */
export async function listCitizenTickets(
  ctx: TicketContext,
  pair: TicketPair,
  origin: TicketOrigin,
): Promise<Result<TicketListValue>> {
  const email = await openPair(ctx, pair, origin);
  if (!email.ok) return email;
  const tickets = await ticketsOfEmail(ctx.database.exec, email.value);
  return ok({
    email: email.value,
    tickets: tickets.map((t) => ({
      number: t.number,
      subject: t.subject,
      categoryLabel: labelOf(ctx, t.category),
      state: t.state,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
    })),
  });
}

/** One ticket whole, as its owner sees it. */
export async function citizenTicketDetail(
  ctx: TicketContext,
  pair: TicketPair & { readonly ticket: string },
  origin: TicketOrigin,
): Promise<Result<TicketDetailValue>> {
  const id = await openTicket(ctx, pair, pair.ticket, origin);
  if (!id.ok) return id;
  const detail = await ticketDetail(ctx.database.exec, id.value, false);
  if (detail === null) return err('not-found', noSuchTickets);
  return ok(citizenView(ctx, detail));
}

/**
 * What the citizen reads of a ticket: no internal note (ticketDetail leaves them out), no agent's
 * username, and no body of the events whose body is the agents' own (who was assigned, the note
 * of a phone check).
 */
function citizenView(ctx: TicketContext, d: TicketDetail): TicketDetailValue {
  const agentsOwn = new Set(['assigned', 'verified-by-phone']);
  return {
    number: d.number,
    subject: d.subject,
    categoryLabel: labelOf(ctx, d.category),
    state: d.state,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    name: d.name,
    email: d.email,
    phone: d.phone,
    description: d.description,
    resolvedAt: d.resolvedAt,
    rating: d.rating,
    events: d.events.map((e): TicketEventItem => ({
      at: e.at,
      kind: e.kind,
      authorKind: e.authorKind,
      body: agentsOwn.has(e.kind) ? null : e.body,
      stateAfter: e.stateAfter,
      attachments: e.attachments.map((a) => ({ ...a })),
    })),
  };
}

/** «Agregar o enviar un mensaje»: the pair and the ticket checked, then the state machine's move with its files. */
export async function citizenMessage(
  ctx: TicketContext,
  request: TicketPair & { readonly ticket: string; readonly body: string; readonly files: readonly TicketFileUpload[] },
  origin: TicketOrigin,
): Promise<Result<{ state: TicketState }>> {
  const id = await openTicket(ctx, request, request.ticket, origin);
  if (!id.ok) return id;
  const moved = await moveTicket(
    ctx,
    id.value,
    { kind: 'citizen' },
    { action: 'citizen-message', body: request.body, uploads: uploadsOf(request.files) },
  );
  return moved.ok ? ok({ state: moved.value.state }) : moved;
}

/** What the kiosk's viewer is told a file is, from the type its bytes were found to be. */
const viewerType: Readonly<Record<AttachmentType, TicketAttachmentValue['contentType']>> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/**
 * One file of one of the pair's tickets, whole, for the kiosk's viewer. Its type is read again
 * from the stored bytes (the store checked them against their hash on opening).
 */
export async function citizenAttachment(
  ctx: TicketContext,
  request: TicketPair & { readonly ticket: string; readonly attachmentId: string },
  origin: TicketOrigin,
): Promise<Result<TicketAttachmentValue>> {
  const id = await openTicket(ctx, request, request.ticket, origin);
  if (!id.ok) return id;
  const row = await attachmentOf(ctx.database.exec, id.value, request.attachmentId, false);
  if (row === null) return err('not-found', 'Ese adjunto no está en este ticket.');
  const opened = await ctx.attachments.store.open(row.sha256);
  if (!opened.ok) return opened;
  const chunks: Buffer[] = [];
  for await (const chunk of opened.value.stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const type = sniffType(bytes);
  if (type === null) return err('internal', 'Este adjunto no se puede mostrar. Avise a la entidad para que lo revise.');
  return ok({
    fileName: safeFileName(cleanDisplayName(row.displayName, type)),
    contentType: viewerType[type],
    base64: bytes.toString('base64'),
  });
}
