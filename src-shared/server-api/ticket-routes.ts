import { z } from 'zod';
import { defineRoute, type ServerRoute } from './route';
import {
  TicketAttachmentRequest,
  TicketAttachmentValue,
  TicketCategoriesValue,
  TicketConfirmRequest,
  TicketCreatedValue,
  TicketDetailRequest,
  TicketDetailValue,
  ticketFilesBodyLimit,
  TicketListRequest,
  TicketListValue,
  TicketMessageRequest,
  TicketMessageValue,
  TicketResendRequest,
  TicketResendValue,
  TicketStartRequest,
  TicketStartValue,
} from './tickets-api';

/**
 * Support tickets from a device (docs/tickets-kiosk.md): part of the one route map (routes.ts).
 * Kiosks and office counters may call them, field laptops not; every call that touches an
 * existing ticket carries the citizen's ticket number and email, checked again each time.
 */
export const ticketRoutes = {
  'tickets.categories': defineRoute({
    summary: 'The categories a ticket may have, the support line, and the attachment limits.',
    method: 'GET',
    path: '/v1/tickets/categories',
    auth: 'device',
    request: z.object({}),
    response: TicketCategoriesValue,
    timeout: 'short',
  }),
  'tickets.start': defineRoute({
    summary:
      '«Crear ticket»: the fields and the files (base64); the files are checked and stored, a draft bound to this device waits for the 6-digit code mailed to the citizen.',
    method: 'POST',
    path: '/v1/tickets/start',
    auth: 'device',
    request: TicketStartRequest,
    response: TicketStartValue,
    bodyLimit: ticketFilesBodyLimit,
    timeout: 'bulk',
  }),
  'tickets.resend': defineRoute({
    summary: '«Reenviar el código» of a draft this device started: a new code, spaced and counted.',
    method: 'POST',
    path: '/v1/tickets/resend',
    auth: 'device',
    request: TicketResendRequest,
    response: TicketResendValue,
    timeout: 'short',
  }),
  'tickets.confirm': defineRoute({
    summary: 'The typed code of a draft this device started: right, and the ticket is created with its number.',
    method: 'POST',
    path: '/v1/tickets/confirm',
    auth: 'device',
    request: TicketConfirmRequest,
    response: TicketCreatedValue,
    timeout: 'long',
  }),
  'tickets.list': defineRoute({
    summary: '«Ver mi lista de tickets»: any one ticket number and its email → every ticket of that email. Throttled.',
    method: 'POST',
    path: '/v1/tickets/list',
    auth: 'device',
    request: TicketListRequest,
    response: TicketListValue,
    timeout: 'short',
  }),
  'tickets.detail': defineRoute({
    summary: 'One ticket of the pair’s email: its details, files and history, without agents’ notes.',
    method: 'POST',
    path: '/v1/tickets/detail',
    auth: 'device',
    request: TicketDetailRequest,
    response: TicketDetailValue,
    timeout: 'short',
  }),
  'tickets.message': defineRoute({
    summary: '«Agregar o enviar un mensaje» on one ticket of the pair’s email, with files (base64).',
    method: 'POST',
    path: '/v1/tickets/message',
    auth: 'device',
    request: TicketMessageRequest,
    response: TicketMessageValue,
    bodyLimit: ticketFilesBodyLimit,
    timeout: 'bulk',
  }),
  'tickets.attachment': defineRoute({
    summary: 'One file of one ticket of the pair’s email (base64, its type read from the stored bytes), to show.',
    method: 'POST',
    path: '/v1/tickets/attachment',
    auth: 'device',
    request: TicketAttachmentRequest,
    response: TicketAttachmentValue,
    timeout: 'long',
  }),
} satisfies Record<string, ServerRoute>;
