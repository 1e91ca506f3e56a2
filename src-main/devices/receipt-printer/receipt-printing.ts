import type { Logger } from '../../logger';
import { CupsPrinter } from '../document-printer/cups/cups-printer';
import type { DocumentPrinter } from '../document-printer/document-printer';
import type { PrintQueueOptions } from '../printing/print-queue';
import { startPrinterLine, type PrinterLine } from '../printing/printer-line';
import { UnavailablePrinter } from '../document-printer/unavailable-printer';
import type { Store } from '../../store/open-store';
import { EscposDevicePrinter, type EscposDeviceOptions } from './escpos-device-printer';
import { EscposTcpPrinter, type EscposTcpOptions } from './escpos-tcp-printer';
import { receiptMessages } from './receipt-messages';
import { parseReceiptPrinterAddress } from './receipt-printer-address';
import { escposContentType, type ReceiptPrinterProfile } from './receipt-profile';

export interface ReceiptPrinting extends PrinterLine {
  readonly profile: ReceiptPrinterProfile;
  /** False when `printers.receipt` is not set: nothing prints, the screens say so. */
  readonly configured: boolean;
}

export interface ReceiptPrintingOptions {
  readonly store: Store;
  /** `config.printers.receipt`, already validated by the config loader. */
  readonly address: string | null;
  readonly profile: ReceiptPrinterProfile;
  readonly log: Logger;
  readonly tcp?: EscposTcpOptions;
  /** Time limits of a printer on a device path (`serial:///dev/rfcomm0`, `COM5`). */
  readonly device?: EscposDeviceOptions;
  readonly statusTtlMs?: number;
  readonly queue?: PrintQueueOptions;
}

/**
 * The receipt printer: a network printer or a device path (a Bluetooth printer's rfcomm or
 * COM port) spoken to directly (status before and after each receipt where it answers), or an
 * OS queue given the bytes raw. Its jobs are ESC/POS bytes in print_jobs,
 * with their own queue beside the document printer's.
 */
export function startReceiptPrinting(options: ReceiptPrintingOptions): ReceiptPrinting {
  const printer = createReceiptPrinter(options);
  // A failed receipt is never sent again by itself: a person asks for the retry or the reprint.
  const queue: PrintQueueOptions = { maxAttempts: 2, ...options.queue };
  // Asking a Bluetooth printer its status means making the link: the status strip asks it
  // once a minute, not every few seconds (each receipt still asks it fresh, just before).
  const statusTtlMs = options.statusTtlMs ?? (printer instanceof EscposDevicePrinter ? 60_000 : undefined);
  const line = startPrinterLine({
    ...options,
    printer,
    contentTypes: [escposContentType],
    queue,
    ...(statusTtlMs === undefined ? {} : { statusTtlMs }),
  });
  return { ...line, profile: options.profile, configured: options.address !== null };
}

function createReceiptPrinter({ address, tcp, device }: ReceiptPrintingOptions): DocumentPrinter {
  if (address === null) return new UnavailablePrinter('not-configured', null, receiptMessages.notConfigured);
  const parsed = parseReceiptPrinterAddress(address);
  if (parsed === null) throw new Error(receiptMessages.badAddress);
  switch (parsed.kind) {
    case 'tcp':
      return new EscposTcpPrinter(address, parsed.host, parsed.port, tcp);
    case 'device':
      return new EscposDevicePrinter(address, parsed.path, device);
    case 'queue':
      return new CupsPrinter(parsed.queue);
  }
}
