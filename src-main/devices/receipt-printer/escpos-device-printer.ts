import { randomUUID } from 'node:crypto';
import type {
  DocumentPrinter,
  PrintDocument,
  PrinterStatus,
  SystemJobState,
} from '../document-printer/document-printer';
import { PrintFailure } from '../document-printer/document-printer';
import { conditionFromDleEot, dleEot } from './dle-eot';
import { receiptMessages } from './receipt-messages';
import { escposContentType } from './receipt-profile';
import { SerialDevice, SerialDeviceError } from './serial-device';

export interface EscposDeviceOptions {
  /** Opening an rfcomm device is when the Bluetooth link is made: a few seconds. */
  readonly openTimeoutMs?: number;
  readonly statusTimeoutMs?: number;
  /** Time for the whole receipt to leave, its drain included; a printer that stopped taking bytes shows up here. */
  readonly writeTimeoutMs?: number;
}

/**
 * Codes that mean this user may not open the device (not in `dialout`): a setup problem, told
 * as such. Every other failure to open (not bound, out of range, switched off) is «desconectada».
 */
const denied = new Set(['EACCES', 'EPERM']);

/**
 * An ESC/POS receipt printer on a serial-like device path (docs/portable-printers.md): the
 * 58 mm Bluetooth printer of a field collector as /dev/rfcomm0 or COM5, a USB printer's tty.
 * The bytes are written by the app itself: open, write them all, ask DLE EOT where the line
 * answers, close (which on a tty waits for the output to drain), each step with a time limit.
 *
 * A printer that answers DLE EOT over the same line gets the TCP printer's treatment: paper and
 * cover are known before and after each receipt. One that never answers (write-only SPP
 * printers, a Windows COM port, which is opened write-only so a read can never hang) is
 * `unknown` but reachable: the receipt is `done` once the device took every byte, and nobody
 * can know about its paper. Once a printer has answered, silence after a receipt means it
 * stopped mid-way, and the outcome is `unknown` (revise el recibo), never printed twice.
 */
export class EscposDevicePrinter implements DocumentPrinter {
  private readonly openTimeoutMs: number;
  private readonly statusTimeoutMs: number;
  private readonly writeTimeoutMs: number;
  /** Learned: the printer answered a status request once, so its silence means something. */
  private answers = false;
  /** One conversation at a time: two openings of a tty read from the same input, and would split the answers. */
  private line: Promise<unknown> = Promise.resolve();
  readonly spokenName = 'La impresora de recibos';
  readonly offlineRemedy = receiptMessages.deviceOfflineRemedy;

  constructor(
    readonly name: string,
    private readonly path: string,
    options: EscposDeviceOptions = {},
  ) {
    this.openTimeoutMs = options.openTimeoutMs ?? 8_000;
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1_000;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 20_000;
  }

  status(): Promise<PrinterStatus> {
    return this.exclusive(() => this.askStatus());
  }

  submit(document: PrintDocument): Promise<string> {
    return this.exclusive(() => this.send(document));
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.line.then(work, work);
    this.line = turn.catch(() => undefined);
    return turn;
  }

  private async askStatus(): Promise<PrinterStatus> {
    let device: SerialDevice;
    try {
      device = await SerialDevice.open(this.path, this.openTimeoutMs);
    } catch (error) {
      // Not allowed to open it says nothing about the printer: the print attempt explains it.
      if (error instanceof SerialDeviceError && error.code !== null && denied.has(error.code))
        return { condition: 'unknown', detail: describe(error) };
      return { condition: 'offline', detail: describe(error) };
    }
    try {
      return await this.ask(device);
    } finally {
      await device.close(this.statusTimeoutMs);
    }
  }

  private async send(document: PrintDocument): Promise<string> {
    if (document.contentType !== escposContentType) {
      throw new PrintFailure('permanent', receiptMessages.unsupportedContent, `content type ${document.contentType}`);
    }
    const started = Date.now();
    let device: SerialDevice;
    try {
      device = await SerialDevice.open(this.path, this.openTimeoutMs);
    } catch (error) {
      if (error instanceof SerialDeviceError && error.code !== null && denied.has(error.code))
        throw new PrintFailure('permanent', receiptMessages.deviceDenied, describe(error));
      throw new PrintFailure('transient', receiptMessages.unreachable, describe(error));
    }
    let closed = false;
    try {
      try {
        await device.write(document.content, this.writeTimeoutMs);
      } catch (error) {
        // Nothing taken is nothing printed: safe to send again. Anything taken may be on paper.
        if (error instanceof SerialDeviceError && error.written === 0 && !error.pending)
          throw new PrintFailure('transient', receiptMessages.unreachable, describe(error));
        throw new PrintFailure('uncertain', receiptMessages.cutOff, describe(error));
      }
      const after = await this.ask(device);
      if (after.condition === 'paper-end')
        throw new PrintFailure('uncertain', receiptMessages.paperRanOut, 'paper end after the receipt');
      if (after.condition === 'unknown' && this.answers)
        throw new PrintFailure('uncertain', receiptMessages.cutOff, `printer stopped answering: ${after.detail ?? ''}`);
      if (after.condition !== 'ready' && after.condition !== 'unknown')
        throw new PrintFailure('uncertain', receiptMessages.cutOff, `printer ${after.condition} after the receipt`);
      closed = true;
      const left = Math.max(this.statusTimeoutMs, this.writeTimeoutMs - (Date.now() - started));
      if (!(await device.close(left)))
        throw new PrintFailure('uncertain', receiptMessages.cutOff, `device did not drain within ${left} ms`);
      return `device-${randomUUID()}`;
    } finally {
      if (!closed) await device.close(this.statusTimeoutMs);
    }
  }

  /** `submit` returns only once the device took the whole receipt. */
  jobState(): Promise<SystemJobState> {
    return Promise.resolve('done');
  }

  /** Bytes already written cannot be withdrawn from a device. */
  cancel(): Promise<void> {
    return Promise.resolve();
  }

  /** DLE EOT 1, 2 and 4 where the line can answer; `unknown` where it cannot or does not. */
  private async ask(device: SerialDevice): Promise<PrinterStatus> {
    if (!device.canAnswer) return { condition: 'unknown', detail: 'write-only device: no status' };
    try {
      await device.discardPending();
      const printer = await device.ask(dleEot(1), this.statusTimeoutMs);
      const offlineCause = await device.ask(dleEot(2), this.statusTimeoutMs);
      const paperSensor = await device.ask(dleEot(4), this.statusTimeoutMs);
      const { condition, detail } = conditionFromDleEot({ printer, offlineCause, paperSensor });
      if (condition !== 'unknown') this.answers = true;
      return { condition, detail };
    } catch (error) {
      return { condition: 'unknown', detail: `no status answer: ${describe(error)}` };
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof SerialDeviceError) return `${error.stage}: ${error.code ?? ''} ${error.message}`.trim();
  return error instanceof Error ? error.message : String(error);
}
