import { z } from 'zod';
import {
  base64Length,
  TicketAttachmentRequest,
  TicketCategoriesValue,
  TicketConfirmRequest,
  TicketCreatedValue,
  TicketDetailRequest,
  TicketDetailValue,
  TicketListRequest,
  TicketListValue,
  TicketMessageValue,
  TicketPair,
  TicketResendRequest,
  TicketResendValue,
  TicketStartValue,
} from '../../server-api/tickets-api';
import { ticketDeviceModes } from '../../tickets/ticket-devices';
import { TicketFields, TicketMessageBody } from '../../tickets/ticket-fields';
import { DocumentFile } from '../document';
import { defineOperation, openToAll } from '../operation';

/**
 * Bytes of a file the screen hands over in one call (base64 in the call's input): the web
 * host's requests stay well under its 1 MiB body limit, so a file is sent in parts.
 */
export const attachPartBytes = 512 * 1024;

/** One part of a file the citizen attaches: a photo from the kiosk's camera or a file from a USB memory. */
export const TicketAttachPart = z
  .object({
    /** Chosen by the screen for this file (crypto.randomUUID), the same for each of its parts. */
    fileId: z.uuid(),
    name: z.string().trim().min(1, { error: 'El archivo no tiene nombre.' }).max(255),
    /** The whole file's size in bytes. */
    size: z.number().int().min(1, { error: 'El archivo está vacío. Elija otro.' }),
    /** Where this part starts: the bytes already received. */
    offset: z.number().int().min(0),
    data: z
      .string()
      .min(4)
      .max(base64Length(attachPartBytes))
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'El archivo llegó dañado. Adjúntelo de nuevo.' }),
  })
  .strict();

/** A file the kiosk holds for this visit's ticket or message, as the screens list it. */
export const KioskTicketFile = z.object({
  fileId: z.uuid(),
  name: z.string(),
  size: z.number().int(),
  received: z.number().int(),
  /** Every byte arrived: it goes with the next «Crear ticket» or message that names it. */
  complete: z.boolean(),
});
export type KioskTicketFile = z.infer<typeof KioskTicketFile>;

const FileIds = z.array(z.uuid()).max(20);

/**
 * Support tickets at the kiosk (docs/tickets-kiosk.md): create one with the code mailed to the
 * citizen, find one's tickets with any ticket number and the email, read one, add a message.
 * Everything lives on the central server, which checks the pair on every call; the kiosk keeps
 * only the visit's attached files (in memory, forgotten when the visit ends) and the numbers
 * created in this visit, to print them.
 */
export const ticketsOps = {
  'tickets.categories': defineOperation({
    summary: 'The categories, the support line, and the attachment limits this kiosk applies.',
    reach: 'server',
    modes: ticketDeviceModes,
    auth: openToAll,
    input: z.object({}).strict(),
    output: TicketCategoriesValue,
  }),
  'tickets.attach': defineOperation({
    summary:
      'One part of a file for the visit’s ticket or message (sent in parts of up to 512 KiB); refused past the size or count limit.',
    reach: 'local',
    modes: ticketDeviceModes,
    auth: openToAll,
    input: TicketAttachPart,
    output: KioskTicketFile,
  }),
  'tickets.detach': defineOperation({
    summary: 'Removes a file the citizen attached and no longer wants.',
    reach: 'local',
    modes: ticketDeviceModes,
    auth: openToAll,
    input: z.object({ fileId: z.uuid() }).strict(),
    output: z.object({ removed: z.boolean() }),
  }),
  'tickets.start': defineOperation({
    summary: '«Crear ticket»: the fields and the attached files; the server mails the 6-digit code.',
    reach: 'server',
    modes: ticketDeviceModes,
    auth: openToAll,
    input: z.object({ fields: TicketFields, fileIds: FileIds }).strict(),
    output: TicketStartValue,
  }),
  'tickets.resend': defineOperation({
    summary: '«Reenviar el código».',
    reach: 'server',
    modes: ticketDeviceModes,
    auth: openToAll,
    input: TicketResendRequest,
    output: TicketResendValue,
  }),
  'tickets.confirm': defineOperation({
    summary: 'The typed code: the ticket is created; its number is shown and may be printed.',
    reach: 'server',
    modes: ticketDeviceModes,
    auth: openToAll,
    input: TicketConfirmRequest,
    output: TicketCreatedValue,
  }),
  'tickets.printNumber': defineOperation({
    summary: '«Imprimir el número» of a ticket created in this visit, on the receipt printer.',
    reach: 'local',
    modes: ticketDeviceModes,
    auth: openToAll,
    input: z.object({ number: z.string().min(1).max(40) }).strict(),
    output: z.object({ jobId: z.string() }),
  }),
  'tickets.list': defineOperation({
    summary: '«Ver mi lista de tickets»: any one ticket number and its email → every ticket of that email.',
    reach: 'server',
    modes: ticketDeviceModes,
    auth: openToAll,
    input: TicketListRequest,
    output: TicketListValue,
  }),
  'tickets.detail': defineOperation({
    summary: 'One ticket of the pair’s email: details, files and history.',
    reach: 'server',
    modes: ticketDeviceModes,
    auth: openToAll,
    input: TicketDetailRequest,
    output: TicketDetailValue,
  }),
  'tickets.message': defineOperation({
    summary: '«Agregar o enviar un mensaje» on one ticket of the pair’s email, with the attached files.',
    reach: 'server',
    modes: ticketDeviceModes,
    auth: openToAll,
    input: TicketPair.extend({
      ticket: z.string().trim().min(1).max(40),
      body: TicketMessageBody,
      fileIds: FileIds,
    }).strict(),
    output: TicketMessageValue,
  }),
  'tickets.attachment': defineOperation({
    summary: 'One file of one ticket of the pair’s email, for the kiosk’s viewer (PDF or image).',
    reach: 'server',
    modes: ticketDeviceModes,
    auth: openToAll,
    input: TicketAttachmentRequest,
    output: DocumentFile,
  }),
};
