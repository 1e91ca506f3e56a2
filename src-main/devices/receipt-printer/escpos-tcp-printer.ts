import { randomUUID } from 'node:crypto';
import type {
  DocumentPrinter,
  PrintDocument,
  PrinterStatus,
  SystemJobState,
} from '../document-printer/document-printer';
import { PrintFailure } from '../document-printer/document-printer';
import { conditionFromDleEot, dleEot } from './dle-eot';
import { escposContentType } from './receipt-profile';
import { PrinterSocket, PrinterSocketError } from './printer-socket';
import { receiptMessages } from './receipt-messages';

export interface EscposTcpOptions {
  readonly connectTimeoutMs?: number;
  readonly statusTimeoutMs?: number;
  /** Time for the whole receipt to leave; a stalled printer buffer shows up here. */
  readonly writeTimeoutMs?: number;
}

/**
 * A network ESC/POS receipt printer (raw TCP, usually port 9100) as the print queue sees a
 * printer (STYLE §11): `status()` asks DLE EOT 1, 2 and 4; `submit()` writes the receipt and
 * asks again, so paper that ran out mid-receipt is told apart from a receipt that printed.
 * What reached the printer is never sent again by the queue (`uncertain`), so a receipt is
 * never printed twice by itself when the paper comes back.
 */
export class EscposTcpPrinter implements DocumentPrinter {
  private readonly connectTimeoutMs: number;
  private readonly statusTimeoutMs: number;
  private readonly writeTimeoutMs: number;
  readonly spokenName = 'La impresora de recibos';

  constructor(
    readonly name: string,
    private readonly host: string,
    private readonly port: number,
    options: EscposTcpOptions = {},
  ) {
    this.connectTimeoutMs = options.connectTimeoutMs ?? 3_000;
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1_500;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 15_000;
  }

  async status(): Promise<PrinterStatus> {
    let socket: PrinterSocket;
    try {
      socket = await PrinterSocket.connect(this.host, this.port, this.connectTimeoutMs);
    } catch (error) {
      return { condition: 'offline', detail: error instanceof Error ? error.message : String(error) };
    }
    try {
      return await this.ask(socket);
    } catch (error) {
      return { condition: 'offline', detail: error instanceof Error ? error.message : String(error) };
    } finally {
      socket.close();
    }
  }

  async submit(document: PrintDocument): Promise<string> {
    if (document.contentType !== escposContentType) {
      throw new PrintFailure('permanent', receiptMessages.unsupportedContent, `content type ${document.contentType}`);
    }
    let socket: PrinterSocket;
    try {
      socket = await PrinterSocket.connect(this.host, this.port, this.connectTimeoutMs);
    } catch (error) {
      throw new PrintFailure('transient', receiptMessages.unreachable, describe(error));
    }
    try {
      try {
        await socket.write(Buffer.from(document.content), this.writeTimeoutMs);
      } catch (error) {
        throw new PrintFailure('uncertain', receiptMessages.cutOff, describe(error));
      }
      let after: PrinterStatus;
      try {
        after = await this.ask(socket);
      } catch (error) {
        throw new PrintFailure('uncertain', receiptMessages.cutOff, describe(error));
      }
      if (after.condition === 'paper-end')
        throw new PrintFailure('uncertain', receiptMessages.paperRanOut, 'paper end after the receipt');
      if (after.condition !== 'ready')
        throw new PrintFailure('uncertain', receiptMessages.cutOff, `printer ${after.condition} after the receipt`);
      return `tcp-${randomUUID()}`;
    } finally {
      socket.close();
    }
  }

  /** `submit` returns only once the printer took the whole receipt and said it is fine. */
  jobState(): Promise<SystemJobState> {
    return Promise.resolve('done');
  }

  /** Bytes already sent cannot be withdrawn from a raw socket printer. */
  cancel(): Promise<void> {
    return Promise.resolve();
  }

  private async ask(socket: PrinterSocket): Promise<PrinterStatus> {
    const printer = await socket.ask(dleEot(1), this.statusTimeoutMs);
    const offlineCause = await socket.ask(dleEot(2), this.statusTimeoutMs);
    const paperSensor = await socket.ask(dleEot(4), this.statusTimeoutMs);
    const { condition, detail } = conditionFromDleEot({ printer, offlineCause, paperSensor });
    return { condition, detail };
  }
}

function describe(error: unknown): string {
  if (error instanceof PrinterSocketError) return `${error.stage}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
