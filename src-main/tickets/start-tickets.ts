import type { Slice } from '../api/slice';
import type { DeviceMeta } from '../device/device-meta';
import type { ReceiptPrinting } from '../devices/receipt-printer/receipt-printing';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import type { TrayLimits } from './ticket-file-tray';
import { TicketService } from './ticket-service';

export interface TicketsDeps {
  readonly client: ServerClient;
  readonly meta: DeviceMeta;
  /** The config's `attachments`: the most this device holds for one ticket or message. */
  readonly attachments: TrayLimits;
  /** «Imprimir el número» prints there. */
  readonly receipts: ReceiptPrinting;
  readonly log: Logger;
  readonly now?: () => Date;
}

/**
 * Support tickets at the kiosk (docs/tickets-kiosk.md), relayed to the central server. It issues
 * no credential: the citizen's ticket number and email travel in each call, and the server checks
 * them every time; the visit's attached files and created numbers are forgotten when it ends.
 */
export function startTickets(deps: TicketsDeps): Slice {
  const tickets = new TicketService({ ...deps, now: deps.now ?? (() => new Date()) });
  return {
    name: 'tickets',
    handlers: {
      'tickets.categories': () => tickets.categories(),
      'tickets.attach': (input) => tickets.attach(input),
      'tickets.detach': (input) => tickets.detach(input.fileId),
      'tickets.start': (input) => tickets.start(input),
      'tickets.resend': (input) => tickets.resend(input),
      'tickets.confirm': (input) => tickets.confirm(input),
      'tickets.printNumber': (input) => tickets.printNumber(input.number),
      'tickets.list': (input) => tickets.list(input),
      'tickets.detail': (input) => tickets.detail(input),
      'tickets.message': (input) => tickets.message(input),
      'tickets.attachment': (input) => tickets.attachment(input),
    },
    endVisit: () => tickets.endVisit(),
    stop: () => Promise.resolve(),
  };
}
