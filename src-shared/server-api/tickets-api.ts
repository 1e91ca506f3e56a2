import { z } from 'zod';
import { TicketCode, TicketFields, TicketMessageBody } from '../tickets/ticket-fields';
import { ticketStates } from '../tickets/ticket-states';
import { DocumentFileName } from '../api/document';

/**
 * The device ↔ central server contract of support tickets (docs/tickets-kiosk.md): a kiosk (or
 * a counter helping a citizen) starts a ticket with its files, the citizen types the mailed
 * code, and later opens their tickets again with any ticket number and the email. The device
 * keeps nothing between calls: the number and the email travel in every call and the server
 * checks the pair each time.
 */

/**
 * The most one submission from a device may carry, whatever the server's own limits
 * (VENTANILLA_TICKET_ATTACHMENT_*): the routes' body limit follows from it, and a device sends
 * no more than the smaller of this, its own `attachments` settings and the server's limits.
 */
export const deviceFilesCeiling = { count: 5, bytesPerFile: 10 * 1024 * 1024 } as const;

/** Characters of base64 that `bytes` bytes take (4 for every 3, padded). */
export const base64Length = (bytes: number): number => 4 * Math.ceil(bytes / 3);

/** A submission's body at most: every file at the ceiling in base64, plus the fields and JSON around them. */
export const ticketFilesBodyLimit =
  deviceFilesCeiling.count * base64Length(deviceFilesCeiling.bytesPerFile) + 256 * 1024;

