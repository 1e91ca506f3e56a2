import type { DocumentFile } from '../../src-shared/api/document';
import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import { err, ok, type Result } from '../../src-shared/api/result';
import { deviceFilesCeiling, type TicketCreatedValue } from '../../src-shared/server-api/tickets-api';
import { readTicketNumber } from '../../src-shared/tickets/ticket-number';
import { ticketReceipt } from '../../src-shared/tickets/ticket-receipt';
import type { DeviceMeta } from '../device/device-meta';
import { printReceipt } from '../devices/receipt-printer/print-receipt';
import type { ReceiptPrinting } from '../devices/receipt-printer/receipt-printing';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import { TicketFileTray, type TrayLimits } from './ticket-file-tray';
import { ticketMessages } from './ticket-messages';
import { sendTicketRoute, type TicketRoute } from './ticket-route';
import type { RouteInput, RouteValue } from '../../src-shared/server-api/routes';

export interface TicketServiceDeps {
  readonly client: ServerClient;
  readonly meta: DeviceMeta;
  /** The device's own limits (config `attachments`): it holds no more than these, whatever the server takes. */
  readonly attachments: TrayLimits;
  readonly receipts: ReceiptPrinting;
  readonly log: Logger;
  readonly now: () => Date;
}

/**
 * Support tickets at the kiosk (docs/tickets-kiosk.md), relayed to the central server. The
 * kiosk keeps, for the visit only and in memory, the files the citizen attached and the tickets
 * created here (to print their number); everything else travels in each call — the draft's id,
 * the citizen's ticket number and email — and the server checks it every time.
 */
export class TicketService {
  private readonly tray: TicketFileTray;
  /** The server's limits, from its last answer to `tickets.categories`; the device's own until then. */
  private serverLimits: TrayLimits | null = null;
  /** Tickets created in this visit, by number: the only ones «Imprimir el número» prints. */
  private readonly created = new Map<string, TicketCreatedValue>();
  /** The files each draft of this visit was started with, let go once its code is right. */
  private readonly drafts = new Map<string, readonly string[]>();

  constructor(private readonly deps: TicketServiceDeps) {
    this.tray = new TicketFileTray(() => this.limits());
  }

  /** The smallest of the device's settings, what one device submission may carry, and the server's. */
  limits(): TrayLimits {
    const own = this.deps.attachments;
    const server = this.serverLimits ?? own;
    return {
      maxCount: Math.min(own.maxCount, deviceFilesCeiling.count, server.maxCount),
      maxBytes: Math.min(own.maxBytes, deviceFilesCeiling.bytesPerFile, server.maxBytes),
    };
  }

  async categories(): Promise<Result<OpOutput<'tickets.categories'>>> {
    const answer = await this.send('tickets.categories', {});
    if (!answer.ok) return answer;
    this.serverLimits = { maxCount: answer.value.files.maxCount, maxBytes: answer.value.files.maxBytes };
    return ok({ ...answer.value, files: { ...answer.value.files, ...this.limits() } });
  }

  attach(part: OpParsedInput<'tickets.attach'>): Promise<Result<OpOutput<'tickets.attach'>>> {
    return Promise.resolve(this.tray.add(part));
  }

  detach(fileId: string): Promise<Result<{ removed: boolean }>> {
    return Promise.resolve(ok({ removed: this.tray.remove(fileId) }));
  }

  async start(input: OpParsedInput<'tickets.start'>): Promise<Result<OpOutput<'tickets.start'>>> {
    const files = this.tray.uploads(input.fileIds);
    if (!files.ok) return files;
    const started = await this.send('tickets.start', { fields: input.fields, files: files.value });
    // The files stay in the tray until the code is right: the citizen may go back and send again.
    if (started.ok) this.drafts.set(started.value.draftId, input.fileIds);
    return started;
  }

  resend(input: OpParsedInput<'tickets.resend'>): Promise<Result<OpOutput<'tickets.resend'>>> {
    return this.send('tickets.resend', input);
  }

  async confirm(input: OpParsedInput<'tickets.confirm'>): Promise<Result<OpOutput<'tickets.confirm'>>> {
    const created = await this.send('tickets.confirm', input);
    if (!created.ok) return created;
    this.created.set(created.value.number, created.value);
    this.tray.release(this.drafts.get(input.draftId) ?? []);
    this.drafts.delete(input.draftId);
    return created;
  }

  /** «Imprimir el número»: only a ticket created in this visit, on the receipt printer. */
  async printNumber(number: string): Promise<Result<{ jobId: string }>> {
    const ticket = this.created.get(readTicketNumber(number)?.text ?? '');
    if (ticket === undefined) return err('not-found', ticketMessages.notPrintable);
    if (!this.deps.receipts.configured) return err('printer-offline', ticketMessages.noPrinter);
    const printed = await printReceipt(
      this.deps.receipts,
      'ticket-receipt',
      `Ticket ${ticket.number}`,
      ticketReceipt(ticket, this.deps.now().toISOString()),
      this.deps.log,
    );
    return printed.jobId === null
      ? err('printer-offline', printed.printerProblem ?? ticketMessages.noPrinter)
      : ok({ jobId: printed.jobId });
  }

  list(input: OpParsedInput<'tickets.list'>): Promise<Result<OpOutput<'tickets.list'>>> {
    return this.send('tickets.list', input);
  }

  detail(input: OpParsedInput<'tickets.detail'>): Promise<Result<OpOutput<'tickets.detail'>>> {
    return this.send('tickets.detail', input);
  }

  async message(input: OpParsedInput<'tickets.message'>): Promise<Result<OpOutput<'tickets.message'>>> {
    const { fileIds, ...rest } = input;
    const files = this.tray.uploads(fileIds);
    if (!files.ok) return files;
    const sent = await this.send('tickets.message', { ...rest, files: files.value });
    if (sent.ok) this.tray.release(fileIds);
    return sent;
  }

  async attachment(input: OpParsedInput<'tickets.attachment'>): Promise<Result<DocumentFile>> {
    const file = await this.send('tickets.attachment', input);
    if (!file.ok) return file;
    const { fileName, contentType, base64 } = file.value;
    return ok({ fileName, contentType, bytes: Buffer.from(base64, 'base64') });
  }

  /** The visit ended: its files and created numbers are forgotten. */
  endVisit(): void {
    this.tray.clear();
    this.created.clear();
    this.drafts.clear();
  }

  private send<K extends TicketRoute>(route: K, input: RouteInput<K>): Promise<Result<RouteValue<K>>> {
    return sendTicketRoute(this.deps.client, this.deps.meta, this.deps.log, route, input);
  }
}
