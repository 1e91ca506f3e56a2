import type { ServerDatabase } from '../db/open';
import type { Logger } from '../logger';
import type { TicketAttachments } from './attachments';
import type { TicketConfig } from './ticket-config';

/** What the ticket services need from the running server. */
export interface TicketContext {
  readonly database: ServerDatabase;
  readonly config: TicketConfig;
  readonly attachments: TicketAttachments;
  /** Sends mail queued by a transaction that just committed. */
  readonly mail: { wake(): void };
  readonly log: Logger;
  readonly now: () => Date;
  /** The server's public address, for the links mailed to citizens. */
  readonly publicBaseUrl: string;
}

/** Where a citizen's request comes from: a kiosk (its device id) or the server's web page. */
export type TicketOrigin = { readonly channel: 'kiosk'; readonly deviceId: string } | { readonly channel: 'web' };

/** The one answer to a ticket number and email that do not go together, whatever the reason. */
export const noSuchTickets =
  'No encontramos tickets con ese número y ese correo. Revise el número del ticket (por ejemplo TK-2026-000123) y el correo con el que lo creó.';