/** Standard base64 (the kiosk encodes with it), padded; checked before it is decoded. */
const Base64 = z
  .string()
  .min(4, { error: 'Un adjunto llegó vacío. Adjúntelo de nuevo.' })
  .max(base64Length(deviceFilesCeiling.bytesPerFile), { error: 'Un adjunto pesa más de lo permitido.' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Un adjunto llegó dañado. Adjúntelo de nuevo.' })
  .refine((text) => text.length % 4 === 0, { error: 'Un adjunto llegó dañado. Adjúntelo de nuevo.' });

/** One file as the device sends it: the name the citizen's file had (or the kiosk gave a photo) and its bytes. */
export const TicketFileUpload = z
  .object({
    name: z.string().trim().min(1).max(255),
    base64: Base64,
  })
  .strict();
export type TicketFileUpload = z.infer<typeof TicketFileUpload>;

const Files = z
  .array(TicketFileUpload)
  .max(deviceFilesCeiling.count, { error: `Puede adjuntar hasta ${deviceFilesCeiling.count} archivos por envío.` });

/** Attachment limits as a citizen is told them: the server's, for the device to apply before sending. */
export const TicketFileLimits = z.object({
  /** Files in one submission (a new ticket, one message). */
  maxCount: z.number().int().min(1),
  /** Bytes of one file. */
  maxBytes: z.number().int().min(1),
  /** What the server accepts, by the bytes: `pdf`, `jpeg`, `png`, `webp`. */
  types: z.array(z.enum(['pdf', 'jpeg', 'png', 'webp'])).min(1),
});
export type TicketFileLimits = z.infer<typeof TicketFileLimits>;

/** `tickets.categories`: what the form offers, the support line, and the attachment limits. */
export const TicketCategoriesValue = z.object({
  categories: z.array(z.object({ code: z.string(), label: z.string() })),
  supportPhone: z.string(),
  files: TicketFileLimits,
});
export type TicketCategoriesValue = z.infer<typeof TicketCategoriesValue>;

/** `tickets.start`: «Crear ticket»: the fields and the files; the server mails the code. */
export const TicketStartRequest = z.object({ fields: TicketFields, files: Files }).strict();
export const TicketStartValue = z.object({
  draftId: z.uuid(),
  validMinutes: z.number().int(),
  /** The address the code went to, as the server read it (trimmed, lower case). */
  email: z.string(),
});
export type TicketStartValue = z.infer<typeof TicketStartValue>;

/** `tickets.resend`: «Reenviar el código». */
export const TicketResendRequest = z.object({ draftId: z.uuid() }).strict();
export const TicketResendValue = z.object({ validMinutes: z.number().int() });

/** `tickets.confirm`: the typed code; right, and the ticket exists. */
export const TicketConfirmRequest = z.object({ draftId: z.uuid(), code: TicketCode }).strict();
export const TicketCreatedValue = z.object({
  number: z.string(),
  subject: z.string(),
  categoryLabel: z.string(),
  createdAt: z.string(),
  email: z.string(),
});
export type TicketCreatedValue = z.infer<typeof TicketCreatedValue>;

/** Any one ticket number and the email it was created with: the citizen's key to their tickets. */
export const TicketPair = z
  .object({
    number: z
      .string({ error: 'Escriba el número de uno de sus tickets.' })
      .trim()
      .min(1, { error: 'Escriba el número de uno de sus tickets, por ejemplo TK-2026-000123.' })
      .max(40, { error: 'El número del ticket es como TK-2026-000123.' }),
    email: z
      .string({ error: 'Escriba el correo con el que creó el ticket.' })
      .trim()
      .toLowerCase()
      .min(1, { error: 'Escriba el correo con el que creó el ticket.' })
      .max(254, { error: 'El correo es demasiado largo.' }),
  })
  .strict();
export type TicketPair = z.infer<typeof TicketPair>;

/** `tickets.list`: every ticket of the pair's email. */
export const TicketListRequest = TicketPair;
export const TicketListItem = z.object({
  number: z.string(),
  subject: z.string(),
  categoryLabel: z.string(),
  state: z.enum(ticketStates),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TicketListItem = z.infer<typeof TicketListItem>;
export const TicketListValue = z.object({ email: z.string(), tickets: z.array(TicketListItem) });
export type TicketListValue = z.infer<typeof TicketListValue>;

/** The ticket of the pair's email to open (`TK-…`): the pair opens the email, this names one of its tickets. */
const OneTicket = z.string().trim().min(1).max(40);

/** `tickets.detail` */
export const TicketDetailRequest = TicketPair.extend({ ticket: OneTicket }).strict();

/** A file on a ticket, as its owner sees it. */
export const TicketAttachmentItem = z.object({
  id: z.uuid(),
  displayName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
export type TicketAttachmentItem = z.infer<typeof TicketAttachmentItem>;

/** One event of the history as the citizen sees it: never an internal note, never an agent's username. */
export const TicketEventItem = z.object({
  at: z.string(),
  kind: z.string(),
  authorKind: z.enum(['citizen', 'agent', 'system']),
  /** The message, the solution, the reason of a rejection, the comment of a rating; null otherwise. */
  body: z.string().nullable(),
  stateAfter: z.enum(ticketStates),
  attachments: z.array(TicketAttachmentItem),
});
export type TicketEventItem = z.infer<typeof TicketEventItem>;

export const TicketDetailValue = TicketListItem.extend({
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  description: z.string(),
  resolvedAt: z.string().nullable(),
  rating: z.number().int().nullable(),
  events: z.array(TicketEventItem),
});
export type TicketDetailValue = z.infer<typeof TicketDetailValue>;

/** `tickets.message`: «Agregar o enviar un mensaje», with files. */
export const TicketMessageRequest = TicketPair.extend({
  ticket: OneTicket,
  body: TicketMessageBody,
  files: Files,
}).strict();
export const TicketMessageValue = z.object({ state: z.enum(ticketStates) });

/** `tickets.attachment`: one file of one of the pair's tickets, to show on the kiosk. */
export const TicketAttachmentRequest = TicketPair.extend({ ticket: OneTicket, attachmentId: z.uuid() }).strict();
export const TicketAttachmentValue = z.object({
  fileName: DocumentFileName,
  contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']),
  base64: z.string().max(base64Length(100 * 1024 * 1024)),
});
export type TicketAttachmentValue = z.infer<typeof TicketAttachmentValue>;
